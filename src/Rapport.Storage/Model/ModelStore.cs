using Dapper;
using Rapport.Hub.Model;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Model;

internal sealed partial class ModelStore(HubDatabase database) : IModelStore
{
    private const string DefinitionsSelect = "SELECT version AS Version, document AS Json, saved_by AS SavedBy, saved_at AS SavedAt FROM model_definitions";

    public async Task<StoredDefinitions?> GetModelDefinitionsAsync(CancellationToken cancellationToken = default) =>
        (await ListModelDefinitionsAsync(1, cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyList<StoredDefinitions>> ListModelDefinitionsAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DefinitionsRow>(Command(
            $"{DefinitionsSelect} ORDER BY version DESC LIMIT @limit", new { limit }, null, cancellationToken));
        return [.. rows.Select(r => r.ToStored())];
    }

    public Task<StoredDefinitions> SaveModelDefinitionsAsync(string json, string savedBy, CancellationToken cancellationToken = default) =>
        SaveModelDefinitionsAsync(json, savedBy, [], cancellationToken);

    public async Task<ModelCatalog> ReadModelCatalogAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var sources = await connection.QueryAsync<string>(Command("SELECT DISTINCT source FROM source_companies", null, null, cancellationToken));
        var attributes = await connection.QueryAsync<string>(Command(
            "SELECT name FROM attribute_names WHERE kind = 'company'", null, null, cancellationToken));
        var events = await connection.QueryAsync<string>(Command("SELECT DISTINCT name FROM event_names", null, null, cancellationToken));
        // attribute_names holds every source's custom attribute (trait) names without their source: a Segment group's
        // traits must be readable as segment.<trait> (MRR from segment.mrr), so each name counts for every source.
        var traits = sources.Append(StoredAccountInputs.Intercom).Distinct()
            .SelectMany(source => StoredAccountInputs.SourceFields.Concat(attributes).Select(field => $"{source}.{field}"));
        return new ModelCatalog(StoredAccountInputs.AccountFields, traits, events);
    }

    public async Task<IReadOnlyList<long>> ListAccountIdsAsync(long afterId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<long>(Command(
            "SELECT id FROM accounts WHERE id > @afterId ORDER BY id LIMIT @limit", new { afterId, limit }, null, cancellationToken))];
    }

    public async Task<IReadOnlyDictionary<long, AccountState>> GetAccountStatesAsync(
        IReadOnlyCollection<long> accountIds, CancellationToken cancellationToken = default)
    {
        var states = new Dictionary<long, AccountState>();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        foreach (var chunk in accountIds.Chunk(InListChunk))
        {
            var rows = await connection.QueryAsync<(long AccountId, string State)>(Command(
                $"SELECT account_id, state FROM account_states WHERE account_id {database.Dialect.InIds}",
                new { ids = database.Dialect.Numbers(chunk) }, null, cancellationToken));
            foreach (var (id, json) in rows)
            {
                if (AccountStateJson.Read(json) is { } state)
                    states[id] = state;
            }
        }

        return states;
    }

    public Task SaveAccountStatesAsync(IReadOnlyList<AccountState> states, int definitionsVersion, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            // One multi-row upsert per chunk: a full recompute writes every account.
            var upsert = new ValuesBuilder(
                database.Dialect,
                "INSERT INTO account_states (account_id, definitions_version, mrr, currency, type, health, owner_user_id, state, computed_at)",
                ["{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}", database.Dialect.Json("{0}"), "{0}"],
                """
                ON CONFLICT (account_id) DO UPDATE SET definitions_version = excluded.definitions_version, mrr = excluded.mrr,
                    currency = excluded.currency, type = excluded.type, health = excluded.health,
                    owner_user_id = excluded.owner_user_id, state = excluded.state, computed_at = excluded.computed_at
                """);
            // PostgreSQL refuses one statement that upserts the same row twice; the last state of an account wins.
            foreach (var state in states.Reverse().DistinctBy(s => s.AccountId).Reverse())
            {
                upsert.Add(
                    state.AccountId.Value, definitionsVersion, database.Dialect.Money(state.Mrr), state.Currency, state.Type.ToName(),
                    state.OverallHealth is { } health ? (double?)(double)health : null, state.OwnerUserId, AccountStateJson.Write(state),
                    database.Dialect.Time(state.ComputedAt));
            }

            await upsert.ExecuteAsync(connection, transaction, cancellationToken);
            await WriteModelValuesAsync(connection, transaction, states, cancellationToken);
            return states.Count;
        }, null, cancellationToken);

    public async Task<IReadOnlyList<long>> FindAccountsReachedAsync(
        string source, IReadOnlyCollection<string> companySourceIds, IReadOnlyCollection<string> contactSourceIds,
        IReadOnlyCollection<string> userExternalIds, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var companies = database.Dialect.In("@companies");
        var contacts = database.Dialect.In("@contacts");
        var users = database.Dialect.In("@users");
        var ids = await connection.QueryAsync<long>(Command(
            $"""
            SELECT account_id FROM source_companies WHERE source = @source AND source_id {companies}
            UNION
            SELECT m.account_id FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE u.external_id {users}
               OR u.external_id IN (SELECT c.external_id FROM source_contacts c WHERE c.source = @source AND c.source_id {contacts})
            """,
            new
            {
                source,
                companies = database.Dialect.Ids(companySourceIds),
                contacts = database.Dialect.Ids(contactSourceIds),
                users = database.Dialect.Ids(userExternalIds),
            }, null, cancellationToken));
        return [.. ids.Order()];
    }

    private sealed class DefinitionsRow
    {
        public int Version { get; set; }
        public string Json { get; set; } = "";
        public string SavedBy { get; set; } = "";
        public DateTimeOffset? SavedAt { get; set; }

        public StoredDefinitions ToStored() => new(Version, Json, SavedBy, SavedAt!.Value);
    }
}

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text;
using Dapper;
using Rapport.Storage.Content;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;
using static Rapport.Storage.Sql.Keyset;

namespace Rapport.Storage.Accounts;

internal sealed partial class BrowseStore
{
    /// <remarks>
    /// Only what the logical history decides goes in: external ids and source ids (never the store's own ids, which
    /// depend on insertion order), no write times or run stamps, everything sorted ordinally in memory (database
    /// collations differ), JSON in <see cref="CanonicalJson"/> form.
    /// </remarks>
    public async Task<string> ExportSnapshotAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // One read transaction, so the snapshot is of one moment even while a sync writes.
        await using var transaction = await database.BeginSnapshotAsync(connection, cancellationToken);
        async Task<List<T>> QueryAsync<T>(string sql) =>
            [.. await connection.QueryAsync<T>(Command(sql, null, transaction, cancellationToken))];

        var accounts = await QueryAsync<RecordRow>(
            "SELECT id AS Id, external_id AS ExternalId, name AS Name, status AS Status, status_reason AS StatusReason FROM accounts");
        var users = await QueryAsync<RecordRow>(
            "SELECT id AS Id, external_id AS ExternalId, email AS Email, name AS Name, status AS Status, status_reason AS StatusReason FROM users");
        var memberships = await QueryAsync<(string Account, string User, string Source)>(
            "SELECT a.external_id, u.external_id, m.source FROM memberships m JOIN accounts a ON a.id = m.account_id JOIN users u ON u.id = m.user_id");
        var companies = (await ReadCompanySourcesAsync(connection, "1 = 1", null, cancellationToken)).ToLookup(c => c.AccountId);
        var contacts = await ReadContactSourcesAsync(connection, "1 = 1", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var text = new StringBuilder("rapport-snapshot 1\n");
        foreach (var account in accounts.OrderBy(a => a.ExternalId, StringComparer.Ordinal))
        {
            text.Append($"account {Q(account.ExternalId)} name={Q(account.Name)} status={account.Status} reason={Q(account.StatusReason)}\n");
            foreach (var c in companies[account.Id])
            {
                text.Append($"  company {Q(c.Source)} {Q(c.SourceId)} external_id={Q(c.ExternalId)} qualified={(c.Qualified ? "true" : "false")} reason={Q(c.Reason)}\n")
                    .Append($"    name={Q(c.Name)} plan={Q(c.Plan)} monthly_spend={c.MonthlySpend?.ToString(CultureInfo.InvariantCulture) ?? "null"}")
                    .Append($" user_count={N(c.UserCount)} session_count={N(c.SessionCount)} size={N(c.Size)} industry={Q(c.Industry)} website={Q(c.Website)}\n")
                    .Append($"    created_at={T(c.CreatedAt)} updated_at={T(c.UpdatedAt)} last_seen_at={T(c.LastSeenAt)}\n")
                    .Append($"    tags={L(c.Tags)} segments={L(c.Segments)}\n")
                    .Append($"    custom_attributes={CanonicalJson.Of(c.CustomAttributesJson)}\n")
                    .Append($"    raw={CanonicalJson.Of(c.RawJson)}\n");
            }
        }

        var membershipsOf = memberships.ToLookup(m => m.User, StringComparer.Ordinal);
        foreach (var user in users.OrderBy(u => u.ExternalId, StringComparer.Ordinal))
        {
            text.Append($"user {Q(user.ExternalId)} email={Q(user.Email)} name={Q(user.Name)} status={user.Status} reason={Q(user.StatusReason)}\n");
            foreach (var m in membershipsOf[user.ExternalId].OrderBy(m => m.Account, StringComparer.Ordinal).ThenBy(m => m.Source, StringComparer.Ordinal))
            {
                text.Append($"  member of {Q(m.Account)} via {Q(m.Source)}\n");
            }
        }

        foreach (var c in contacts)
        {
            text.Append($"contact {Q(c.Source)} {Q(c.SourceId)} external_id={Q(c.ExternalId)} email={Q(c.Email)} name={Q(c.Name)}\n")
                .Append($"    created_at={T(c.CreatedAt)} updated_at={T(c.UpdatedAt)} last_seen_at={T(c.LastSeenAt)}\n")
                .Append($"    tags={L(c.Tags)} segments={L(c.Segments)} companies={L(c.Companies)}\n")
                .Append($"    custom_attributes={CanonicalJson.Of(c.CustomAttributesJson)}\n")
                .Append($"    raw={CanonicalJson.Of(c.RawJson)}\n");
        }

        return text.ToString();
    }

    private static string Q(string? value) =>
        value is null ? "null" : "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value + "\"";

    private static string N(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    private static string T(DateTimeOffset? value) => value?.ToString("O", CultureInfo.InvariantCulture) ?? "null";

    private static string L(IReadOnlyList<string> values) => "[" + string.Join(",", values.Select(Q)) + "]";
}

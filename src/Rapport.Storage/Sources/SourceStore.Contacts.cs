using System.Data.Common;
using Dapper;
using Rapport.Hub.Sources;
using Rapport.Hub.Storage;
using Rapport.Storage.Content;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Sources;

internal sealed partial class SourceStore
{
    /// <returns>Contacts whose mirror row was created or rewritten; unchanged ones are only stamped.</returns>
    public Task<int> MirrorContactsAsync(
        IReadOnlyList<SourceContact> batch, string runId, SyncCheckpoint? checkpoint = null, CancellationToken cancellationToken = default)
    {
        var contacts = batch.GroupBy(c => (c.Source, c.SourceId)).Select(g => g.Last()).ToList();
        return database.WriteAsync(async (connection, transaction) =>
        {
            var now = database.Now();
            var written = 0;
            foreach (var group in contacts.GroupBy(c => c.Source))
            {
                var source = group.Key;
                var stored = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var ids in Chunks(group.Select(c => c.SourceId)))
                {
                    var rows = await connection.QueryAsync<(string SourceId, string Hash)>(Command(
                        $"SELECT source_id, content_hash FROM source_contacts WHERE source = @source AND source_id {database.Dialect.InIds}",
                        new { source, ids = database.Dialect.Ids(ids) }, transaction, cancellationToken));
                    foreach (var (sourceId, hash) in rows)
                    {
                        stored[sourceId] = hash;
                    }
                }

                var changed = new List<(SourceContact Contact, string Hash)>();
                var untouched = new List<string>();
                foreach (var contact in group)
                {
                    var hash = ContentHash.Of(contact);
                    if (stored.TryGetValue(contact.SourceId, out var old) && old == hash)
                    {
                        untouched.Add(contact.SourceId);
                    }
                    else
                    {
                        changed.Add((contact, hash));
                    }
                }

                await WriteContactsAsync(connection, transaction, source, changed, stored, runId, now, cancellationToken);
                foreach (var ids in Chunks(untouched))
                {
                    await connection.ExecuteAsync(Command(
                        $"""
                        UPDATE source_contacts SET seen_run = @runId
                        WHERE source = @source AND source_id {database.Dialect.InIds} AND (seen_run IS NULL OR seen_run <> @runId)
                        """, new { source, ids = database.Dialect.Ids(ids), runId }, transaction, cancellationToken));
                }

                written += changed.Count;
            }

            return written;
        }, checkpoint, cancellationToken);
    }

    private async Task WriteContactsAsync(
        DbConnection connection, DbTransaction transaction, string source,
        List<(SourceContact Contact, string Hash)> changed, Dictionary<string, string> stored, string runId, object now,
        CancellationToken cancellationToken)
    {
        if (changed.Count == 0)
        {
            return;
        }

        var upsert = new ValuesBuilder(
            database.Dialect,
            """
            INSERT INTO source_contacts (source, source_id, external_id, email, name, source_created_at, source_updated_at,
                last_seen_at, custom_attributes, raw, content_hash, seen_run, written_at)
            """,
            ["{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}", database.Dialect.JsonB("{0}"), database.Dialect.Json("{0}"), "{0}", "{0}", "{0}"],
            """
            ON CONFLICT (source, source_id) DO UPDATE SET external_id = excluded.external_id, email = excluded.email,
                name = excluded.name, source_created_at = excluded.source_created_at, source_updated_at = excluded.source_updated_at,
                last_seen_at = excluded.last_seen_at, custom_attributes = excluded.custom_attributes, raw = excluded.raw,
                content_hash = excluded.content_hash, seen_run = excluded.seen_run, written_at = excluded.written_at
            """);
        var links = new ValuesBuilder(
            database.Dialect,
            "INSERT INTO source_contact_companies (source, contact_source_id, company_source_id)", ["{0}", "{0}", "{0}"]);
        var tags = new ValuesBuilder(database.Dialect, "INSERT INTO source_contact_tags (source, contact_source_id, tag)", ["{0}", "{0}", "{0}"]);
        foreach (var (c, hash) in changed)
        {
            upsert.Add(
                source, c.SourceId, c.ExternalId, c.Email, c.Name, database.Dialect.Time(c.CreatedAt), database.Dialect.Time(c.UpdatedAt),
                database.Dialect.Time(c.LastSeenAt), c.CustomAttributesJson, c.RawJson, hash, runId, now);
            foreach (var company in ContentHash.Normalise(c.CompanySourceIds))
            {
                links.Add(source, c.SourceId, company);
            }

            foreach (var tag in ContentHash.Normalise(c.Tags))
            {
                tags.Add(source, c.SourceId, tag);
            }
        }

        await upsert.ExecuteAsync(connection, transaction, cancellationToken);
        foreach (var ids in Chunks(changed.Select(c => c.Contact.SourceId).Where(stored.ContainsKey)))
        {
            var parameters = new { source, ids = database.Dialect.Ids(ids) };
            await connection.ExecuteAsync(Command(
                $"DELETE FROM source_contact_companies WHERE source = @source AND contact_source_id {database.Dialect.InIds}", parameters, transaction, cancellationToken));
            await connection.ExecuteAsync(Command(
                $"DELETE FROM source_contact_tags WHERE source = @source AND contact_source_id {database.Dialect.InIds}", parameters, transaction, cancellationToken));
        }

        await links.ExecuteAsync(connection, transaction, cancellationToken);
        await tags.ExecuteAsync(connection, transaction, cancellationToken);
    }

    public Task<int> ForgetContactsAsync(string source, IReadOnlyList<string> sourceIds, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var forgotten = 0;
            foreach (var ids in Chunks(sourceIds.Distinct(StringComparer.Ordinal)))
            {
                // Links and tags go with their contact (ON DELETE CASCADE).
                forgotten += await connection.ExecuteAsync(Command(
                    $"DELETE FROM source_contacts WHERE source = @source AND source_id {database.Dialect.InIds}", new { source, ids = database.Dialect.Ids(ids) }, transaction, cancellationToken));
            }

            return forgotten;
        }, null, cancellationToken);

    public Task<int> ForgetUnseenContactsAsync(string source, string runId, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteAsync(Command(
            "DELETE FROM source_contacts WHERE source = @source AND (seen_run IS NULL OR seen_run <> @runId)",
            new { source, runId }, transaction, cancellationToken)), null, cancellationToken);
}

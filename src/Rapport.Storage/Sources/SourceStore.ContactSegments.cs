using Dapper;
using Rapport.Storage.Content;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Sources;

internal sealed partial class SourceStore
{
    /// <remarks>
    /// Membership is diffed in memory against what is stored, so only contacts whose set changed are rewritten: a
    /// re-import in which nobody joined or left a segment writes nothing.
    /// </remarks>
    public Task<int> ReplaceContactSegmentsAsync(
        string source, IReadOnlyDictionary<string, IReadOnlyList<string>> segmentsByContactSourceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segmentsByContactSourceId);
        return database.WriteAsync(async (connection, transaction) =>
        {
            var stored = (await connection.QueryAsync<(string SourceId, string Segment)>(Command(
                    "SELECT source_id, segment FROM source_contact_segments WHERE source = @source",
                    new { source }, transaction, cancellationToken)))
                .ToLookup(r => r.SourceId, r => r.Segment, StringComparer.Ordinal);

            var mirrored = new HashSet<string>(StringComparer.Ordinal);
            foreach (var ids in Chunks(segmentsByContactSourceId.Keys))
            {
                mirrored.UnionWith(await connection.QueryAsync<string>(Command(
                    $"SELECT source_id FROM source_contacts WHERE source = @source AND source_id {database.Dialect.InIds}",
                    new { source, ids = database.Dialect.Ids(ids) }, transaction, cancellationToken)));
            }

            var rewritten = new List<string>();
            var inserts = new ValuesBuilder(database.Dialect, "INSERT INTO source_contact_segments (source, source_id, segment)", ["{0}", "{0}", "{0}"]);
            var changedRows = 0;
            foreach (var contact in mirrored.Union(stored.Select(g => g.Key), StringComparer.Ordinal))
            {
                var wanted = mirrored.Contains(contact) ? ContentHash.Normalise(segmentsByContactSourceId[contact]) : [];
                var had = stored[contact].ToHashSet(StringComparer.Ordinal);
                var added = wanted.Count(s => !had.Contains(s));
                var removed = had.Count - (wanted.Count - added);
                if (added == 0 && removed == 0)
                {
                    continue;
                }

                changedRows += added + removed;
                rewritten.Add(contact);
                foreach (var segment in wanted)
                {
                    inserts.Add(source, contact, segment);
                }
            }

            foreach (var ids in Chunks(rewritten))
            {
                await connection.ExecuteAsync(Command(
                    $"DELETE FROM source_contact_segments WHERE source = @source AND source_id {database.Dialect.InIds}",
                    new { source, ids = database.Dialect.Ids(ids) }, transaction, cancellationToken));
            }

            await inserts.ExecuteAsync(connection, transaction, cancellationToken);
            return changedRows;
        }, null, cancellationToken);
    }
}

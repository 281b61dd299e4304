using Dapper;
using Rapport.Hub.Sources;
using Rapport.Storage.Content;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Sources;

internal sealed partial class SourceStore
{
    private sealed partial class CompanyBatch
    {
        private async Task WriteCompaniesAsync(List<(CompanyDecision Decision, long AccountId, string Hash)> writes)
        {
            if (writes.Count == 0)
            {
                return;
            }

            var dialect = store.Database.Dialect;
            var upsert = new ValuesBuilder(
                dialect,
                """
                INSERT INTO source_companies (source, source_id, account_id, external_id, name, plan, monthly_spend, user_count,
                    session_count, size, industry, website, source_created_at, source_updated_at, last_seen_at, custom_attributes, raw,
                    content_hash, qualified, reason, seen_run, written_at)
                """,
                ["{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}",
                    dialect.JsonB("{0}"), dialect.Json("{0}"), "{0}", "{0}", "{0}", "{0}", "{0}"],
                """
                ON CONFLICT (source, source_id) DO UPDATE SET account_id = excluded.account_id, external_id = excluded.external_id,
                    name = excluded.name, plan = excluded.plan, monthly_spend = excluded.monthly_spend, user_count = excluded.user_count,
                    session_count = excluded.session_count, size = excluded.size, industry = excluded.industry, website = excluded.website,
                    source_created_at = excluded.source_created_at, source_updated_at = excluded.source_updated_at,
                    last_seen_at = excluded.last_seen_at, custom_attributes = excluded.custom_attributes, raw = excluded.raw,
                    content_hash = excluded.content_hash, qualified = excluded.qualified, reason = excluded.reason,
                    seen_run = excluded.seen_run, written_at = excluded.written_at
                """);
            var tags = new ValuesBuilder(dialect, "INSERT INTO source_company_tags (source, source_id, tag)", ["{0}", "{0}", "{0}"]);
            var segments = new ValuesBuilder(dialect, "INSERT INTO source_company_segments (source, source_id, segment)", ["{0}", "{0}", "{0}"]);
            foreach (var (d, accountId, hash) in writes)
            {
                var c = d.Company;
                upsert.Add(
                    c.Source, c.SourceId, accountId, c.ExternalId, c.Name, c.Plan, dialect.Money(c.MonthlySpend), c.UserCount,
                    c.SessionCount, c.Size, c.Industry, c.Website, dialect.Time(c.CreatedAt), dialect.Time(c.UpdatedAt),
                    dialect.Time(c.LastSeenAt), c.CustomAttributesJson, c.RawJson, hash, d.Qualified, d.Reason, runId, _now);
                foreach (var tag in ContentHash.Normalise(c.Tags))
                {
                    tags.Add(c.Source, c.SourceId, tag);
                }

                foreach (var segment in ContentHash.Normalise(c.Segments))
                {
                    segments.Add(c.Source, c.SourceId, segment);
                }
            }

            await upsert.ExecuteAsync(connection, transaction, cancellationToken);
            foreach (var group in writes.GroupBy(w => w.Decision.Company.Source))
            {
                foreach (var ids in Chunks(group.Select(w => w.Decision.Company.SourceId)))
                {
                    var parameters = new { source = group.Key, ids = store.Database.Dialect.Ids(ids) };
                    await connection.ExecuteAsync(Command(
                        $"DELETE FROM source_company_tags WHERE source = @source AND source_id {store.Database.Dialect.InIds}", parameters, transaction, cancellationToken));
                    await connection.ExecuteAsync(Command(
                        $"DELETE FROM source_company_segments WHERE source = @source AND source_id {store.Database.Dialect.InIds}", parameters, transaction, cancellationToken));
                }
            }

            await tags.ExecuteAsync(connection, transaction, cancellationToken);
            await segments.ExecuteAsync(connection, transaction, cancellationToken);
        }

        private async Task StampAsync(List<(string Source, string SourceId)> untouched)
        {
            foreach (var group in untouched.GroupBy(k => k.Source))
            {
                foreach (var ids in Chunks(group.Select(k => k.SourceId)))
                {
                    await connection.ExecuteAsync(Command(
                        $"""
                        UPDATE source_companies SET seen_run = @runId
                        WHERE source = @source AND source_id {store.Database.Dialect.InIds} AND (seen_run IS NULL OR seen_run <> @runId)
                        """, new { source = group.Key, ids = store.Database.Dialect.Ids(ids), runId }, transaction, cancellationToken));
                }
            }
        }
    }
}

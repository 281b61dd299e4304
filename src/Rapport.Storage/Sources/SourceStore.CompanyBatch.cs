using System.Data.Common;
using Dapper;
using Rapport.Hub.Sources;
using Rapport.Storage.Content;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Sources;

internal sealed partial class SourceStore
{
    /// <summary>
    /// One batch of companies inside its transaction: existing rows and accounts are read in one query each, then only
    /// what changed is written, with multi-row statements.
    /// </summary>
    private sealed partial class CompanyBatch(
        SourceStore store, DbConnection connection, DbTransaction transaction, string runId, CancellationToken cancellationToken)
    {
        private readonly object _now = store.Database.Now();

        public async Task<CompanyBatchResult> ApplyAsync(List<CompanyDecision> decisions)
        {
            var existing = await ReadExistingAsync(decisions);
            var desiredNames = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var d in decisions.Where(CompanyAccounts.MakesAccount))
            {
                desiredNames[d.Company.ExternalId!] = d.Company.Name;
            }

            var (accounts, created) = await EnsureAccountsAsync(desiredNames);
            await PreferNamesAsync(decisions, desiredNames, accounts);
            var changedAccounts = await UpdateAccountsAsync(desiredNames, accounts, created);

            int createdCount = 0, updated = 0, unchanged = 0, deactivated = 0, notImported = 0;
            var countedCreated = new HashSet<string>(StringComparer.Ordinal);
            var writes = new List<(CompanyDecision Decision, long AccountId, string Hash)>();
            var untouched = new List<(string Source, string SourceId)>();
            var recheck = new Dictionary<long, string>();
            var dropping = new List<(CompanyDecision Decision, long AccountId, bool Changed)>();

            foreach (var d in decisions)
            {
                var key = (d.Company.Source, d.Company.SourceId);
                existing.TryGetValue(key, out var row);
                var hash = ContentHash.Of(d);
                var account = CompanyAccounts.MakesAccount(d) ? accounts[d.Company.ExternalId!] : null;
                var effect = CompanyAccounts.Decide(d, row?.AccountId, account?.Id);
                if (effect.RecheckAccountId is { } recheckId)
                {
                    recheck[recheckId] = effect.RecheckReason!;
                }

                switch (effect.Action)
                {
                    case CompanyAccountAction.Attach:
                        {
                            var externalId = d.Company.ExternalId!;
                            var rowChanged = row is null || row.ContentHash != hash || row.AccountId != account!.Id;
                            if (rowChanged)
                            {
                                writes.Add((d, account!.Id, hash));
                            }
                            else
                            {
                                untouched.Add(key);
                            }

                            if (created.Contains(externalId) && countedCreated.Add(externalId))
                            {
                                createdCount++;
                            }
                            else if (rowChanged || changedAccounts.Contains(externalId))
                            {
                                updated++;
                            }
                            else
                            {
                                unchanged++;
                            }

                            break;
                        }

                    case CompanyAccountAction.Ignore:
                        notImported++;
                        break;

                    default:
                        {
                            var rowChanged = row!.ContentHash != hash;
                            if (rowChanged)
                            {
                                writes.Add((d, row.AccountId, hash));
                            }
                            else
                            {
                                untouched.Add(key);
                            }

                            dropping.Add((d, row.AccountId, rowChanged));
                            break;
                        }
                }
            }

            await WriteCompaniesAsync(writes);
            await StampAsync(untouched);

            var deactivatedAccounts = new HashSet<long>();
            foreach (var (accountId, reason) in recheck)
            {
                if (await store.DeactivateIfOrphanedAsync(connection, transaction, accountId, reason, cancellationToken) > 0)
                {
                    deactivatedAccounts.Add(accountId);
                }
            }

            foreach (var (_, accountId, changed) in dropping)
            {
                if (deactivatedAccounts.Remove(accountId))
                {
                    deactivated++;
                }
                else if (changed)
                {
                    updated++;
                }
                else
                {
                    unchanged++;
                }
            }

            deactivated += deactivatedAccounts.Count;
            return new CompanyBatchResult(createdCount, updated, unchanged, deactivated, notImported);
        }

        /// <summary>An account's name is its best-ranked record's (<see cref="SourcePrecedence"/>), not the last one written.</summary>
        private async Task PreferNamesAsync(List<CompanyDecision> decisions, Dictionary<string, string?> desiredNames, Dictionary<string, ExistingAccount> accounts)
        {
            var importable = decisions.Where(CompanyAccounts.MakesAccount).ToList();
            var (precedence, stored) = await store.ReadNamesAsync(
                connection, transaction, importable.Select(d => accounts[d.Company.ExternalId!].Id), cancellationToken);
            foreach (var group in importable.GroupBy(d => d.Company.ExternalId!))
            {
                var incoming = group.Select(d => (d.Company.Source, d.Company.SourceId, d.Company.Name)).ToList();
                var others = stored[accounts[group.Key].Id].Where(r => !incoming.Any(i => i.Source == r.Source && i.SourceId == r.SourceId));
                if (precedence.Pick("name", others.Concat(incoming).Select(c => (c.Source, c.Name))).Value is { } name)
                    desiredNames[group.Key] = name;
            }
        }

        private async Task<Dictionary<(string, string), ExistingCompany>> ReadExistingAsync(List<CompanyDecision> decisions)
        {
            var result = new Dictionary<(string, string), ExistingCompany>();
            foreach (var group in decisions.GroupBy(d => d.Company.Source))
            {
                foreach (var ids in Chunks(group.Select(d => d.Company.SourceId)))
                {
                    var rows = await connection.QueryAsync<ExistingCompany>(Command(
                        $"""
                        SELECT source AS Source, source_id AS SourceId, account_id AS AccountId, content_hash AS ContentHash
                        FROM source_companies WHERE source = @source AND source_id {store.Database.Dialect.InIds}
                        """, new { source = group.Key, ids = store.Database.Dialect.Ids(ids) }, transaction, cancellationToken));
                    foreach (var row in rows)
                    {
                        result[(row.Source, row.SourceId)] = row;
                    }
                }
            }

            return result;
        }

        private async Task<(Dictionary<string, ExistingAccount> Accounts, HashSet<string> Created)> EnsureAccountsAsync(
            Dictionary<string, string?> desiredNames)
        {
            var accounts = await ReadAccountsAsync(desiredNames.Keys);
            var insert = new ValuesBuilder(
                store.Database.Dialect,
                "INSERT INTO accounts (external_id, name, status, status_reason, created_at, updated_at)",
                ["{0}", "{0}", "{0}", "{0}", "{0}", "{0}"],
                // A concurrent writer (another node) may have created it since the read: theirs stands, ours is read back.
                "ON CONFLICT (external_id) DO NOTHING RETURNING external_id");
            foreach (var (externalId, name) in desiredNames.Where(p => !accounts.ContainsKey(p.Key)))
            {
                insert.Add(externalId, name, Active, null, _now, _now);
            }

            var created = new HashSet<string>(StringComparer.Ordinal);
            if (insert.Count > 0)
            {
                created.UnionWith(await insert.QueryStringsAsync(connection, transaction, cancellationToken));
                foreach (var (key, value) in await ReadAccountsAsync(desiredNames.Keys.Where(k => !accounts.ContainsKey(k))))
                {
                    accounts[key] = value;
                }
            }

            return (accounts, created);
        }

        private async Task<Dictionary<string, ExistingAccount>> ReadAccountsAsync(IEnumerable<string> externalIds)
        {
            var result = new Dictionary<string, ExistingAccount>(StringComparer.Ordinal);
            foreach (var ids in Chunks(externalIds))
            {
                var rows = await connection.QueryAsync<ExistingAccount>(Command(
                    $"SELECT id AS Id, external_id AS ExternalId, name AS Name, status AS Status FROM accounts WHERE external_id {store.Database.Dialect.InIds}",
                    new { ids = store.Database.Dialect.Ids(ids) }, transaction, cancellationToken));
                foreach (var row in rows)
                {
                    result[row.ExternalId] = row;
                }
            }

            return result;
        }

        /// <summary>Renames and revives the accounts whose qualifying company says so; returns their external ids.</summary>
        private async Task<HashSet<string>> UpdateAccountsAsync(
            Dictionary<string, string?> desiredNames, Dictionary<string, ExistingAccount> accounts, HashSet<string> created)
        {
            var changed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (externalId, name) in desiredNames)
            {
                var account = accounts[externalId];
                if (created.Contains(externalId) || (account.Status == Active && account.Name == name))
                {
                    continue;
                }

                var parameters = new DynamicParameters(new { account.Id, name });
                parameters.Add("now", _now);
                await connection.ExecuteAsync(Command(
                    "UPDATE accounts SET name = @name, status = 'active', status_reason = NULL, updated_at = @now WHERE id = @Id",
                    parameters, transaction, cancellationToken));
                changed.Add(externalId);
            }

            return changed;
        }
    }
}

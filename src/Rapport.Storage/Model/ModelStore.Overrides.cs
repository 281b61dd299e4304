using System.Data.Common;
using Dapper;
using Rapport.Hub.Accounts;
using Rapport.Hub.Model;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Model;

internal sealed partial class ModelStore
{
    public async Task<AccountOverrides> GetAccountOverridesAsync(AccountId accountId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginSnapshotAsync(connection, cancellationToken);
        var overrides = (await ReadOverridesAsync(connection, transaction, [accountId.Value], cancellationToken))
            .GetValueOrDefault(accountId.Value) ?? AccountOverrides.None(accountId);
        await transaction.CommitAsync(cancellationToken);
        return overrides;
    }

    public Task SetManualOwnerAsync(AccountId accountId, ManualOwner owner, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteAsync(Command(
            """
            INSERT INTO account_owner_overrides (account_id, user_external_id, set_by, set_at) VALUES (@accountId, @userId, @setBy, @setAt)
            ON CONFLICT (account_id) DO UPDATE SET user_external_id = excluded.user_external_id, set_by = excluded.set_by, set_at = excluded.set_at
            """,
            new { accountId = accountId.Value, userId = owner.UserId, setBy = owner.SetBy, setAt = database.Dialect.Time(owner.SetAt) }, transaction, cancellationToken)),
            null, cancellationToken);

    public async Task<bool> ClearManualOwnerAsync(AccountId accountId, CancellationToken cancellationToken = default) =>
        await database.WriteAsync((connection, transaction) => connection.ExecuteAsync(Command(
            "DELETE FROM account_owner_overrides WHERE account_id = @accountId", new { accountId = accountId.Value }, transaction, cancellationToken)),
            null, cancellationToken) > 0;

    public Task SetManualSegmentAsync(AccountId accountId, ManualSegment segment, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteAsync(Command(
            """
            INSERT INTO account_segment_overrides (account_id, segment, member, set_by, set_at) VALUES (@accountId, @segment, @member, @setBy, @setAt)
            ON CONFLICT (account_id, segment) DO UPDATE SET member = excluded.member, set_by = excluded.set_by, set_at = excluded.set_at
            """,
            new { accountId = accountId.Value, segment = segment.Segment, member = segment.Member, setBy = segment.SetBy, setAt = database.Dialect.Time(segment.SetAt) },
            transaction, cancellationToken)),
            null, cancellationToken);

    public async Task<bool> ClearManualSegmentAsync(AccountId accountId, string segment, CancellationToken cancellationToken = default) =>
        await database.WriteAsync((connection, transaction) => connection.ExecuteAsync(Command(
            "DELETE FROM account_segment_overrides WHERE account_id = @accountId AND segment = @segment",
            new { accountId = accountId.Value, segment }, transaction, cancellationToken)),
            null, cancellationToken) > 0;

    public Task MarkIndicatorAddressedAsync(AccountId accountId, string indicator, IndicatorAddressed mark, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteAsync(Command(
            """
            INSERT INTO indicator_addressed (account_id, indicator, activated_at, addressed_by, addressed_at)
            VALUES (@accountId, @indicator, @activatedAt, @addressedBy, @addressedAt)
            ON CONFLICT (account_id, indicator) DO UPDATE SET activated_at = excluded.activated_at,
                addressed_by = excluded.addressed_by, addressed_at = excluded.addressed_at
            """,
            new
            {
                accountId = accountId.Value,
                indicator,
                activatedAt = database.Dialect.Time(mark.ActivatedAt),
                addressedBy = mark.AddressedBy,
                addressedAt = database.Dialect.Time(mark.AddressedAt),
            }, transaction, cancellationToken)),
            null, cancellationToken);

    /// <summary>The overrides of every account of <paramref name="accountIds"/> that has any, in three queries whatever their count.</summary>
    private async Task<Dictionary<long, AccountOverrides>> ReadOverridesAsync(
        DbConnection connection, DbTransaction transaction, long[] accountIds, CancellationToken cancellationToken)
    {
        var ids = new { ids = database.Dialect.Numbers(accountIds) };
        var owners = (await connection.QueryAsync<OwnerRow>(Command(
            $"SELECT account_id AS AccountId, user_external_id AS UserId, set_by AS SetBy, set_at AS SetAt FROM account_owner_overrides WHERE account_id {database.Dialect.InIds}",
            ids, transaction, cancellationToken))).ToDictionary(r => r.AccountId);
        var segments = (await connection.QueryAsync<SegmentRow>(Command(
            $"""
            SELECT account_id AS AccountId, segment AS Segment, member AS Member, set_by AS SetBy, set_at AS SetAt
            FROM account_segment_overrides WHERE account_id {database.Dialect.InIds} ORDER BY account_id, segment
            """, ids, transaction, cancellationToken))).ToLookup(r => r.AccountId);
        var addressed = (await connection.QueryAsync<AddressedRow>(Command(
            $"""
            SELECT account_id AS AccountId, indicator AS Indicator, activated_at AS ActivatedAt, addressed_by AS AddressedBy, addressed_at AS AddressedAt
            FROM indicator_addressed WHERE account_id {database.Dialect.InIds}
            """, ids, transaction, cancellationToken))).ToLookup(r => r.AccountId);

        return owners.Keys.Concat(segments.Select(g => g.Key)).Concat(addressed.Select(g => g.Key)).Distinct().ToDictionary(
            id => id,
            id => new AccountOverrides(
                new AccountId(id),
                owners.TryGetValue(id, out var owner) ? new ManualOwner(owner.UserId, owner.SetBy, owner.SetAt!.Value) : null,
                [.. segments[id].Select(r => new ManualSegment(r.Segment, r.Member, r.SetBy, r.SetAt!.Value))],
                addressed[id].ToDictionary(
                    r => r.Indicator,
                    r => new IndicatorAddressed(r.ActivatedAt!.Value, r.AddressedBy, r.AddressedAt!.Value),
                    StringComparer.OrdinalIgnoreCase)));
    }

    private sealed class OwnerRow
    {
        public long AccountId { get; set; }
        public string UserId { get; set; } = "";
        public string SetBy { get; set; } = "";
        public DateTimeOffset? SetAt { get; set; }
    }

    private sealed class SegmentRow
    {
        public long AccountId { get; set; }
        public string Segment { get; set; } = "";
        public bool Member { get; set; }
        public string SetBy { get; set; } = "";
        public DateTimeOffset? SetAt { get; set; }
    }

    private sealed class AddressedRow
    {
        public long AccountId { get; set; }
        public string Indicator { get; set; } = "";
        public DateTimeOffset? ActivatedAt { get; set; }
        public string AddressedBy { get; set; } = "";
        public DateTimeOffset? AddressedAt { get; set; }
    }
}

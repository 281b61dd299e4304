using Dapper;
using Rapport.Hub.Security;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Security;

internal sealed partial class SignInStore(HubDatabase database) : ISignInStore
{
    public async Task<DateTimeOffset?> FindSignInLockAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(new { email = SignInKey(email) });
        parameters.Add("now", database.Now());
        return await connection.ExecuteScalarAsync<DateTimeOffset?>(Command(
            "SELECT locked_until FROM sign_in_failures WHERE email = @email AND locked_until > @now", parameters, null, cancellationToken));
    }

    public Task<DateTimeOffset?> RecordFailedSignInAsync(string email, SignInLockPolicy policy, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var now = database.TimeProvider.GetUtcNow();
            var lockedUntil = database.Dialect.Time(now + policy.Duration);
            var parameters = new DynamicParameters(new { email = SignInKey(email), threshold = policy.Locks ? policy.Failures : int.MaxValue });
            parameters.Add("now", database.Dialect.Time(now));
            parameters.Add("windowStart", database.Dialect.Time(now - policy.Duration));
            parameters.Add("lockedUntil", lockedUntil);
            // Failures older than the window, or from before a lock that has ended, no longer count: the count starts
            // afresh (a NULL locked_until compares as unknown, hence the COALESCE). One statement, so that concurrent
            // failures on other nodes are all counted: the row is locked while it changes.
            const string Fresh = "(f.first_failed_at <= @windowStart OR COALESCE(f.locked_until <= @now, FALSE))";
            var locked = await connection.ExecuteScalarAsync<DateTimeOffset?>(Command(
                $"""
                INSERT INTO sign_in_failures AS f (email, failures, first_failed_at, locked_until)
                VALUES (@email, 1, @now, CASE WHEN @threshold <= 1 THEN @lockedUntil END)
                ON CONFLICT (email) DO UPDATE SET
                    failures = CASE WHEN {Fresh} THEN 1 ELSE f.failures + 1 END,
                    first_failed_at = CASE WHEN {Fresh} THEN @now ELSE f.first_failed_at END,
                    locked_until = CASE WHEN NOT {Fresh} AND f.failures + 1 >= @threshold THEN @lockedUntil ELSE NULL END
                RETURNING locked_until
                """, parameters, transaction, cancellationToken));
            await connection.ExecuteAsync(Command(
                "DELETE FROM sign_in_failures WHERE first_failed_at <= @windowStart AND (locked_until IS NULL OR locked_until <= @now) AND email <> @email",
                parameters, transaction, cancellationToken));
            return locked;
        }, null, cancellationToken);

    public Task ClearFailedSignInsAsync(string email, CancellationToken cancellationToken = default) =>
        database.ChangeOneAsync("DELETE FROM sign_in_failures WHERE email = @email", new DynamicParameters(new { email = SignInKey(email) }), cancellationToken);

    private static string SignInKey(string email) => email.Trim().ToLowerInvariant();
}

using Dapper;
using Npgsql;
using Rapport.Hub.Sync;

namespace Rapport.Storage.Postgres;

/// <summary>
/// A job held on a PostgreSQL hub: a session advisory lock on a connection of its own, kept open while the job runs.
/// The server drops it if the session dies (https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS).
/// The locks live in the whole database, so the second key is the hub's schema: two hubs in two schemas of one database
/// never wait for each other. The two-key form keeps them apart from the single-key lock that serialises migrations.
/// </summary>
internal sealed class PostgresJobHold(NpgsqlConnection connection, HubJob job) : IJobHold
{
    /// <summary>"Rprt", plus the job: the first key of a job's lock.</summary>
    private const int Space = 0x52707274;

    private const string Keys = "@key, hashtext(current_schema())";

    public static async Task<IJobHold?> TryHoldAsync(NpgsqlDataSource dataSource, HubJob job, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    $"SELECT pg_try_advisory_lock({Keys})", new { key = Space + (int)job }, cancellationToken: cancellationToken)))
            {
                return new PostgresJobHold(connection, job);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>A session lock lasts as long as its session: if the session still answers, the lock is still this process's.</summary>
    public async Task<bool> IsHeldAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken)) == 1;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // Broken or closed: the server dropped the session, and the lock with it.
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // A pooled connection keeps its session, and with it the lock, until it is reused: unlock before returning it.
            await connection.ExecuteAsync($"SELECT pg_advisory_unlock({Keys})", new { key = Space + (int)job });
        }
        catch (NpgsqlException)
        {
            // The session is gone, and its lock with it.
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}

using System.Data.Common;
using Dapper;
using Rapport.Hub.Storage;

namespace Rapport.Storage.Tests.Support;

/// <summary>A fresh store plus a side door into its database, for what a user would check with a SQL client.</summary>
public sealed class TestStore(IHubStore store, string database, Func<DbConnection> connect) : IAsyncDisposable
{
    public IHubStore Store { get; private set; } = store;

    /// <summary>What <see cref="HubStoreFactory.OpenAsync"/> was given: reopen with it.</summary>
    public string Database { get; } = database;

    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = connect();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = connect();
        await connection.ExecuteAsync(sql, parameters);
    }

    /// <summary>Closes and opens the store again, as a restarted process would.</summary>
    public async Task ReopenAsync(TimeProvider timeProvider)
    {
        await Store.DisposeAsync();
        Store = await HubStoreFactory.OpenAsync(Database, timeProvider, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Intercom;
using Rapport.Application;
using Rapport.Application.Settings;
using Rapport.Web.Audit;
using Rapport.Hub.Sync;

namespace Rapport.Web.Integration;

/// <summary>
/// The hub's one Intercom connection: verifies a token with GET /me before anything is saved (a failed attempt leaves the
/// previous connection untouched), stores it encrypted, and hands out an <see cref="IntercomClient"/> for it. The client's
/// container is kept per connection so every user of it shares one rate-limit and scroll gate, and is disposed on change.
/// </summary>
internal sealed class IntercomConnections(
    ISyncStateStore store, IDataProtectionProvider protection, RapportWebOptions options, IAuditLog audit, TimeProvider timeProvider)
    : IIntercomConnection, IAsyncDisposable
{
    private const string TokenPurpose = "Rapport.Intercom.AccessToken.v1";

    private readonly IDataProtector _protector = protection.CreateProtector(TokenPurpose);
    private readonly SemaphoreSlim _sync = new(1, 1);
    private (string Key, ServiceProvider Services)? _client;
    private int _disposed;

    public async Task<IntercomConnectionRecord?> CurrentAsync(CancellationToken cancellationToken) =>
        IntercomConnectionRecord.FromJson(await store.GetSyncStateAsync(IntercomConnectionRecord.StateKey, cancellationToken));

    public async Task<IntercomWorkspace?> WorkspaceAsync(CancellationToken cancellationToken) =>
        await CurrentAsync(cancellationToken) is { } connection ? new IntercomWorkspace(connection.ProtectedToken, connection.AppId) : null;

    /// <summary>Verifies <paramref name="token"/> against <paramref name="region"/>'s API and, only when Intercom accepts it, replaces the connection.</summary>
    public async Task<(IntercomConnectionRecord? Connection, ConnectProblem? Problem)> ConnectAsync(
        string region, string token, string method, string connectedBy, CancellationToken cancellationToken)
    {
        var apiBase = IntercomRegions.ApiBase(options.Intercom, region);
        IntercomMe me;
        try
        {
            me = await VerifyAsync(apiBase, token, cancellationToken);
        }
        catch (IntercomException error)
        {
            return (null, ConnectProblem.From(error, method == "oauth" ? "the token it had just issued" : "the access token"));
        }

        var connection = new IntercomConnectionRecord
        {
            Region = region,
            ApiUrl = apiBase.AbsoluteUri,
            Method = method,
            WorkspaceName = me.App?.Name,
            AppId = me.App?.IdCode,
            AdminEmail = me.Email,
            ConnectedBy = connectedBy,
            ConnectedAt = timeProvider.GetUtcNow(),
            ProtectedToken = _protector.Protect(token),
        };
        var previous = await CurrentAsync(cancellationToken);
        // Another workspace's records were never checked: its pre-enable check has to pass on its own.
        if (previous is not null && previous.AppId != connection.AppId)
            await store.SetSyncStateAsync(IntercomIntegrationSettings.EnabledKey, null, cancellationToken);
        await store.SetSyncStateAsync(IntercomConnectionRecord.StateKey, connection.ToJson(), cancellationToken);
        await DropClientAsync();
        await audit.RecordAsync(AuditActions.IntercomConnected, $"{connection.WorkspaceName} ({connection.AppId})", $"{region.ToUpperInvariant()}, {(method == "oauth" ? "OAuth" : "access token")}, by {connectedBy}");
        return (connection, null);
    }

    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        var previous = await CurrentAsync(cancellationToken);
        await store.SetSyncStateAsync(IntercomConnectionRecord.StateKey, null, cancellationToken);
        await DropClientAsync();
        if (previous is not null)
            await audit.RecordAsync(AuditActions.IntercomDisconnected, $"{previous.WorkspaceName} ({previous.AppId})");
    }

    /// <summary>A client for the stored connection, or null when Intercom is not connected.</summary>
    public async Task<IntercomClient?> ClientAsync(CancellationToken cancellationToken)
    {
        var connection = await CurrentAsync(cancellationToken);
        if (connection is null)
            return null;
        await _sync.WaitAsync(cancellationToken);
        try
        {
            if (_client is not { } cached || cached.Key != connection.ProtectedToken)
            {
                if (_client is { } stale)
                    await stale.Services.DisposeAsync();
                var token = _protector.Unprotect(connection.ProtectedToken);
                _client = (connection.ProtectedToken, Build(new Uri(connection.ApiUrl), token, verification: false));
            }
            return _client.Value.Services.GetRequiredService<IntercomClient>();
        }
        finally
        {
            _sync.Release();
        }
    }

    // A quick yes or no for a teammate waiting on the page: one retry, short delays.
    private async Task<IntercomMe> VerifyAsync(Uri apiBase, string token, CancellationToken cancellationToken)
    {
        await using var services = Build(apiBase, token, verification: true);
        return await services.GetRequiredService<IntercomClient>().GetMeAsync(cancellationToken);
    }

    private ServiceProvider Build(Uri apiBase, string token, bool verification)
    {
        var services = new ServiceCollection();
        services.AddSingleton(timeProvider);
        services.AddRapportIntercom(o =>
        {
            o.BaseAddress = apiBase;
            o.AccessToken = token;
            if (verification)
            {
                o.MaxRetries = 1;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(200);
                o.RequestTimeout = TimeSpan.FromSeconds(15);
            }
        });
        return services.BuildServiceProvider();
    }

    private async Task DropClientAsync()
    {
        await _sync.WaitAsync();
        try
        {
            if (_client is { } old)
                await old.Services.DisposeAsync();
            _client = null;
        }
        finally
        {
            _sync.Release();
        }
    }

    // The container disposes it twice: as itself and as the IIntercomConnection its factory returned.
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await DropClientAsync();
        _sync.Dispose();
    }
}

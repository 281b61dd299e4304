using Rapport.Application.Conversations;
using Rapport.Application.Settings;
using Rapport.Web.Integration;
using Rapport.Hub.Conversations;
using Rapport.Hub.Sync;

namespace Rapport.Web.Conversations;

/// <summary>Runs the completeness audit against the connected workspace, attaching users as the integration's settings say.</summary>
internal sealed class ConversationAuditRunner(IConversationStore store, ISyncStateStore syncState, IntercomConnections connections)
{
    private readonly IConversationStore _store = store;
    private readonly ISyncStateStore _syncState = syncState;
    private readonly IntercomConnections _connections = connections;

    public const string NotConnected = "Intercom is not connected: connect it under Settings → Integrations → Intercom first.";

    /// <returns>The result, or null when Intercom is not connected.</returns>
    public async Task<ConversationAuditResult?> RunAsync(CancellationToken cancellationToken)
    {
        if (await _connections.ClientAsync(cancellationToken) is not { } client)
            return null;
        var settings = await IntercomIntegrationSettings.LoadAsync(_syncState, cancellationToken);
        var options = new ConversationImportOptions { AttachByContact = settings.ImportUsersAndCompanies };
        return await new ConversationAudit(client, _store, _syncState, options).RunAsync(cancellationToken);
    }
}

using Rapport.Application.Conversations;
using Rapport.Application.Settings;
using Rapport.Web.Integration;
using Rapport.Hub.Conversations;
using Rapport.Hub.Sync;

namespace Rapport.Web.Conversations;

/// <summary>Runs the completeness audit against the connected workspace, attaching users as the integration's settings say.</summary>
internal static class ConversationAuditRunner
{
    public const string NotConnected = "Intercom is not connected: connect it under Settings → Integrations → Intercom first.";

    /// <returns>The result, or null when Intercom is not connected.</returns>
    public static async Task<ConversationAuditResult?> RunAsync(IConversationStore store, ISyncStateStore syncState, IntercomConnections connections, CancellationToken cancellationToken)
    {
        if (await connections.ClientAsync(cancellationToken) is not { } client)
            return null;
        var settings = await IntercomIntegrationSettings.LoadAsync(syncState, cancellationToken);
        var options = new ConversationImportOptions { AttachByContact = settings.ImportUsersAndCompanies };
        return await new ConversationAudit(client, store, syncState, options).RunAsync(cancellationToken);
    }
}

using Rapport.Web.Accounts;
using Rapport.Web.Audit;
using Rapport.Web.Conversations;
using Rapport.Web.Events;
using Rapport.Web.Integration;
using Rapport.Web.Messaging;
using Rapport.Web.Model;
using Rapport.Web.Playbooks;
using Rapport.Web.Push;
using Rapport.Web.Segment;
using Rapport.Web.Team;

namespace Rapport.Web.Api;

/// <summary>
/// The REST API's table of contents: every group under <c>/api/v1</c>, described at <c>/openapi/v1.json</c>; a query
/// parameter an endpoint does not take is a 400 naming it, on every endpoint alike.
/// </summary>
internal static class ApiEndpoints
{
    public static void MapRapportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RefuseUnknownQueryParameters();
        api.MapTeamApi();
        api.MapSessionsApi();
        api.MapIntercomApi();
        api.MapIntercomSyncApi();
        api.MapAccountsApi();
        api.MapUsersApi();
        api.MapConversationsApi();
        api.MapEventsApi();
        api.MapModelApi();
        api.MapOverridesApi();
        api.MapSegmentApi();
        api.MapMessagingApi();
        api.MapIntercomPushApi();
        api.MapModelHistoryApi();
        api.MapPlaybooksApi();
        api.MapAuditApi();
    }
}

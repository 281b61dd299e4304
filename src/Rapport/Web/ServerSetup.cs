using Rapport.Application;
using Rapport.Application.Import;
using Rapport.Application.Retention;
using Rapport.Application.Segment;
using Rapport.Web.Integration;
using Rapport.Web.Playbooks;

namespace Rapport.Web;

/// <summary>
/// What the server runs besides HTTP: the application's services and workers, configured from the server's options, over
/// the Intercom connection made on the settings page, and the services the pages and the API edit them through.
/// </summary>
internal static class ServerSetup
{
    public static IServiceCollection AddRapportServer(this IServiceCollection services, RapportWebOptions options)
    {
        services.AddRapportIntegration();
        services.AddRapportApplication();
        services.Configure<IntercomSyncOptions>(o =>
        {
            o.SweepInterval = options.SweepInterval;
            o.ImportPatience = options.ImportPatience;
        });
        services.Configure<SegmentInboxOptions>(o => o.FirstRetry = options.SegmentFirstRetry);
        services.Configure<InboxRetentionOptions>(o => o.Retention = options.InboxRetention);
        services.AddRapportPlaybookEditing();
        return services;
    }
}

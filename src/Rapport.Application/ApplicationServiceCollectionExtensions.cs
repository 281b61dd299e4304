using Rapport.Application.Events;
using Rapport.Application.Conversations;
using Rapport.Application.Sources;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Application.Accounts;
using Rapport.Application.Import;
using Rapport.Application.Messaging;
using Rapport.Application.Model;
using Rapport.Application.Playbooks;
using Rapport.Application.Push;
using Rapport.Application.Retention;
using Rapport.Application.Segment;
using Rapport.Application.Sync;
using Rapport.Application.Webhooks;

namespace Rapport.Application;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>
    /// Every feature's services and background workers, the same for the web host and the command line, so a command
    /// runs the code the server runs. The host adds what only it knows: the hub's store (<c>AddRapportStorage</c>), the clock
    /// (<see cref="TimeProvider"/>), logging, the <see cref="IIntercomConnection"/>, and the options it configures. A
    /// command that builds no host registers the workers without starting them.
    /// </summary>
    public static IServiceCollection AddRapportApplication(this IServiceCollection services)
    {
        services.AddRapportAccounts();
        services.AddRapportSync();
        services.AddRapportSources();
        services.AddRapportConversations();
        services.AddRapportEvents();
        services.AddRapportImport();
        services.AddRapportWebhooks();
        services.AddRapportSegment();
        services.AddRapportModel();
        services.AddRapportMessaging();
        services.AddRapportPush();
        services.AddRapportPlaybooks();
        services.AddRapportRetention();
        return services;
    }
}

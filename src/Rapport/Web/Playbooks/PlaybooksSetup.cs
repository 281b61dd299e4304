using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rapport.Web.Playbooks;

/// <summary>Playbooks: validation, the engine that records and sends their runs, and its worker.</summary>
internal static class PlaybooksSetup
{
    public static IServiceCollection AddRapportPlaybooks(this IServiceCollection services)
    {
        services.TryAddSingleton<Messaging.MessagingSeats>();
        services.TryAddSingleton<PlaybookService>();
        services.TryAddSingleton<PlaybookEngine>();
        services.AddHostedService<PlaybookWorker>();
        return services;
    }
}

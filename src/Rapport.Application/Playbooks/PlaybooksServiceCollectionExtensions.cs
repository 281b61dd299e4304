using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rapport.Application.Playbooks;

public static class PlaybooksServiceCollectionExtensions
{
    /// <summary>Playbooks: the engine that records and sends their runs (through the outbound queue), and its worker.</summary>
    public static IServiceCollection AddRapportPlaybooks(this IServiceCollection services)
    {
        services.TryAddSingleton<PlaybookEngine>();
        services.AddHostedService<PlaybookWorker>();
        return services;
    }
}

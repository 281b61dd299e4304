using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rapport.Application.Model;

public static class ModelServiceCollectionExtensions
{
    /// <summary>The account model: its recompute, shared by the webhook and Segment workers, the API and the pages, and its schedule.</summary>
    public static IServiceCollection AddRapportModel(this IServiceCollection services)
    {
        services.TryAddSingleton<AccountModelService>();
        services.AddHostedService<AccountModelWorker>();
        return services;
    }
}

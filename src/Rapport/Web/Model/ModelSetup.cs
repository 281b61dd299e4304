using Microsoft.Extensions.DependencyInjection.Extensions;
using Rapport.Sync.Model;

namespace Rapport.Web.Model;

/// <summary>The account model's services: the recompute (shared by the webhook worker, the API and the pages) and its schedule.</summary>
internal static class ModelSetup
{
    public static IServiceCollection AddRapportAccountModel(this IServiceCollection services)
    {
        services.TryAddSingleton<AccountModelService>();
        services.AddHostedService<AccountModelWorker>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rapport.Application.Sources;

public static class SourcesServiceCollectionExtensions
{
    /// <summary>The source records as other features read them: the precedence of sources over unified fields.</summary>
    public static IServiceCollection AddRapportSources(this IServiceCollection services)
    {
        services.TryAddSingleton<SourcePrecedences>();
        return services;
    }
}

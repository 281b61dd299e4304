using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rapport.Web.Playbooks;

/// <summary>Playbooks as the pages and the API edit them: saving once they validate, turning them on and off, previews.</summary>
internal static class PlaybooksSetup
{
    public static IServiceCollection AddRapportPlaybookEditing(this IServiceCollection services)
    {
        services.TryAddSingleton<PlaybookService>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Rapport.Configuration;

/// <summary>Binds <see cref="RapportSettings"/> from configuration and validates it when the container starts.</summary>
internal static class SettingsRegistration
{
    public static IServiceCollection AddRapportSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RapportSettings>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RapportSettings>, RapportSettingsValidator>());
        return services;
    }

    /// <summary>
    /// The validated settings, checked as a host checks its options at start: a command reads them before it opens the
    /// hub or the web app, which are opened from them, so a broken setting stops it before anything is touched.
    /// </summary>
    /// <exception cref="OptionsValidationException">A setting is wrong; each failure names it.</exception>
    public static RapportSettings Resolve(IConfiguration configuration)
    {
        using var provider = new ServiceCollection().AddRapportSettings(configuration).BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider.GetRequiredService<IOptions<RapportSettings>>().Value;
    }
}

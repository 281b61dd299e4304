using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rapport.Configuration;
using Rapport.Intercom;

namespace Rapport.Cli;

/// <summary>
/// Builds the container a command runs in: the Intercom client for the configured URL or region and token, composed by
/// <see cref="IntercomServiceCollectionExtensions.AddRapportIntercom"/> as the web app composes its own, and validated
/// before the command makes its first request.
/// </summary>
internal static class IntercomConnection
{
    public static ServiceProvider Build(RapportSettings settings, TimeProvider timeProvider)
    {
        if (string.IsNullOrWhiteSpace(settings.Token))
            throw new SettingsException("no Intercom token: pass --token, set RAPPORT_INTERCOM_TOKEN, or put intercom.token in rapport.json");

        var services = new ServiceCollection();
        services.AddSingleton(timeProvider);
        services.AddRapportIntercom(options =>
        {
            options.BaseAddress = settings.IntercomUrl;
            options.Region = settings.Region;
            options.AccessToken = settings.Token;
        });
        var provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
        }
        catch
        {
            provider.Dispose();
            throw;
        }
        return provider;
    }
}

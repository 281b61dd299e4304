using Microsoft.Extensions.DependencyInjection;
using Rapport.Configuration;
using Rapport.Intercom;

namespace Rapport.Cli;

/// <summary>Builds the container a command runs in: the Intercom client for the configured host and token.</summary>
internal static class IntercomConnection
{
    public static ServiceProvider Build(RapportSettings settings, TimeProvider timeProvider)
    {
        if (string.IsNullOrWhiteSpace(settings.Token))
            throw new SettingsException("no Intercom token: pass --token, set RAPPORT_INTERCOM_TOKEN, or put intercom.token in rapport.json");

        var baseAddress = settings.IntercomUrl ?? IntercomClientOptions.BaseAddressFor(Region(settings.Region));
        var services = new ServiceCollection();
        services.AddSingleton(timeProvider);
        services.AddRapportIntercom(options =>
        {
            options.BaseAddress = baseAddress;
            options.AccessToken = settings.Token;
        });
        return services.BuildServiceProvider();
    }

    private static IntercomRegion Region(string region) =>
        IntercomRegionCodes.TryParse(region, out var parsed) ? parsed : throw new SettingsException($"region '{region}' is not one of {IntercomRegionCodes.Allowed}");
}

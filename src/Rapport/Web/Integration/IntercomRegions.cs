using Rapport.Intercom;

namespace Rapport.Web.Integration;

/// <summary>
/// The three hosting regions as the UI lists them, with their API and web-app hosts; <see cref="IntercomRegionCodes"/>
/// reads the codes.
/// </summary>
internal static class IntercomRegions
{
    public static readonly IReadOnlyList<(string Code, string Display)> All =
        [("us", "United States (api.intercom.io)"), ("eu", "Europe (api.eu.intercom.io)"), ("au", "Australia (api.au.intercom.io)")];

    /// <summary>Where the workspace's records open in Intercom's web app; each region has its own host.</summary>
    public static Uri AppHost(string regionCode) => regionCode switch
    {
        "eu" => new Uri("https://app.eu.intercom.com/"),
        "au" => new Uri("https://app.au.intercom.com/"),
        _ => new Uri("https://app.intercom.com/"),
    };

    /// <summary>The simulator's URL when Rapport is pointed at one, else the region's API host.</summary>
    public static Uri ApiBase(IntercomAppOptions app, string regionCode) =>
        app.ApiUrl ?? IntercomClientOptions.BaseAddressFor(IntercomRegionCodes.TryParse(regionCode, out var region) ? region : IntercomRegion.UnitedStates);
}

using Rapport.Intercom;

namespace Rapport.Web.Integration;

/// <summary>The three hosting regions as the UI and the API name them (us, eu, au), with their API and web-app hosts.</summary>
internal static class IntercomRegions
{
    public static readonly IReadOnlyList<(string Code, string Display)> All =
        [("us", "United States (api.intercom.io)"), ("eu", "Europe (api.eu.intercom.io)"), ("au", "Australia (api.au.intercom.io)")];

    public static bool TryParse(string? code, out IntercomRegion region)
    {
        (var ok, region) = code?.Trim().ToLowerInvariant() switch
        {
            "us" or "" or null => (true, IntercomRegion.UnitedStates),
            "eu" => (true, IntercomRegion.Europe),
            "au" => (true, IntercomRegion.Australia),
            _ => (false, IntercomRegion.UnitedStates),
        };
        return ok;
    }

    public static string Code(IntercomRegion region) => region switch
    {
        IntercomRegion.Europe => "eu",
        IntercomRegion.Australia => "au",
        _ => "us",
    };

    /// <summary>Where the workspace's records open in Intercom's web app; each region has its own host.</summary>
    public static Uri AppHost(string regionCode) => regionCode switch
    {
        "eu" => new Uri("https://app.eu.intercom.com/"),
        "au" => new Uri("https://app.au.intercom.com/"),
        _ => new Uri("https://app.intercom.com/"),
    };

    /// <summary>The simulator's URL when Rapport is pointed at one, else the region's API host.</summary>
    public static Uri ApiBase(IntercomAppOptions app, string regionCode) =>
        app.ApiUrl ?? IntercomClientOptions.BaseAddressFor(TryParse(regionCode, out var region) ? region : IntercomRegion.UnitedStates);
}

namespace Rapport.Intercom;

/// <summary>
/// The codes people type for an <see cref="IntercomRegion"/> (us, eu, au), in the config file, on the command line, in
/// the connect form or the API. One parser, so all of them agree: case and surrounding spaces do not matter, and an empty
/// value is the default US region, as leaving the setting out is.
/// </summary>
public static class IntercomRegionCodes
{
    /// <summary>The codes, as error messages and help texts list them.</summary>
    public const string Allowed = "us, eu or au";

    public static bool TryParse(string? code, out IntercomRegion region)
    {
        (var known, region) = code?.Trim().ToLowerInvariant() switch
        {
            null or "" or "us" => (true, IntercomRegion.UnitedStates),
            "eu" => (true, IntercomRegion.Europe),
            "au" => (true, IntercomRegion.Australia),
            _ => (false, IntercomRegion.UnitedStates),
        };
        return known;
    }

    /// <exception cref="FormatException">The code is none of us, eu or au; the message quotes it and lists them.</exception>
    public static IntercomRegion Parse(string? code) =>
        TryParse(code, out var region) ? region : throw new FormatException($"'{code}' is not an Intercom region: use {Allowed}");

    public static string Code(IntercomRegion region) => region switch
    {
        IntercomRegion.Europe => "eu",
        IntercomRegion.Australia => "au",
        _ => "us",
    };
}

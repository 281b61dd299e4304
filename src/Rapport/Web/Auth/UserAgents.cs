namespace Rapport.Web.Auth;

/// <summary>
/// A user agent in words ("Firefox on Linux", "Safari on iPhone", "curl"), so a teammate can tell their sessions apart.
/// Browsers all claim to be several others (Edge says Chrome and Safari, Chrome says Safari), so the most specific token
/// is looked for first. It is a label, not an identification: a user agent is whatever the client chose to send.
/// </summary>
internal static class UserAgents
{
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"),
        ("Vivaldi/", "Vivaldi"), ("YaBrowser/", "Yandex Browser"), ("HeadlessChrome/", "Headless Chrome"), ("CriOS/", "Chrome"),
        ("FxiOS/", "Firefox"), ("Firefox/", "Firefox"), ("Chromium/", "Chromium"), ("Chrome/", "Chrome"), ("Safari/", "Safari"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"), ("CrOS", "ChromeOS"), ("Windows", "Windows"),
        ("Mac OS X", "macOS"), ("Macintosh", "macOS"), ("Linux", "Linux"), ("X11", "Unix"),
    ];

    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
            return "Unknown client";

        var browser = Find(Browsers, userAgent);
        var system = Find(Systems, userAgent);
        if (browser is not null)
            return system is null ? browser : $"{browser} on {system}";

        // Not a browser (curl, a script's HTTP library): its first product name says enough.
        var product = userAgent.Trim().Split(' ', 2)[0].Split('/', 2)[0];
        return product.Length is > 0 and <= 40 ? product : "Unknown client";
    }

    private static string? Find((string Token, string Name)[] table, string userAgent)
    {
        foreach (var (token, name) in table)
        {
            if (userAgent.Contains(token, StringComparison.Ordinal))
                return name;
        }

        return null;
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Rapport.Intercom;

namespace Rapport.Configuration;

/// <summary>
/// What the sources cannot check value by value: a region Intercom has, addresses Kestrel can listen on, proxies that
/// are addresses, a lockout that lasts. Every failure names the setting everywhere it can be written.
/// </summary>
internal sealed class RapportSettingsValidator : IValidateOptions<RapportSettings>
{
    public ValidateOptionsResult Validate(string? name, RapportSettings settings)
    {
        List<string> failures = [];
        if (!IntercomRegionCodes.TryParse(settings.Region, out _))
            failures.Add($"{SettingKeys.Region.Name}: '{settings.Region}' is not an Intercom region: use {IntercomRegionCodes.Allowed}");
        foreach (var url in RapportSettings.ListenUrls(settings.Urls).Where(url => !CanListenOn(url)))
            failures.Add($"{SettingKeys.Urls.Name}: '{url}' is not an address to listen on, such as {Web.RapportWebOptions.DefaultUrl}");
        try
        {
            Web.Security.TrustedProxies.Parse(settings.TrustedProxies, SettingKeys.TrustedProxies.Name);
        }
        catch (SettingsException error)
        {
            failures.Add(error.Message);
        }
        if (settings.LockoutFailures > 0 && settings.LockoutMinutes < 1)
            failures.Add($"{SettingKeys.LockoutMinutes.Name}: an account locks for at least 1 minute (set lockoutFailures to 0 to never lock)");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Kestrel reads the addresses with BindingAddress, which takes a port it cannot read for part of the host and then
    // listens on 80 instead: Uri, which refuses such a port, checks the rest.
    private static bool CanListenOn(string url)
    {
        try
        {
            if (BindingAddress.Parse(url) is { IsUnixPipe: true } or { IsNamedPipe: true })
                return true;
        }
        catch (FormatException)
        {
            return false;
        }
        var named = url.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(named, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
    }
}

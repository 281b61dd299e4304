using Microsoft.Extensions.Options;

namespace Rapport.Intercom;

/// <summary>
/// Checks <see cref="IntercomClientOptions"/> before the first request, so a mistyped region or URL is one clear message
/// at start rather than a failure deep inside an import. Each message names the option it is about.
/// </summary>
internal sealed class IntercomClientOptionsValidator : IValidateOptions<IntercomClientOptions>
{
    public ValidateOptionsResult Validate(string? name, IntercomClientOptions options)
    {
        List<string> failures = [];
        if (options.BaseAddress is { } address && !(address.IsAbsoluteUri && address.Scheme is "http" or "https"))
            failures.Add($"Intercom BaseAddress: '{address}' is not an http(s) URL");
        if (options.BaseAddress is null && !IntercomRegionCodes.TryParse(options.Region, out _))
            failures.Add($"Intercom Region: '{options.Region}' is not an Intercom region: use {IntercomRegionCodes.Allowed}");
        if (options.ContactsPageSize is <= 0 or > 150)
            failures.Add($"Intercom ContactsPageSize: {options.ContactsPageSize} is not within 1..150");
        if (options.RequestTimeout <= TimeSpan.Zero)
            failures.Add($"Intercom RequestTimeout: {options.RequestTimeout} is not positive");
        if (options.MaxRetries < 0)
            failures.Add($"Intercom MaxRetries: {options.MaxRetries} is negative");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

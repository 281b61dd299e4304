using System.CommandLine;
using System.Globalization;
using Rapport.Configuration;

namespace Rapport.Cli;

/// <summary>The size and seed of a generated simulator workspace.</summary>
internal sealed class WorkspaceOptions
{
    public Option<int> Companies { get; } = new("--companies") { Description = "Companies in the seeded workspace", DefaultValueFactory = _ => 2000 };
    public Option<int> Contacts { get; } = new("--contacts") { Description = "Contacts (users and leads) in the seeded workspace", DefaultValueFactory = _ => 20000 };
    public Option<int> Seed { get; } = new("--seed") { Description = "Seed of the generated workspace (same seed, same workspace)", DefaultValueFactory = _ => 1 };

    public void AddTo(Command command)
    {
        command.Options.Add(Companies);
        command.Options.Add(Contacts);
        command.Options.Add(Seed);
    }

    public (int Companies, int Contacts, int Seed) Read(ParseResult result)
    {
        var companies = result.GetValue(Companies);
        var contacts = result.GetValue(Contacts);
        if (companies < 0 || contacts < 0)
            throw new SettingsException("--companies and --contacts must be 0 or more");
        return (companies, contacts, result.GetValue(Seed));
    }

    public static Uri ParseUrl(string text, string option) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new SettingsException($"{option}: '{text}' is not an http(s) URL");

    public static int? ParseRateLimit(string text) =>
        text.Equals("off", StringComparison.OrdinalIgnoreCase) ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var perMinute) && perMinute > 0 ? perMinute
        : throw new SettingsException($"--rate-limit: '{text}' is neither a number of calls per minute nor 'off'");
}

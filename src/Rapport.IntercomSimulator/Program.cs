using System.Globalization;
using System.Runtime.InteropServices;

namespace Rapport.IntercomSimulator;

/// <summary><c>rapport-intercom-simulator [--port 8700] [--companies N] [--contacts N] [--seed N] [--token T] [--rate-limit N|off] [--client-id ID] [--client-secret S] [--redirect-uri URL]... [--webhook-url URL] [--activity N]</c></summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        SimulatorOptions options;
        int port;
        try
        {
            (options, port) = Parse(args);
        }
        catch (FormatException error)
        {
            await Console.Error.WriteLineAsync(error.Message);
            await Console.Error.WriteLineAsync("usage: rapport-intercom-simulator [--port 8700] [--companies N] [--contacts N] [--seed N] [--token T] [--rate-limit N|off] [--client-id ID] [--client-secret S] [--redirect-uri URL]... [--webhook-url URL] [--activity N]");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await using var server = await IntercomSimulatorServer.StartAsync(options, port, stop.Token);
        Console.WriteLine($"Intercom simulator listening on {server.BaseAddress}");
        Console.WriteLine($"Access token: {options.AccessToken}");
        Console.WriteLine($"OAuth: {server.BaseAddress}oauth?client_id={options.ClientId}&state=..., client secret {options.ClientSecret}, redirect to {string.Join(", ", options.RedirectUris)}");
        Console.WriteLine($"Workspace: {options.Companies} companies, {options.Contacts} contacts, seed {options.Seed}, rate limit {options.RateLimitPerMinute?.ToString(CultureInfo.InvariantCulture) ?? "off"}/min");
        Console.WriteLine($"Webhooks: {(options.WebhookUrl is { } hook ? $"posting to {hook}, signed with the client secret" : "off (PUT /_simulator/webhooks to subscribe)")}");
        Console.WriteLine($"Activity: {(options.Activity > 0 ? $"{options.Activity.ToString(CultureInfo.InvariantCulture)} changes/s" : "off")}");
        Console.WriteLine("Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }

    private static (SimulatorOptions Options, int Port) Parse(string[] args)
    {
        var defaults = new SimulatorOptions();
        var (port, companies, contacts, seed, token, rate) = (8700, defaults.Companies, defaults.Contacts, defaults.Seed, defaults.AccessToken, defaults.RateLimitPerMinute);
        var (clientId, clientSecret, redirects) = (defaults.ClientId, defaults.ClientSecret, new List<Uri>());
        var (webhookUrl, activity) = ((Uri?)null, 0.0);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new FormatException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--port": port = Int(value); break;
                case "--companies": companies = Int(value); break;
                case "--contacts": contacts = Int(value); break;
                case "--seed": seed = Int(value); break;
                case "--token": token = value; break;
                case "--rate-limit": rate = value == "off" ? null : Int(value); break;
                case "--client-id": clientId = value; break;
                case "--client-secret": clientSecret = value; break;
                case "--redirect-uri": redirects.Add(Url(value)); break;
                case "--webhook-url": webhookUrl = Url(value); break;
                case "--activity": activity = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var perSecond) && perSecond >= 0 ? perSecond : throw new FormatException($"'{value}' is not a non-negative number"); break;
                default: throw new FormatException($"Unknown option {args[i]}");
            }

            i++;
        }

        var options = new SimulatorOptions
        {
            Companies = companies,
            Contacts = contacts,
            Seed = seed,
            AccessToken = token,
            RateLimitPerMinute = rate,
            ClientId = clientId,
            ClientSecret = clientSecret,
            RedirectUris = redirects.Count > 0 ? redirects : defaults.RedirectUris,
            WebhookUrl = webhookUrl,
            Activity = activity,
        };
        return (options, port);
    }

    private static Uri Url(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : throw new FormatException($"'{value}' is not an absolute URL");

    private static int Int(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new FormatException($"'{value}' is not a non-negative integer");
}

using Microsoft.Extensions.Time.Testing;

namespace Rapport.IntercomSimulator.Tests;

internal static class SimulatorServers
{
    /// <summary>A Wednesday, 12:00:05 UTC: 5 seconds into a rate-limit window, mid-day for the date semantics.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 17, 12, 0, 5, TimeSpan.Zero);

    public static Task<IntercomSimulatorServer> StartAsync(int companies = 60, int contacts = 400, int? rateLimit = null, TimeProvider? time = null, int seed = 7, int listCap = 10_000) =>
        IntercomSimulatorServer.StartAsync(
            new SimulatorOptions
            {
                Companies = companies,
                Contacts = contacts,
                Seed = seed,
                RateLimitPerMinute = rateLimit,
                TimeProvider = time ?? new FakeTimeProvider(Now),
                ListCap = listCap,
                ScrollPageSize = 25,
            },
            0,
            TestContext.Current.CancellationToken);

    /// <summary>A small workspace on the fake clock that delivers its webhooks to <paramref name="webhookUrl"/>.</summary>
    public static Task<IntercomSimulatorServer> StartWithWebhooksAsync(Uri webhookUrl, int contacts) =>
        IntercomSimulatorServer.StartAsync(
            new SimulatorOptions
            {
                Companies = 20,
                Contacts = contacts,
                Seed = 7,
                RateLimitPerMinute = null,
                TimeProvider = new FakeTimeProvider(Now),
                WebhookUrl = webhookUrl,
            },
            0,
            TestContext.Current.CancellationToken);
}

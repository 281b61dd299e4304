using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Rapport.Testing;

/// <summary>
/// A test's own webhook endpoint on 127.0.0.1 for the simulator to deliver to: it records every raw request with its
/// headers and answers <c>status(n)</c> to the n-th (from 1), 200 unless told otherwise.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received;
    private int _taken;

    private WebhookReceiver(WebApplication app, ConcurrentQueue<ReceivedWebhook> received, Uri url) => (_app, _received, Url) = (app, received, url);

    public Uri Url { get; }

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public static async Task<WebhookReceiver> StartAsync(Func<int, int>? status = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var received = new ConcurrentQueue<ReceivedWebhook>();
        var count = 0;
        app.MapPost("/hooks", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            received.Enqueue(new ReceivedWebhook(buffer.ToArray(), headers));
            return Results.StatusCode(status?.Invoke(Interlocked.Increment(ref count)) ?? 200);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebhookReceiver(app, received, new Uri(address.TrimEnd('/') + "/hooks"));
    }

    /// <summary>Waits (real time) until at least <paramref name="count"/> requests arrived, then returns them all.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(int count, double seconds = 10)
    {
        var deadline = Environment.TickCount64 + (long)(seconds * 1000);
        while (_received.Count < count && Environment.TickCount64 < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        _received.Count.ShouldBeGreaterThanOrEqualTo(count, $"only {_received.Count} webhook(s) arrived within {seconds} s");
        return [.. _received];
    }

    /// <summary>The next <paramref name="count"/> requests not taken yet, once they arrived (at most 10 s, real time).</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> TakeAsync(int count)
    {
        var all = await WaitForAsync(_taken + count, Limit.TotalSeconds);
        var taken = all.Skip(_taken).Take(count).ToList();
        _taken += count;
        return taken;
    }

    /// <summary>Lets stray deliveries arrive before asserting that none did.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> SettleAsync(int milliseconds = 300)
    {
        await Task.Delay(milliseconds, TestContext.Current.CancellationToken);
        return [.. _received];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

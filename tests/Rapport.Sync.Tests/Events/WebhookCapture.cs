using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Rapport.Intercom.Webhooks;

namespace Rapport.Sync.Tests.Events;

/// <summary>
/// A webhook endpoint on 127.0.0.1 for the simulator to deliver to: it checks each delivery's signature, as Rapport's
/// endpoint does, answers 200 and keeps the raw bodies for the test to put into a hub's inbox.
/// </summary>
internal sealed class WebhookCapture : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<string> _bodies = new();
    private readonly string _secret;
    private readonly Task _loop;
    private int _badSignatures;

    private WebhookCapture(string secret)
    {
        _secret = secret;
        // HttpListener needs a port up front: take a free one from the system.
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/hooks/");
            probe.Stop();
        }

        _listener.Prefixes.Add(Url.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public static WebhookCapture Start(string clientSecret) => new(clientSecret);

    /// <summary>Waits until <paramref name="count"/> signed deliveries arrived and takes them.</summary>
    public async Task<IReadOnlyList<string>> TakeAsync(int count)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (_bodies.Count < count)
        {
            if (TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(10))
                throw new Xunit.Sdk.XunitException($"Only {_bodies.Count} of {count} webhooks arrived within 10 seconds.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        _badSignatures.ShouldBe(0, "every delivery is signed with the app's client secret");
        var taken = new List<string>();
        while (taken.Count < count && _bodies.TryDequeue(out var body))
            taken.Add(body);
        return taken;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            var raw = buffer.ToArray();
            if (IntercomWebhookSignature.IsValid(raw, context.Request.Headers[IntercomWebhookSignature.HeaderName], _secret))
                _bodies.Enqueue(Encoding.UTF8.GetString(raw));
            else
                Interlocked.Increment(ref _badSignatures);
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}

using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Rapport.IntercomSimulator.Webhooks;

/// <summary>The app's webhook subscription and its delivery: notifications are queued by the change that caused them
/// (never blocking it) and posted by a background pump.</summary>
internal sealed partial class WebhookDispatcher : IAsyncDisposable
{
    public const string HttpClientName = "webhooks";
    private const int QueueCapacity = 10_000;
    private const int LogCapacity = 1_000;
    private const int Concurrency = 4;

    private readonly SimulatorOptions _options;
    private readonly IHttpClientFactory _http;
    private readonly string _appId;
    private readonly byte[] _signingKey;
    private readonly Channel<WebhookNotification> _queue = Channel.CreateBounded<WebhookNotification>(
        new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private readonly Queue<WebhookNotification> _log = new();
    private readonly Lock _sync = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _inFlight = new(Concurrency);
    private readonly Random _shuffle;
    private WebhookSubscription _subscription;
    private Task _pump = Task.CompletedTask;

    public WebhookDispatcher(SimulatorRuntime runtime, IHttpClientFactory http)
    {
        (_options, _http, _appId) = (runtime.Options, http, runtime.Workspace.AppId);
        _signingKey = Encoding.UTF8.GetBytes(_options.ClientSecret);
        _shuffle = new Random(_options.Seed);
        _subscription = new WebhookSubscription(_options.WebhookUrl, Validate(_options.WebhookTopics), Active: true);
    }

    private TimeProvider Time => _options.TimeProvider;

    public WebhookSubscription Subscription => Volatile.Read(ref _subscription);

    public IReadOnlyList<WebhookDelivery> Deliveries
    {
        get { lock (_sync) { return [.. _log.Select(n => n.Snapshot())]; } }
    }

    public void Start() => _pump = Task.Run(() => PumpAsync(_stopping.Token));

    /// <summary>Null <paramref name="url"/> unsubscribes; null <paramref name="topics"/> subscribes to every topic.</summary>
    public WebhookSubscription Configure(Uri? url, IEnumerable<string>? topics = null)
    {
        if (url is not null && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            throw new ArgumentException($"'{url}' is not an absolute http(s) URL.", nameof(url));
        }

        var subscription = new WebhookSubscription(url, Validate(topics?.ToList() ?? WebhookTopics.All), Active: true);
        Volatile.Write(ref _subscription, subscription);
        return subscription;
    }

    /// <summary>Queues a notification if the subscription wants the topic; returns its id, or null if nobody listens.
    /// The item is serialized now: the caller holds whatever lock makes the object consistent.</summary>
    public string? Publish(string topic, DateTimeOffset createdAt, Action<Utf8JsonWriter> writeItem)
    {
        if (!Subscription.Wants(topic)) { return null; }
        var notification = new WebhookNotification($"notif_{Guid.NewGuid()}", topic, createdAt, NotificationJson.Serialize(writeItem));
        lock (_sync)
        {
            _log.Enqueue(notification);
            if (_log.Count > LogCapacity) { _log.Dequeue(); }
            if (topic != WebhookTopics.Ping && TakeDrop()) { notification.Status = "dropped"; }
            else if (!_queue.Writer.TryWrite(notification)) { notification.Status = "dropped"; }
        }

        return notification.Id;
    }

    /// <summary>Sends topic <c>ping</c>, which every subscription receives; null when there is no active subscription.</summary>
    public string? Ping() => Publish(WebhookTopics.Ping, Time.GetUtcNow(), NotificationJson.WritePing);

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) { return; }
        await _stopping.CancelAsync();
        _queue.Writer.TryComplete();
        await _pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        // In-flight posts see the cancellation and end quickly: wait for their slots so none outlives the server.
        for (var i = 0; i < Concurrency; i++) { await _inFlight.WaitAsync(TimeSpan.FromSeconds(5)); }
        _stopping.Dispose();
    }

    private static string[] Validate(IReadOnlyList<string> topics)
    {
        foreach (var topic in topics)
        {
            if (!WebhookTopics.All.Contains(topic) && topic != WebhookTopics.Ping)
            {
                throw new ArgumentException($"Unknown webhook topic '{topic}'.", nameof(topics));
            }
        }

        return [.. topics.Distinct(StringComparer.Ordinal)];
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        var window = Math.Max(1, _options.WebhookShuffleWindow);
        var batch = new List<WebhookNotification>(window);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(cancellationToken))
            {
                while (batch.Count < window && _queue.Reader.TryRead(out var next)) { batch.Add(next); }

                // Intercom does not guarantee order (Intercom's webhook documentation): an optional shuffle lets
                // receivers prove they cope.
                if (window > 1) { _shuffle.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(batch)); }
                foreach (var notification in batch)
                {
                    await _inFlight.WaitAsync(cancellationToken);
                    _ = DeliverThenReleaseAsync(notification, cancellationToken);
                }

                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverThenReleaseAsync(WebhookNotification notification, CancellationToken cancellationToken)
    {
        try
        {
            await DeliverAsync(notification, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _inFlight.Release();
        }
    }
}

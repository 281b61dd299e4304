using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Rapport.IntercomSimulator.Webhooks;

internal sealed partial class WebhookDispatcher
{
    private const int MaxAttempts = 2;

    private async Task DeliverAsync(WebhookNotification notification, CancellationToken cancellationToken)
    {
        var subscription = Subscription;
        if (!subscription.Active || subscription.Url is not { } url)
        {
            lock (_sync) { notification.Status = "dropped"; }
            return;
        }

        var now = Time.GetUtcNow();
        int attempt;
        DateTimeOffset firstSentAt;
        lock (_sync)
        {
            attempt = ++notification.Attempts;
            firstSentAt = notification.FirstSentAt ??= now;
            notification.LastAttemptAt = now;
            notification.Status = "sending";
        }

        var status = await PostAsync(url, NotificationJson.Envelope(_appId, notification, attempt, firstSentAt), cancellationToken);
        if (status == 410)
        {
            // A 410 disables the subscription (Intercom's webhook documentation).
            Volatile.Write(ref _subscription, subscription with { Active = false });
        }

        var retry = status is not (200 or 410) && attempt < MaxAttempts
            ? Task.Delay(_options.WebhookRetryDelay, Time, cancellationToken)
            : null;
        lock (_sync)
        {
            notification.StatusCodes.Add(status);
            notification.Status = status == 200 ? "delivered" : retry is null ? "failed" : "retrying";
        }

        if (retry is not null) { _ = RequeueAfterAsync(notification, retry); }
    }

    // A timeout or any answer but 200 is retried once, after a minute (Intercom's webhook documentation).
    private async Task RequeueAfterAsync(WebhookNotification notification, Task delay)
    {
        try
        {
            await delay;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (_sync)
        {
            if (!_queue.Writer.TryWrite(notification)) { notification.Status = "dropped"; }
        }
    }

    /// <summary>The status code, or 0 when the endpoint did not answer within <see cref="SimulatorOptions.WebhookTimeout"/> or refused the connection.</summary>
    private async Task<int> PostAsync(Uri url, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", "intercom-parrot-service-client/1.0");
        request.Headers.TryAddWithoutValidation("X-Hub-Signature", "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(_signingKey, body)));

        using var timeout = new CancellationTokenSource(_options.WebhookTimeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            using var response = await _http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            return (int)response.StatusCode;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }
}

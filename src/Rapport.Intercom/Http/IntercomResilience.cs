using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Rapport.Intercom.Http;

/// <summary>
/// The two retry pipelines. They wrap send + read + parse of a whole call, because a truncated body or a dropped connection
/// only shows while the content is read, after any DelegatingHandler has returned. Per-attempt timeouts are the client's
/// (<see cref="TimeoutException"/>), so that waiting at the rate-limit gate does not count against them.
/// </summary>
internal sealed class IntercomResilience
{
    public IntercomResilience(IOptions<IntercomClientOptions> options, TimeProvider timeProvider, IntercomClientStatistics statistics)
    {
        var settings = options.Value;
        Idempotent = Build(settings, timeProvider, statistics, IsTransient);
        NotIdempotent = Build(settings, timeProvider, statistics, SurelyNotProcessed);
    }

    /// <summary>Reads, read-only POSTs (/companies/list, /contacts/search) and PUT updates: any transient failure is retried.</summary>
    public ResiliencePipeline Idempotent { get; }

    /// <summary>
    /// Creates and scroll continuations: retried only when Intercom surely did not act on the request (connection refused,
    /// DNS failure, 429), as a blind retry could create twice or skip a scroll page.
    /// </summary>
    public ResiliencePipeline NotIdempotent { get; }

    private static ResiliencePipeline Build(
        IntercomClientOptions settings,
        TimeProvider timeProvider,
        IntercomClientStatistics statistics,
        Func<Exception, CancellationToken, bool> shouldRetry)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } exception && shouldRetry(exception, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult(RateLimitDelay(args.Outcome.Exception, timeProvider, settings.MaxRetryDelay)),
                OnRetry = _ =>
                {
                    statistics.AddRetry();
                    return default;
                },
            });
        }

        return builder.Build();
    }

    internal static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        IntercomApiException api => api.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        HttpRequestException or IOException or JsonException or TimeoutException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    internal static bool SurelyNotProcessed(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        IntercomRateLimitException => true,
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => true,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError, InnerException: SocketException socket } =>
            socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable,
        _ => false,
    };

    // Intercom says when the window resets; waiting for it beats guessing with backoff.
    private static TimeSpan? RateLimitDelay(Exception? exception, TimeProvider timeProvider, TimeSpan cap)
    {
        if (exception is not IntercomRateLimitException rateLimited)
        {
            return null;
        }

        var jitter = TimeSpan.FromMilliseconds(100 + Random.Shared.Next(0, 400));
        var wait = rateLimited.RetryAfter
            ?? (rateLimited.Reset is { } reset ? reset - timeProvider.GetUtcNow() : null);
        if (wait is null)
        {
            return null;
        }

        var delay = (wait.Value < TimeSpan.Zero ? TimeSpan.Zero : wait.Value) + jitter;
        return delay < cap ? delay : cap;
    }
}

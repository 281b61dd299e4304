using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Rapport.Intercom.Http;

/// <summary>
/// The retry pipelines. They wrap send + read + parse of a whole call, because a truncated body or a dropped connection
/// only shows while the content is read, after any DelegatingHandler has returned. Per-attempt timeouts are the client's
/// (<see cref="TimeoutException"/>), so that waiting at the rate-limit gate does not count against them.
/// </summary>
internal sealed class IntercomResilience
{
    /// <summary>What the retries of one call have been through; set by the client on each call's context.</summary>
    internal static readonly ResiliencePropertyKey<RetryLog> Log = new("Rapport.Intercom.RetryLog");

    private readonly IntercomClientOptions _settings;
    private readonly TimeProvider _timeProvider;
    private readonly IntercomClientStatistics _statistics;

    public IntercomResilience(IOptions<IntercomClientOptions> options, TimeProvider timeProvider, IntercomClientStatistics statistics)
    {
        (_settings, _timeProvider, _statistics) = (options.Value, timeProvider, statistics);
        Default = For(patience: null);
    }

    /// <summary>At most <see cref="IntercomClientOptions.MaxRetries"/> retries: what a teammate waiting on a page can afford.</summary>
    public IntercomRetries Default { get; }

    /// <summary>
    /// Retries bounded by time instead of a count (null: <see cref="Default"/>'s count): a long job such as the import waits
    /// out a 429 storm to each <c>X-RateLimit-Reset</c> and a run of 5xx for as long as <paramref name="patience"/> allows.
    /// </summary>
    public IntercomRetries For(TimeSpan? patience) => new(
        patience,
        Build(patience, IsTransient),
        Build(patience, SurelyNotProcessed));

    private ResiliencePipeline Build(TimeSpan? patience, Func<Exception, CancellationToken, bool> shouldRetry)
    {
        var maxRetries = patience is null ? _settings.MaxRetries : int.MaxValue;
        if (maxRetries <= 0)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder { TimeProvider = _timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = maxRetries,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception
                    && shouldRetry(exception, args.Context.CancellationToken)
                    && ScheduleRetry(args.Context, exception, args.AttemptNumber, patience)),
                DelayGenerator = args => ValueTask.FromResult(args.Context.Properties.GetValue(Log, RetryLog.None).NextDelay),
                OnRetry = _ =>
                {
                    _statistics.AddRetry();
                    return default;
                },
            })
            .Build();
    }

    // Decided here rather than in the delay generator because a call whose next wait would outlast the patience must not
    // wait at all: it stops now, and says why.
    private bool ScheduleRetry(ResilienceContext context, Exception exception, int attempt, TimeSpan? patience)
    {
        var log = context.Properties.GetValue(Log, RetryLog.None);
        var now = _timeProvider.GetTimestamp();
        log.Failed(now);
        var delay = Delay(exception, attempt, patience);
        if (patience is { } limit && _timeProvider.GetElapsedTime(log.FirstFailure, now) + delay > limit)
        {
            log.GaveUp(delay, _timeProvider.GetElapsedTime(log.FirstFailure, now));
            return false;
        }

        log.NextDelay = delay;
        return true;
    }

    // Intercom says when the window resets (X-RateLimit-Reset, https://developers.intercom.com/docs/references/rest-api/errors/rate-limiting):
    // waiting for it beats guessing with backoff. Without a patience, the wait is capped like any other.
    private TimeSpan Delay(Exception exception, int attempt, TimeSpan? patience)
    {
        if (exception is IntercomRateLimitException rateLimited
            && (rateLimited.RetryAfter ?? rateLimited.Reset - _timeProvider.GetUtcNow()) is { } untilReset)
        {
            var wait = (untilReset < TimeSpan.Zero ? TimeSpan.Zero : untilReset) + TimeSpan.FromMilliseconds(100 + Random.Shared.Next(0, 400));
            return patience is null && wait > _settings.MaxRetryDelay ? _settings.MaxRetryDelay : wait;
        }

        // Exponential from RetryBaseDelay, capped at MaxRetryDelay, each wait drawn from its upper half so that clients
        // failing together do not retry together.
        var exponential = _settings.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(exponential, _settings.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
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
}

/// <param name="Patience">Null: retries are counted, not timed.</param>
/// <param name="Idempotent">Reads, read-only POSTs (/companies/list, /contacts/search) and PUT updates: any transient failure is retried.</param>
/// <param name="NotIdempotent">
/// Creates and scroll continuations: retried only when Intercom surely did not act on the request (connection refused,
/// DNS failure, 429), as a blind retry could create twice or skip a scroll page.
/// </param>
internal sealed record IntercomRetries(TimeSpan? Patience, ResiliencePipeline Idempotent, ResiliencePipeline NotIdempotent);

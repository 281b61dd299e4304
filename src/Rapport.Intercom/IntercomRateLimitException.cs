namespace Rapport.Intercom;

/// <summary>
/// 429 that outlived the retries. Limits are per 10-second window
/// (https://developers.intercom.com/docs/references/rest-api/errors/rate-limiting).
/// </summary>
public sealed class IntercomRateLimitException(
    IntercomErrorDetails details,
    int? limit,
    int? remaining,
    DateTimeOffset? reset,
    TimeSpan? retryAfter) : IntercomApiException(details)
{
    /// <summary><c>X-RateLimit-Limit</c>: calls allowed per window.</summary>
    public int? Limit { get; } = limit;

    /// <summary><c>X-RateLimit-Remaining</c>.</summary>
    public int? Remaining { get; } = remaining;

    /// <summary><c>X-RateLimit-Reset</c>: when the window resets.</summary>
    public DateTimeOffset? Reset { get; } = reset;

    /// <summary><c>Retry-After</c>, when sent.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

using Microsoft.Extensions.Options;
using Rapport.Intercom.Http;
using Rapport.Intercom.Json;

namespace Rapport.Intercom;

/// <summary>
/// Intercom REST API 2.x client, pinned to <c>Intercom-Version</c> 2.16. Get it from DI
/// (<see cref="IntercomServiceCollectionExtensions.AddRapportIntercom"/>). Every call passes the shared rate-limit gate and
/// retries transient failures; failures surface as <see cref="IntercomException"/> subclasses.
/// </summary>
public sealed partial class IntercomClient
{
    private readonly HttpClient _http;
    private readonly IntercomClientOptions _options;
    private readonly IntercomResilience _resilience;
    private readonly IntercomRetries _retries;
    private readonly IntercomScrollGate _scrollGate;
    private readonly IntercomRateLimitGate _rateLimitGate;
    private readonly TimeProvider _timeProvider;

    internal IntercomClient(
        HttpClient http,
        IOptions<IntercomClientOptions> options,
        IntercomResilience resilience,
        IntercomScrollGate scrollGate,
        IntercomRateLimitGate rateLimitGate,
        IntercomClientStatistics statistics,
        TimeProvider timeProvider)
        : this(http, options.Value, resilience, resilience.Default, scrollGate, rateLimitGate, statistics, timeProvider)
    {
    }

    private IntercomClient(
        HttpClient http,
        IntercomClientOptions options,
        IntercomResilience resilience,
        IntercomRetries retries,
        IntercomScrollGate scrollGate,
        IntercomRateLimitGate rateLimitGate,
        IntercomClientStatistics statistics,
        TimeProvider timeProvider)
    {
        _http = http;
        _options = options;
        _resilience = resilience;
        _retries = retries;
        _scrollGate = scrollGate;
        _rateLimitGate = rateLimitGate;
        _timeProvider = timeProvider;
        Statistics = statistics;
    }

    /// <summary>Counters shared by every client of the container.</summary>
    public IntercomClientStatistics Statistics { get; }

    /// <summary>
    /// The same client (same connection, rate-limit budget, scroll turn and counters) retrying transient failures for up to
    /// <paramref name="patience"/> instead of <see cref="IntercomClientOptions.MaxRetries"/> times: a 429 waits for its
    /// <c>X-RateLimit-Reset</c>, 5xx, timeouts and dropped connections back off, and a call whose next try would come after
    /// the patience ran out throws <see cref="IntercomPatienceExceededException"/>. For jobs nobody waits on, such as the import.
    /// </summary>
    public IntercomClient WithRetryPatience(TimeSpan patience)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(patience, TimeSpan.Zero);
        return new IntercomClient(_http, _options, _resilience, _resilience.For(patience), _scrollGate, _rateLimitGate, Statistics, _timeProvider);
    }

    /// <summary>The admin the token acts as, and its workspace (<c>app.id_code</c>, <c>app.region</c>). Cheap check of a token.</summary>
    public Task<IntercomMe> GetMeAsync(CancellationToken cancellationToken = default) =>
        GetAsync("me", IntercomMe.Parse, cancellationToken);

    /// <summary>GET /segments (one list, no paging).</summary>
    public Task<IReadOnlyList<IntercomSegment>> ListSegmentsAsync(bool includeCount = false, CancellationToken cancellationToken = default) =>
        GetAsync(
            includeCount ? "segments?include_count=true" : "segments",
            root => Items(root, IntercomSegment.Parse, "segments"),
            cancellationToken);

    /// <summary>GET /tags (one list, no paging).</summary>
    public Task<IReadOnlyList<IntercomTag>> ListTagsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("tags", root => Items(root, IntercomTag.Parse, "data"), cancellationToken);

    /// <summary>GET /admins (one list, no paging).</summary>
    public Task<IReadOnlyList<IntercomAdmin>> ListAdminsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("admins", root => Items(root, IntercomAdmin.Parse, "admins"), cancellationToken);

    /// <summary>GET /data_attributes?model=contact|company (Intercom's API reference, "List all data attributes":
    /// <c>conversation</c> is a 422).</summary>
    public Task<IReadOnlyList<IntercomDataAttribute>> ListDataAttributesAsync(string model, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        return GetAsync($"data_attributes?model={Uri.EscapeDataString(model)}", root => Items(root, IntercomDataAttribute.Parse, "data"), cancellationToken);
    }

    /// <summary>
    /// POST /data_attributes. Not retried unless Intercom surely did not receive it; a duplicate name is a
    /// <see cref="IntercomValidationException"/> (<c>parameter_invalid</c>), so list first.
    /// </summary>
    public Task<IntercomDataAttribute> CreateDataAttributeAsync(IntercomDataAttributeCreate create, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(create);
        return SendAsync(HttpMethod.Post, "data_attributes", IntercomRequestBodies.DataAttributeCreate(create), idempotent: false, IntercomDataAttribute.Parse, cancellationToken);
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Rapport.Intercom.Json;

namespace Rapport.Intercom;

public sealed partial class IntercomClient
{
    /// <summary>
    /// GET /events?type=user for one user or lead, newest first, following the <c>pages.next</c> URL. Intercom lists
    /// only events less than 90 days old (Intercom's API reference, "List all data events"): older history is not
    /// recoverable this way.
    /// </summary>
    public async IAsyncEnumerable<IntercomPage<IntercomDataEvent>> ListUserEventsAsync(
        IntercomEventUser user, int perPage = 50, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perPage);
        string? path = string.Create(CultureInfo.InvariantCulture, $"events?type=user&{user.Query}&per_page={perPage}");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (path is not null && seen.Add(path))
        {
            var page = await GetAsync(path, ParseEventPage, cancellationToken).ConfigureAwait(false);
            if (page.Items.Count == 0)
            {
                yield break;
            }

            yield return page;
            path = page.NextCursor is { } next ? RelativeToBase(next) : null;
        }
    }

    /// <summary>GET /events?type=user&amp;summary=true: one row per event name, with first/last time and a count that includes events past 90 days.</summary>
    public Task<IReadOnlyList<IntercomEventSummary>> GetUserEventSummariesAsync(IntercomEventUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return GetAsync($"events?type=user&{user.Query}&summary=true", root => Items(root, IntercomEventSummary.Parse, "events"), cancellationToken);
    }

    /// <summary>
    /// POST /events; Intercom answers 202 with no body, and 404 for an unknown user. Retried like a read: Intercom
    /// de-duplicates on contact + event name + <c>created_at</c> (Intercom's API reference, "Submit a data event"), so
    /// a repeat cannot count twice.
    /// </summary>
    public Task CreateEventAsync(IntercomDataEventCreate create, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentException.ThrowIfNullOrWhiteSpace(create.EventName);
        if (create.Id is null && create.UserId is null && create.Email is null)
        {
            throw new ArgumentException("An event needs one of Id, UserId or Email.", nameof(create));
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(create, IntercomJsonContext.Default.IntercomDataEventCreate);
        return SendAsync(HttpMethod.Post, "events", body, idempotent: true, static _ => true, cancellationToken);
    }

    // spec 2.16 data_event_summary: {type:"event.summary", events[], pages {next: url}} (pages per the spec example).
    private static IntercomPage<IntercomDataEvent> ParseEventPage(JsonElement root) => new(
        Items(root, IntercomDataEvent.Parse, "events"),
        root.GetObject("pages").GetString("next"),
        null);
}

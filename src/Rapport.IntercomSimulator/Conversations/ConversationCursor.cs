using System.Globalization;
using System.Text;
using System.Text.Json;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Conversations;

/// <summary>
/// Lists and searches run newest <c>updated_at</c> first (ties: newest id first); the opaque <c>starting_after</c> holds the
/// last item's position in that order, so paging needs no server state. A conversation updated while a client pages moves to
/// the front and is not seen again by that pass: the next incremental search picks it up.
/// </summary>
internal static class ConversationCursor
{
    public static string Encode(SimulatedConversation last, int nextPage) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"[{last.UpdatedAt.ToUnixTimeSeconds()},\"{last.Id}\",{nextPage}]")));

    public static (long UpdatedAt, long Id, int Page)? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) { return null; }
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(cursor));
            var root = document.RootElement;
            return (root[0].GetInt64(), long.Parse(root[1].GetString()!, CultureInfo.InvariantCulture), root[2].GetInt32());
        }
        catch (Exception error) when (error is FormatException or JsonException or InvalidOperationException or IndexOutOfRangeException or ArgumentNullException or OverflowException)
        {
            throw ApiException.Invalid("starting_after is not a valid cursor", "starting_after");
        }
    }

    /// <summary>The requested page of <paramref name="matches"/> in list order, and the cursor of the page after it.</summary>
    public static (List<SimulatedConversation> Page, int Total, int PageNumber, string? Next) Slice(
        IEnumerable<SimulatedConversation> matches, int perPage, string? startingAfter)
    {
        var cursor = Decode(startingAfter);
        var ordered = matches
            .Select(c => (Conversation: c, UpdatedAt: c.UpdatedAt.ToUnixTimeSeconds(), Id: Number(c.Id)))
            .OrderByDescending(x => x.UpdatedAt).ThenByDescending(x => x.Id)
            .ToList();
        var start = 0;
        if (cursor is { } k)
        {
            start = ordered.FindIndex(x => x.UpdatedAt < k.UpdatedAt || (x.UpdatedAt == k.UpdatedAt && x.Id < k.Id));
            if (start < 0) { start = ordered.Count; }
        }

        var page = ordered.Skip(start).Take(perPage).Select(x => x.Conversation).ToList();
        var pageNumber = cursor?.Page ?? 1;
        var next = page.Count > 0 && start + page.Count < ordered.Count ? Encode(page[^1], pageNumber + 1) : null;
        return (page, ordered.Count, pageNumber, next);
    }

    private static long Number(string id) => long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
}

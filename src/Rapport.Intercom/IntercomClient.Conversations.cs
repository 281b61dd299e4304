using System.Globalization;
using Rapport.Intercom.Json;

namespace Rapport.Intercom;

public sealed partial class IntercomClient
{
    /// <summary>"default 20, maximum 150" for the list and the search (Intercom's API reference, "List all
    /// conversations" and "Search conversations").</summary>
    private const int MaxConversationsPerPage = 150;

    /// <summary>
    /// GET /conversations, following <c>starting_after</c>. Items carry no parts: read a conversation with
    /// <see cref="GetConversationAsync"/> (one call each).
    /// </summary>
    public IAsyncEnumerable<IntercomPage<IntercomConversation>> ListConversationsAsync(
        string? startingAfter = null, int perPage = MaxConversationsPerPage, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perPage);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(perPage, MaxConversationsPerPage);
        return PageByCursorAsync(
            cursor => (HttpMethod.Get, cursor is null
                ? string.Create(CultureInfo.InvariantCulture, $"conversations?per_page={perPage}")
                : string.Create(CultureInfo.InvariantCulture, $"conversations?per_page={perPage}&starting_after={Escape(cursor)}"), null),
            startingAfter,
            ParseConversationPage,
            cancellationToken);
    }

    /// <summary>POST /conversations/search with any query, following <c>pages.next.starting_after</c>. Items carry no parts.</summary>
    public IAsyncEnumerable<IntercomPage<IntercomConversation>> SearchConversationsAsync(
        IntercomSearchQuery query, string? startingAfter = null, int perPage = MaxConversationsPerPage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perPage);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(perPage, MaxConversationsPerPage);
        return PageByCursorAsync(
            cursor => (HttpMethod.Post, "conversations/search", IntercomRequestBodies.ContactSearch(query, perPage, cursor)),
            startingAfter,
            ParseConversationPage,
            cancellationToken);
    }

    /// <summary>
    /// Conversations updated at or after <paramref name="updatedSince"/>: the conversation operator table defines
    /// <c>&gt;</c> as "Greater (or equal) than" (spec POST /conversations/search). Whether Intercom rounds conversation
    /// dates to the day as it does for contacts is not documented ("Search conversations" says nothing of it): callers
    /// overlap their checkpoint and let <c>updated_at</c> decide.
    /// </summary>
    public IAsyncEnumerable<IntercomPage<IntercomConversation>> SearchConversationsAsync(
        DateTimeOffset updatedSince, string? startingAfter = null, int perPage = MaxConversationsPerPage, CancellationToken cancellationToken = default) =>
        SearchConversationsAsync(IntercomSearchQuery.Filter("updated_at", ">", updatedSince), startingAfter, perPage, cancellationToken);

    /// <summary>
    /// GET /conversations/{id} with its parts: at most the 500 most recent, <see cref="IntercomConversation.PartsTruncated"/>
    /// says when there are more. <paramref name="plainText"/> asks for <c>display_as=plaintext</c> bodies.
    /// </summary>
    public Task<IntercomConversation> GetConversationAsync(string id, bool plainText = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var path = plainText ? $"conversations/{Escape(id)}?display_as=plaintext" : $"conversations/{Escape(id)}";
        return GetAsync(path, IntercomConversation.Parse, cancellationToken);
    }

    // spec 2.16 conversation_list: {conversations[], total_count, pages {next {starting_after}}}
    private static IntercomPage<IntercomConversation> ParseConversationPage(System.Text.Json.JsonElement root) => new(
        Items(root, IntercomConversation.Parse, "conversations"),
        root.GetObject("pages").GetObject("next").GetString("starting_after"),
        root.GetInt32("total_count"));
}

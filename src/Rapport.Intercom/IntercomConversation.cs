using System.Text.Json;
using System.Text.Json.Serialization;
using Rapport.Intercom.Json;

namespace Rapport.Intercom;

/// <summary>
/// Intercom's <c>conversation</c> object (spec 2.16 <c>components.schemas.conversation</c>; Intercom's API reference,
/// "Retrieve a conversation"). List and search results carry no parts; GET /conversations/{id} carries at most the 500
/// most recent (<see cref="PartsTruncated"/>). <see cref="Raw"/> keeps every field as received.
/// </summary>
public sealed record IntercomConversation
{
    public string Id { get; init; } = "";
    public string? Title { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public DateTimeOffset? WaitingSince { get; init; }
    public DateTimeOffset? SnoozedUntil { get; init; }

    /// <summary>open, closed or snoozed.</summary>
    public string? State { get; init; }

    public bool? Open { get; init; }
    public bool? Read { get; init; }
    public string? Priority { get; init; }

    /// <summary>As sent: an integer, 0 when unassigned (see <see cref="AssigneeAdminId"/>).</summary>
    public string? AdminAssigneeId { get; init; }

    public IntercomConversationSource? Source { get; init; }
    public IntercomConversationContacts? Contacts { get; init; }
    public IntercomConversationTeammates? Teammates { get; init; }
    public IntercomConversationStatistics? Statistics { get; init; }
    public IntercomConversationPartList? ConversationParts { get; init; }

    /// <summary>Non-null when the conversation is a ticket: Intercom's spec examples carry <c>ticket</c> on every conversation (null for plain ones).</summary>
    public IntercomConversationTicket? Ticket { get; init; }

    public IntercomLinkedObjectList? LinkedObjects { get; init; }
    public bool? AiAgentParticipated { get; init; }

    /// <summary>The exact JSON object Intercom sent.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; init; }

    [JsonIgnore]
    public string? AssigneeAdminId => AdminAssigneeId is null or "0" ? null : AdminAssigneeId;

    /// <summary>The parts that came with this object, oldest first (none in list and search results).</summary>
    [JsonIgnore]
    public IReadOnlyList<IntercomConversationPart> Parts => ConversationParts?.ConversationParts ?? [];

    [JsonIgnore]
    public IReadOnlyList<string> ContactIds => [.. (Contacts?.Contacts ?? []).Select(c => c.Id)];

    /// <summary>True for a ticket (its <c>ticket</c> object is set); a conversation that merely links to a ticket is not one.</summary>
    [JsonIgnore]
    public bool IsTicket => Ticket is not null;

    /// <summary>
    /// True when Intercom holds more parts than came back: GET returns only the 500 most recent (spec GET /conversations/{id}),
    /// so older parts can only be kept from earlier reads and webhooks. Judged from <c>statistics.count_conversation_parts</c>
    /// and <c>conversation_parts.total_count</c>, whichever is larger.
    /// </summary>
    [JsonIgnore]
    public bool PartsTruncated =>
        ConversationParts is not null
        && Math.Max(Statistics?.CountConversationParts ?? 0, ConversationParts.TotalCount ?? 0) > Parts.Count;

    /// <summary>Reads a conversation object, e.g. from a webhook payload or a stored raw copy.</summary>
    public static IntercomConversation Parse(JsonElement json) =>
        IntercomJson.Parse(json, IntercomJsonContext.Default.IntercomConversation) with { Raw = json.Clone() };
}

/// <summary><c>conversation_parts</c>: <c>{type, conversation_parts[], total_count}</c>.</summary>
public sealed record IntercomConversationPartList(IReadOnlyList<IntercomConversationPart>? ConversationParts, int? TotalCount);

/// <summary><c>contacts</c> of a conversation: references only.</summary>
public sealed record IntercomConversationContacts(IReadOnlyList<IntercomContactRef>? Contacts);

/// <summary>A contact reference: <c>{type:"contact", id, external_id}</c>.</summary>
public sealed record IntercomContactRef(string Id, string? ExternalId);

/// <summary><c>teammates</c> of a conversation: the admins who took part.</summary>
public sealed record IntercomConversationTeammates(IReadOnlyList<IntercomInlineRef>? Teammates);

/// <summary><c>linked_objects</c>: tickets or conversations linked to this one.</summary>
public sealed record IntercomLinkedObjectList(IReadOnlyList<IntercomLinkedObject>? Data, int? TotalCount, bool HasMore);

/// <summary>One linked object: <see cref="Type"/> ticket or conversation.</summary>
public sealed record IntercomLinkedObject(string Type, string Id, string? Category);

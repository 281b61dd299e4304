namespace Rapport.IntercomSimulator.Conversations;

/// <summary>A conversation of the simulated workspace: the fields of the spec's <c>conversation</c> object (spec 2.16).
/// Mutate it only through the workspace (<see cref="SimulatorWorkspace.AddConversation"/>, <see cref="SimulatorWorkspace.Reply"/>, …).</summary>
public sealed class SimulatedConversation
{
    internal SimulatedConversation(string id, SimulatedConversationSource source) => (Id, Source) = (id, source);

    /// <summary>Numeric, as Intercom's (GET /conversations/{conversation_id} types it integer).</summary>
    public string Id { get; }

    public SimulatedConversationSource Source { get; }

    public string? Title { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? WaitingSince { get; set; }

    public DateTimeOffset? SnoozedUntil { get; set; }

    /// <summary>open, closed or snoozed; a snoozed conversation is still <see cref="Open"/>.</summary>
    public string State { get; set; } = "open";

    public bool Open => State != "closed";

    public bool Read { get; set; }

    /// <summary>none, low, medium, high or urgent (2.16).</summary>
    public string Priority { get; set; } = "none";

    /// <summary>An admin id, or null when unassigned (sent as 0).</summary>
    public string? AdminAssigneeId { get; set; }

    public bool AiAgentParticipated { get; set; }

    /// <summary>Non-null for a ticket: Intercom sends the <c>ticket</c> object on conversations (null otherwise, as in the spec examples).</summary>
    public SimulatedTicket? Ticket { get; set; }

    public List<string> ContactIds { get; } = [];

    /// <summary>Admins who took part, in order of first appearance.</summary>
    public List<string> TeammateIds { get; } = [];

    /// <summary>Every part ever added, oldest first; GET /conversations/{id} returns only the 500 most recent.</summary>
    public List<SimulatedConversationPart> Parts { get; } = [];

    public int CountReopens { get; set; }

    public int CountAssignments { get; set; }
}

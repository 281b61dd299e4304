namespace Rapport.Intercom.Messaging;

/// <summary>
/// An admin-initiated message to one contact (spec 2.16 <c>create_message_request</c>). An email needs a subject and a
/// template; the request has no attachment field at all (Intercom's API reference, "Create a message"), so callers must
/// not pretend to send files.
/// </summary>
public sealed record IntercomMessageCreate
{
    /// <summary><c>in_app</c> or <c>email</c> (the request's enum; the response says <c>inapp</c>).</summary>
    public required string MessageType { get; init; }

    /// <summary>Intercom's admin id; the request types it integer.</summary>
    public required string FromAdminId { get; init; }

    /// <summary>Intercom's contact id.</summary>
    public required string ToContactId { get; init; }

    /// <summary><c>user</c> or <c>lead</c>.</summary>
    public string ToType { get; init; } = "user";

    public string? Subject { get; init; }

    public required string Body { get; init; }

    /// <summary><c>plain</c> or <c>personal</c>; required for email.</summary>
    public string Template { get; init; } = "plain";

    /// <summary>Opens the conversation in the inbox at once, so the thread exists before the contact answers.</summary>
    public bool CreateConversationWithoutContactReply { get; init; } = true;
}

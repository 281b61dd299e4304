namespace Rapport.Intercom.Webhooks;

/// <summary>A webhook body that is not Intercom's <c>notification_event</c> envelope (truncated, not JSON, fields missing).</summary>
public sealed class IntercomInvalidNotificationException(string reason, Exception? innerException = null)
    : IntercomException($"The Intercom webhook notification is malformed: {reason}", innerException);

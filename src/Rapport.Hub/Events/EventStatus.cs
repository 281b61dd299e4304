namespace Rapport.Hub.Events;

/// <summary>Whether a data event's name is kept: a new name is tracked; an ignored one is dropped at the door (only counted).</summary>
public enum EventStatus
{
    Tracked,
    Ignored,
}

public static class EventStatuses
{
    /// <summary>The name used in the database, the API and forms: <c>tracked</c> or <c>ignored</c>.</summary>
    public static string ToName(this EventStatus status) => status == EventStatus.Ignored ? "ignored" : "tracked";

    public static bool TryParse(string? text, out EventStatus status)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "tracked":
                status = EventStatus.Tracked;
                return true;
            case "ignored":
                status = EventStatus.Ignored;
                return true;
            default:
                status = EventStatus.Tracked;
                return false;
        }
    }
}

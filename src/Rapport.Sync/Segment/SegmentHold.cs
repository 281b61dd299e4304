using System.Text.Json.Nodes;
using Rapport.Hub.Segment;

namespace Rapport.Sync.Segment;

/// <summary>
/// Which pending calls may be applied now. A call waiting for its retry holds back every later call that names one of
/// its ids (userId, anonymousId, groupId, context.groupId), and those hold back the calls that name theirs: a track must
/// not overtake the failed group or identify that places its user. Calls naming other ids go on. Once the failing call
/// is set aside the calls behind it are applied without it (see README, "set aside").
/// </summary>
internal static class SegmentHold
{
    public static (List<PendingSegmentMessage> Ready, DateTimeOffset? NextRetryAt) Ready(IReadOnlyList<PendingSegmentMessage> pending, DateTimeOffset now)
    {
        // The common case, nothing failing: no call's JSON is read twice.
        if (!pending.Any(m => m.RetryAt > now))
            return ([.. pending], null);

        var ready = new List<PendingSegmentMessage>(pending.Count);
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        DateTimeOffset? next = null;
        foreach (var message in pending)
        {
            if (message.RetryAt is { } at && at > now)
            {
                blocked.UnionWith(Keys(message));
                next = next is { } n && n < at ? n : at;
            }
            else if (blocked.Count > 0 && Keys(message) is var keys && keys.Overlaps(blocked))
            {
                blocked.UnionWith(keys);
            }
            else
            {
                ready.Add(message);
            }
        }

        return (ready, next);
    }

    /// <summary>The ids a call names, each with its kind, so a userId never matches a groupId of the same text.</summary>
    public static HashSet<string> Keys(PendingSegmentMessage message)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (JsonNode.Parse(message.Body) is not JsonObject json)
            return keys;
        if (SegmentMessages.Text(json, "userId") is { } userId)
            keys.Add("user:" + userId);
        if (SegmentMessages.Text(json, "anonymousId") is { } anonymousId)
            keys.Add("anonymous:" + anonymousId);
        if (SegmentMessages.Text(json, "groupId") is { } groupId)
            keys.Add("group:" + groupId);
        if (json["context"] is JsonObject context && SegmentMessages.Text(context, "groupId") is { } contextGroupId)
            keys.Add("group:" + contextGroupId);
        return keys;
    }
}

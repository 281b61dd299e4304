using System.Text.Json.Nodes;
using Rapport.Hub.Segment;

namespace Rapport.Application.Segment;

/// <summary>
/// Which pending calls may be applied now. A call waiting for its retry holds back every later call that names one of
/// its ids (userId, anonymousId, groupId, context.groupId), and those hold back the calls that name theirs: a track must
/// not overtake the failed group or identify that places its user. Calls naming other ids go on. Once the failing call
/// is set aside the calls behind it are applied without it (docs/features/segment.md, "A call that cannot be applied").
/// </summary>
internal static class SegmentCallOrder
{
    public static (List<PendingSegmentMessage> Ready, DateTimeOffset? NextRetryAt) Ready(IReadOnlyList<PendingSegmentMessage> pending, DateTimeOffset now)
    {
        // The common case, nothing failing: no call's JSON is read twice.
        if (!pending.Any(m => m.RetryAt > now))
            return ([.. pending], null);

        var ready = new List<PendingSegmentMessage>(pending.Count);
        var held = new HeldIds();
        DateTimeOffset? next = null;
        foreach (var message in pending)
        {
            if (message.RetryAt is { } at && at > now)
            {
                held.Add(Keys(message));
                next = Earliest(next, at);
            }
            else if (held.IsEmpty || !held.Holds(Keys(message)))
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

    public static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>The ids held back so far: a call naming one of them is held back too, and its other ids with it.</summary>
    internal sealed class HeldIds
    {
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

        public bool IsEmpty => _ids.Count == 0;

        public void Add(IEnumerable<string> keys) => _ids.UnionWith(keys);

        /// <summary>Whether a call with <paramref name="keys"/> is held back; if so, its ids are held from now on.</summary>
        public bool Holds(HashSet<string> keys)
        {
            if (!keys.Overlaps(_ids))
                return false;
            _ids.UnionWith(keys);
            return true;
        }
    }
}

using System.Globalization;
using System.Text.Json;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Conversations;

/// <summary>
/// Compiles the <c>query</c> of POST /conversations/search. Unlike contact search, the conversation operator table says
/// <c>&gt;</c> is "Greater (or equal) than" and <c>&lt;</c> "Lower (or equal) than", with no calendar-day rounding
/// (spec POST /conversations/search): dates compare to the second, inclusively.
/// </summary>
internal static class ConversationSearchQuery
{
    private const int MaxFiltersPerGroup = 15;
    private const int MaxNesting = 2;

    private enum Kind { String, Number, Boolean, Set }

    private static readonly Dictionary<string, (Kind Kind, Func<SimulatedConversation, object?> Read)> Fields = new(StringComparer.Ordinal)
    {
        ["id"] = (Kind.String, c => c.Id),
        ["created_at"] = (Kind.Number, c => c.CreatedAt.ToUnixTimeSeconds()),
        ["updated_at"] = (Kind.Number, c => c.UpdatedAt.ToUnixTimeSeconds()),
        ["waiting_since"] = (Kind.Number, c => c.WaitingSince?.ToUnixTimeSeconds()),
        ["snoozed_until"] = (Kind.Number, c => c.SnoozedUntil?.ToUnixTimeSeconds()),
        ["source.type"] = (Kind.String, c => c.Source.Type),
        ["source.id"] = (Kind.String, c => c.Source.Id),
        ["source.delivered_as"] = (Kind.String, c => c.Source.DeliveredAs),
        ["source.subject"] = (Kind.String, c => c.Source.Subject),
        ["source.url"] = (Kind.String, c => c.Source.Url),
        ["source.author.id"] = (Kind.String, c => c.Source.Author.Id),
        ["source.author.type"] = (Kind.String, c => c.Source.Author.Type),
        ["source.author.name"] = (Kind.String, c => c.Source.Author.Name),
        ["source.author.email"] = (Kind.String, c => c.Source.Author.Email),
        ["contact_ids"] = (Kind.Set, c => c.ContactIds),
        ["teammate_ids"] = (Kind.Set, c => c.TeammateIds),
        ["admin_assignee_id"] = (Kind.Number, c => long.TryParse(c.AdminAssigneeId, CultureInfo.InvariantCulture, out var id) ? id : 0L),
        ["team_assignee_id"] = (Kind.Number, _ => 0L),
        ["open"] = (Kind.Boolean, c => c.Open),
        ["read"] = (Kind.Boolean, c => c.Read),
        ["state"] = (Kind.String, c => c.State),
        ["priority"] = (Kind.String, c => c.Priority),
        ["ai_agent_participated"] = (Kind.Boolean, c => c.AiAgentParticipated),
        ["statistics.count_conversation_parts"] = (Kind.Number, c => (long)c.Parts.Count),
    };

    public static Func<SimulatedConversation, bool> Compile(JsonElement query, int depth = 0)
    {
        if (query.ValueKind != JsonValueKind.Object) { throw ApiException.Invalid("query must be an object", "query"); }
        var op = query.OptionalString("operator") ?? throw ApiException.Invalid("operator is required", "query.operator");
        if (op is "AND" or "OR")
        {
            if (depth >= MaxNesting) { throw ApiException.Invalid($"Search queries support at most {MaxNesting} levels of nesting", "query"); }
            if (!query.TryGetProperty("value", out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
            {
                throw ApiException.Invalid($"{op} needs an array of filters as value", "query.value");
            }

            if (items.GetArrayLength() > MaxFiltersPerGroup) { throw ApiException.Invalid($"Search queries support at most {MaxFiltersPerGroup} filters per AND/OR group", "query.value"); }
            var parts = items.EnumerateArray().Select(i => Compile(i, depth + 1)).ToArray();
            return op == "AND" ? c => Array.TrueForAll(parts, p => p(c)) : c => Array.Exists(parts, p => p(c));
        }

        var name = query.OptionalString("field") ?? throw ApiException.Invalid("field is required", "query.field");
        if (!Fields.TryGetValue(name, out var field)) { throw ApiException.Invalid($"{name} is not a searchable field", "query.field"); }
        query.TryGetProperty("value", out var value);
        return Filter(name, field.Kind, field.Read, op, value);
    }

    private static Func<SimulatedConversation, bool> Filter(string name, Kind kind, Func<SimulatedConversation, object?> read, string op, JsonElement value)
    {
        if (op is "IN" or "NIN")
        {
            if (value.ValueKind != JsonValueKind.Array) { throw ApiException.Invalid("IN and NIN need an array value", "query.value"); }
            var wanted = value.EnumerateArray().Select(Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Func<SimulatedConversation, bool> any = c => Values(read(c)).Any(wanted.Contains);
            return op == "IN" ? any : c => !any(c);
        }

        var target = Text(value);
        return (kind, op) switch
        {
            (_, "=") => c => Values(read(c)).Any(v => string.Equals(v, target, StringComparison.OrdinalIgnoreCase)),
            (_, "!=") => c => !Values(read(c)).Any(v => string.Equals(v, target, StringComparison.OrdinalIgnoreCase)),
            (Kind.Number, ">") => c => read(c) is long n && n >= Number(name, target),
            (Kind.Number, "<") => c => read(c) is long n && n <= Number(name, target),
            (Kind.String, "~") => c => read(c) is string s && s.Contains(target, StringComparison.OrdinalIgnoreCase),
            (Kind.String, "!~") => c => read(c) is not string s || !s.Contains(target, StringComparison.OrdinalIgnoreCase),
            (Kind.String, "^") => c => read(c) is string s && s.StartsWith(target, StringComparison.OrdinalIgnoreCase),
            (Kind.String, "$") => c => read(c) is string s && s.EndsWith(target, StringComparison.OrdinalIgnoreCase),
            _ => throw ApiException.Invalid($"The operator '{op}' is not supported on {name}", "query.operator"),
        };
    }

    private static IEnumerable<string> Values(object? value) => value switch
    {
        null => [],
        List<string> list => list,
        bool b => [b ? "true" : "false"],
        long n => [n.ToString(CultureInfo.InvariantCulture)],
        _ => [Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""],
    };

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => throw ApiException.Invalid("value must be a string, a number or a boolean", "query.value"),
    };

    private static long Number(string name, string text) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
        ? n
        : throw ApiException.Invalid($"{name} needs an integer or a unix timestamp", "query.value");
}

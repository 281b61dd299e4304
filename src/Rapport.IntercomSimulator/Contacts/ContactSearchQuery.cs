using System.Globalization;
using System.Text.Json;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Contacts;

/// <summary>Compiles a search <c>query</c> (single filter or AND/OR group) into a predicate, with Intercom's limits and its
/// date semantics: dates match by calendar day in the workspace timezone (UTC here); <c>&gt;</c> starts at the next day,
/// <c>&lt;</c> ends before the day; <c>!=</c>, <c>&gt;=</c>, <c>&lt;=</c>, IN, NIN are errors on dates (spec POST /contacts/search).</summary>
internal static class ContactSearchQuery
{
    private const int MaxFiltersPerGroup = 15;
    private const int MaxNesting = 2;

    public static Func<SimulatedContact, bool> Compile(JsonElement query, SimulatorWorkspace workspace, int depth = 0)
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
            var parts = items.EnumerateArray().Select(i => Compile(i, workspace, depth + 1)).ToArray();
            return op == "AND" ? c => Array.TrueForAll(parts, p => p(c)) : c => Array.Exists(parts, p => p(c));
        }

        var name = query.OptionalString("field") ?? throw ApiException.Invalid("field is required", "query.field");
        var field = ContactSearchField.Find(name, workspace) ?? throw ApiException.Invalid($"{name} is not a searchable field", "query.field");
        query.TryGetProperty("value", out var value);
        return Filter(field, op, value);
    }

    private static Func<SimulatedContact, bool> Filter(ContactSearchField field, string op, JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined && op is "=" or "!=")
        {
            return op == "=" ? c => IsEmpty(field.Read(c)) : c => !IsEmpty(field.Read(c));
        }

        return field.Kind switch
        {
            SearchFieldKind.Date => DateFilter(field, op, value),
            SearchFieldKind.Membership => MembershipFilter(field, op, value),
            SearchFieldKind.Integer or SearchFieldKind.Float => NumberFilter(field, op, value),
            SearchFieldKind.Boolean => BooleanFilter(field, op, value),
            _ => StringFilter(field, op, value),
        };
    }

    private static bool IsEmpty(object? value) => value is null or "" || value is HashSet<string> { Count: 0 };

    private static Func<SimulatedContact, bool> DateFilter(ContactSearchField field, string op, JsonElement value)
    {
        if (op is not ("=" or ">" or "<")) { throw Unsupported(field, op); }
        var seconds = value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var s) ? s
            : value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p
            : throw ApiException.Invalid($"{field.Name} needs a unix timestamp", "query.value");
        var dayStart = seconds - (((seconds % 86400) + 86400) % 86400);
        var nextDay = dayStart + 86400;
        return op switch
        {
            "=" => c => Seconds(field.Read(c)) is { } t && t >= dayStart && t < nextDay,
            ">" => c => Seconds(field.Read(c)) is { } t && t >= nextDay,
            _ => c => Seconds(field.Read(c)) is { } t && t < dayStart,
        };
    }

    private static long? Seconds(object? value) => value switch
    {
        DateTimeOffset d => d.ToUnixTimeSeconds(),
        long l => l,
        int i => i,
        _ => null,
    };

    private static Func<SimulatedContact, bool> MembershipFilter(ContactSearchField field, string op, JsonElement value)
    {
        // tag_id supports only = and != (spec operator table); segment_id also IN/NIN.
        var allowed = field.Name == "tag_id" ? op is "=" or "!=" : op is "=" or "!=" or "IN" or "NIN";
        if (!allowed) { throw Unsupported(field, op); }
        var wanted = Strings(value);
        Func<SimulatedContact, bool> any = c => field.Read(c) is HashSet<string> set && wanted.Exists(set.Contains);
        return op is "=" or "IN" ? any : c => !any(c);
    }

    private static Func<SimulatedContact, bool> NumberFilter(ContactSearchField field, string op, JsonElement value)
    {
        static double? Number(object? v) => v switch { long l => l, int i => i, double d => d, float f => f, _ => null };
        if (op is "IN" or "NIN")
        {
            var set = ArrayOf(value).Select(e => e.GetDouble()).ToHashSet();
            return op == "IN" ? c => Number(field.Read(c)) is { } n && set.Contains(n) : c => Number(field.Read(c)) is not { } n || !set.Contains(n);
        }

        var target = value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw ApiException.Invalid($"{field.Name} needs a number", "query.value");
        return op switch
        {
            "=" => c => Number(field.Read(c)) == target,
            "!=" => c => Number(field.Read(c)) != target,
            ">" => c => Number(field.Read(c)) > target,
            ">=" => c => Number(field.Read(c)) >= target,
            "<" => c => Number(field.Read(c)) < target,
            "<=" => c => Number(field.Read(c)) <= target,
            _ => throw Unsupported(field, op),
        };
    }

    private static Func<SimulatedContact, bool> BooleanFilter(ContactSearchField field, string op, JsonElement value)
    {
        var target = value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw ApiException.Invalid($"{field.Name} needs a boolean", "query.value"),
        };
        return op switch
        {
            "=" => c => field.Read(c) is bool b && b == target,
            "!=" => c => field.Read(c) is not bool b || b != target,
            _ => throw Unsupported(field, op),
        };
    }

    private static Func<SimulatedContact, bool> StringFilter(ContactSearchField field, string op, JsonElement value)
    {
        const StringComparison ignore = StringComparison.OrdinalIgnoreCase;
        if (op is "IN" or "NIN")
        {
            var set = Strings(value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return op == "IN" ? c => field.Read(c) is string s && set.Contains(s) : c => field.Read(c) is not string s || !set.Contains(s);
        }

        var target = value.ValueKind == JsonValueKind.String ? value.GetString()! : throw ApiException.Invalid($"{field.Name} needs a string", "query.value");
        return op switch
        {
            "=" => c => string.Equals(field.Read(c) as string, target, ignore),
            "!=" => c => !string.Equals(field.Read(c) as string, target, ignore),
            "~" => c => field.Read(c) is string s && s.Contains(target, ignore),
            "!~" => c => field.Read(c) is not string s || !s.Contains(target, ignore),
            "^" => c => field.Read(c) is string s && s.StartsWith(target, ignore),
            "$" => c => field.Read(c) is string s && s.EndsWith(target, ignore),
            _ => throw Unsupported(field, op),
        };
    }

    private static List<string> Strings(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToList()
        : [value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()];

    private static JsonElement.ArrayEnumerator ArrayOf(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? value.EnumerateArray()
        : throw ApiException.Invalid("IN and NIN need an array value", "query.value");

    private static ApiException Unsupported(ContactSearchField field, string op) =>
        ApiException.Invalid($"The operator '{op}' is not supported on {field.Name} ({field.Kind.ToString().ToLowerInvariant()})", "query.operator");
}

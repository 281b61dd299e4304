namespace Rapport.Hub.Rules;

/// <summary>
/// The one alias table of the condition language: the import's qualification rules read an Intercom company
/// (<c>custom_attributes.tier</c>, <c>company_id</c>) while the account model reads an account and its traits
/// (<c>traits.intercom.tier</c>, <c>external_id</c>). Both accept both spellings, so a rule copied from one to the other
/// means the same thing. Names are matched case-insensitively.
/// </summary>
public static class FieldNames
{
    private const string CustomPrefix = "custom_attributes.";
    private const string IntercomTraitPrefix = "traits.intercom.";

    /// <summary>Model spelling → qualification spelling, for the fields both sides have under different names.</summary>
    private static readonly Dictionary<string, string> ToCompanyNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["external_id"] = "company_id",
        ["source_segments"] = "segments",
        ["last_seen_at"] = "last_seen",
        ["traits.intercom.name"] = "name",
        ["traits.intercom.plan"] = "plan",
        ["traits.intercom.monthly_spend"] = "monthly_spend",
        ["traits.intercom.user_count"] = "user_count",
        ["traits.intercom.session_count"] = "session_count",
        ["traits.intercom.size"] = "size",
        ["traits.intercom.industry"] = "industry",
        ["traits.intercom.website"] = "website",
        ["traits.intercom.created_at"] = "created_at",
        ["traits.intercom.last_seen_at"] = "last_seen",
    };

    /// <summary>
    /// Qualification spelling → model spelling. <c>segments</c> is not here: in the model it names the model's own
    /// segments, and Intercom's are <c>source_segments</c>.
    /// </summary>
    private static readonly Dictionary<string, string> ToModelNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["company_id"] = "external_id",
        ["last_request_at"] = "last_seen",
        ["monthly_spend"] = "traits.intercom.monthly_spend",
        ["session_count"] = "traits.intercom.session_count",
    };

    /// <summary>A field as the account model reads it: <c>custom_attributes.tier</c> becomes <c>traits.intercom.tier</c>.</summary>
    public static string ToModel(string field)
    {
        if (field.StartsWith(CustomPrefix, StringComparison.OrdinalIgnoreCase) && field.Length > CustomPrefix.Length)
        {
            return IntercomTraitPrefix + field[CustomPrefix.Length..];
        }

        return ToModelNames.GetValueOrDefault(field, field);
    }

    /// <summary>
    /// A field as an Intercom company reads it (qualification): <c>traits.intercom.tier</c> becomes
    /// <c>custom_attributes.tier</c>, <c>traits.intercom.plan</c> the company's own <c>plan</c>; lower-cased.
    /// </summary>
    public static string ToCompany(string field)
    {
        if (ToCompanyNames.TryGetValue(field, out var known))
        {
            return known;
        }

        if (field.StartsWith(IntercomTraitPrefix, StringComparison.OrdinalIgnoreCase) && field.Length > IntercomTraitPrefix.Length)
        {
            return CustomPrefix + field[IntercomTraitPrefix.Length..];
        }

        return field.StartsWith(CustomPrefix, StringComparison.OrdinalIgnoreCase)
            ? CustomPrefix + field[CustomPrefix.Length..]
            : field.ToLowerInvariant();
    }
}

namespace Rapport.Hub.Push;

/// <summary>
/// How the push names what it writes onto Intercom: <c>Prefix + " " + startCase(field)</c>, where a field is one of the
/// fixed ones below or an element's or metric's own name. Kept in the hub so the model's validator refuses two
/// definitions on one attribute before they are saved, with the very function the push names attributes by.
/// </summary>
public static class PushedAttributeNames
{
    public const string Type = "type";

    public const string Health = "health";

    public const string ActiveRiskIndicators = "activeRiskIndicators";

    public const string ActiveOpportunityIndicators = "activeOpportunityIndicators";

    public const string Segments = "segments";

    /// <summary>The one contact attribute, the owner flag: contacts' attributes are apart from companies' in Intercom.</summary>
    public const string AccountOwner = "accountOwner";

    /// <summary>The fixed company fields, each with what it holds, for messages.</summary>
    public static IReadOnlyList<(string Field, string Holds)> FixedCompanyFields { get; } =
    [
        (Type, "the account's type"),
        (Health, "the overall health"),
        (ActiveRiskIndicators, "the active risk indicators"),
        (ActiveOpportunityIndicators, "the active opportunity indicators"),
        (Segments, "the account's segments"),
    ];

    /// <summary>
    /// Two names equal but for case are one attribute. Intercom does not document how it compares data attribute names
    /// (POST /data_attributes only answers "You already have 'X'"); ignoring case is the safe reading, and a workspace
    /// that kept both would still show two attributes nobody could tell apart.
    /// </summary>
    public static StringComparer Comparer { get; } = StringComparer.OrdinalIgnoreCase;

    /// <summary>The words after the prefix; empty when the field has no letter or digit to name an attribute.</summary>
    public static string Words(string field) => StartCase.Of(field);

    /// <summary>The full attribute name under <paramref name="prefix"/>, or null when the field has no words.</summary>
    public static string? Of(string prefix, string field) => Words(field) is { Length: > 0 } words ? $"{prefix} {words}" : null;
}

using Rapport.Hub.Rules;

namespace Rapport.Hub.Tests.Rules;

/// <summary>Field sources shaped like the Intercom companies the import hands to rules.</summary>
internal static class Companies
{
    public static DictionaryFieldSource Acme() => new()
    {
        ["name"] = "Acme Corp",
        ["company_id"] = "007",
        ["plan"] = "Pro",
        ["monthly_spend"] = 120.5m,
        ["user_count"] = 42,
        ["session_count"] = 1300,
        ["size"] = FieldValue.Null,
        ["industry"] = "Retail",
        ["website"] = "https://acme.example.com",
        ["tags"] = FieldValue.List("VIP", "beta"),
        ["segments"] = FieldValue.List(),
        ["last_seen"] = new DateTimeOffset(2024, 5, 1, 10, 30, 0, TimeSpan.Zero),
        ["custom_attributes.tier"] = "gold",
        ["custom_attributes.seats"] = "25",
        ["custom_attributes.active"] = true,
        ["custom_attributes.renewal_at"] = 1735689600, // 2025-01-01T00:00:00Z, as Intercom sends date attributes
    };

    /// <summary>Evaluates both ways and insists they agree, so every spec also checks <see cref="Condition.IsMatch"/>.</summary>
    public static bool Matches(this IFieldSource source, string rule)
    {
        var condition = Condition.Parse(rule);
        var result = condition.Evaluate(source);
        condition.IsMatch(source).ShouldBe(result.Matched, $"IsMatch and Evaluate disagree on {rule}");
        (result.Reason is null).ShouldBe(result.Matched, $"a reason is given exactly when {rule} fails");
        return result.Matched;
    }
}

using Rapport.Hub.Rules;

namespace Rapport.Hub.Model;

/// <summary>The field conditions of a rule, walked once for validation and for health's missing-input check.</summary>
internal static class ConditionFields
{
    public static IEnumerable<FieldCondition> Walk(Condition condition) => condition switch
    {
        FieldCondition field => [field],
        GroupCondition group => group.Conditions.SelectMany(Walk),
        NotCondition not => Walk(not.Condition),
        _ => [],
    };

    public static IReadOnlyList<string> Of(HealthCondition condition) =>
        [.. new[] { condition.Healthy, condition.Concerning }
            .Where(rule => rule?.Condition is not null)
            .SelectMany(rule => Walk(rule!.Condition!))
            .Select(field => field.Field)
            .Distinct(StringComparer.OrdinalIgnoreCase)];
}

using Rapport.Hub.Model;
using Rapport.Hub.Push;
using Rapport.Intercom;

namespace Rapport.Application.Push;

/// <summary>
/// The values Rapport writes onto Intercom for one account: <c>monthly_spend</c> = MRR, then
/// <c>custom_attributes</c> named <c>Prefix + startCase(field)</c> holding only strings, integers and booleans (Intercom
/// takes nothing nested): the type, the overall health, one integer per element and per metric, the active risk and
/// opportunity indicators and the segments as comma-separated text in the order the account page shows them.
/// </summary>
public static class PushAttributes
{
    /// <summary>The standard company attribute (not a custom one) under which MRR goes.</summary>
    public const string MonthlySpend = "monthly_spend";

    /// <param name="Values">Attribute name → value; <see cref="MonthlySpend"/> is the standard field, every other a custom attribute.</param>
    /// <param name="Problems">Fields left out, each saying why (a name with no word in it, two fields with one name: the
    /// validator refuses both now, but definitions saved before it did are still computed and pushed).</param>
    public sealed record Payload(IReadOnlyDictionary<string, PushValue> Values, IReadOnlyList<string> Problems);

    public static Payload Company(AccountState state, PushSettings settings)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(settings);
        var values = new Dictionary<string, PushValue>(PushedAttributeNames.Comparer);
        var problems = new List<string>();
        if (settings.MonthlySpend && state.Mrr is { } mrr)
            values[MonthlySpend] = PushValue.Integer(WholeSpend(mrr));

        void Add(string field, PushValue value, string what)
        {
            if (PushedAttributeNames.Of(settings.Prefix, field) is not { } name)
            {
                problems.Add($"{what} '{field}' is not pushed: its name has no letters or digits to name an Intercom attribute.");
                return;
            }

            if (!values.TryAdd(name, value))
                problems.Add($"{what} '{field}' is not pushed: its attribute name '{name}' is already used by another field.");
        }

        Add(PushedAttributeNames.Type, PushValue.Text(state.Type.ToName().Replace('_', ' ')), "Type");
        // Health is 0–10 with decimals; Intercom attributes are integers here, so it is rounded half away from zero (7.5 → 8).
        Add(PushedAttributeNames.Health, PushValue.Integer(PushValue.Round(state.OverallHealth)), "Health");
        Add(PushedAttributeNames.ActiveRiskIndicators, PushValue.Text(Join(state.ActiveIndicators.Where(i => i.Kind == IndicatorKind.Risk).Select(i => i.Name))), "Indicators");
        Add(PushedAttributeNames.ActiveOpportunityIndicators, PushValue.Text(Join(state.ActiveIndicators.Where(i => i.Kind == IndicatorKind.Opportunity).Select(i => i.Name))), "Indicators");
        Add(PushedAttributeNames.Segments, PushValue.Text(Join(state.Segments)), "Segments");
        foreach (var (element, count) in state.Elements)
            Add(element, PushValue.Integer(count), "Element");
        foreach (var (metric, value) in state.Metrics)
            Add(metric, PushValue.Integer(PushValue.Round(value)), "Metric");
        return new Payload(values, problems);
    }

    /// <summary>
    /// MRR as Intercom keeps <c>monthly_spend</c>: whole units, the fraction truncated (155.98 → 155) and at most 2^31−1
    /// (<c>update_company_request</c> in Intercom's OpenAPI description). Sending what Intercom would keep makes the
    /// last-pushed snapshot equal Intercom's value, and gives the numbers a team migrating from Vitally already sees.
    /// </summary>
    public static long WholeSpend(decimal mrr) => (long)Math.Clamp(decimal.Truncate(mrr), 0m, int.MaxValue);

    /// <summary>The contact attribute <c>Prefix Account Owner</c>: true on the owner of any of the contact's accounts.</summary>
    public static string AccountOwner(PushSettings settings) => PushedAttributeNames.Of(settings.Prefix, PushedAttributeNames.AccountOwner)!;

    /// <summary>Whether a name is one Rapport would create as a custom data attribute (the standard field is not).</summary>
    public static bool IsCustom(string name) => name != MonthlySpend;

    /// <summary>Checks a name against Intercom's rules before anything is created.</summary>
    public static string? NameProblem(string name) => IntercomDataAttributeNames.Problem(name);

    private static string Join(IEnumerable<string> names) => string.Join(", ", names);
}

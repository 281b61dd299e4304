using Rapport.Hub.Push;

namespace Rapport.Hub.Model;

internal sealed partial class ModelValidator
{
    /// <summary>
    /// The push writes each element and metric onto its Intercom company as the prefix plus its name in start case,
    /// beside fixed attributes such as "Type" and "Health". Two definitions on one attribute name would overwrite each
    /// other's value there, so a document holding them is refused (saved nowhere until fixed). The prefix is
    /// the same for every attribute, so it plays no part in a clash.
    /// </summary>
    private void CheckPushedNames()
    {
        var fixedFields = PushedAttributeNames.FixedCompanyFields.ToDictionary(
            f => PushedAttributeNames.Words(f.Field), f => f.Holds, PushedAttributeNames.Comparer);
        var taken = new Dictionary<string, (DefinitionKind Kind, string Name, string Words)>(PushedAttributeNames.Comparer);
        // A name repeated within one kind is reported as a duplicate already; its first definition stands for it here.
        var pushed = definitions.Elements.Select(d => (Kind: DefinitionKind.Element, Name: d.Name ?? "")).DistinctBy(d => d.Name.Trim(), Names)
            .Concat(definitions.Metrics.Select(d => (Kind: DefinitionKind.Metric, Name: d.Name ?? "")).DistinctBy(d => d.Name.Trim(), Names));
        foreach (var (kind, name) in pushed)
        {
            // A name without a word names no attribute (an empty one is reported above; the push reports the others).
            var words = PushedAttributeNames.Words(name);
            if (words.Length == 0)
            {
                continue;
            }

            var definition = $"{kind.Title()} '{name}'";
            if (fixedFields.TryGetValue(words, out var holds))
            {
                Problem(definition, $"it would be pushed to Intercom as '{words}' after the prefix, the attribute that holds {holds}; rename it");
            }
            else if (!taken.TryAdd(words, (kind, name, words)))
            {
                var other = taken[words];
                var caseOnly = other.Words == words ? "" : $" ('{words}' differs only in case)";
                Problem(definition, $"{other.Kind.Title().ToLowerInvariant()} '{other.Name}' would be pushed to the same Intercom attribute, '{other.Words}' after the prefix{caseOnly}, one value overwriting the other; rename one");
            }
        }
    }
}

namespace Rapport.Hub.Model;

internal sealed partial class ModelValidator
{
    /// <summary>
    /// An earlier name must be gone from the document: while "Old" is still defined, its history and its Intercom
    /// attribute belong to it, and claiming them for "New" too would split one series into two owners.
    /// </summary>
    private void CheckRenames()
    {
        foreach (var kind in definitions.Named().GroupBy(d => d.Kind))
        {
            var present = kind.Select(d => d.Name?.Trim() ?? "").ToHashSet(Names);
            var claimed = new Dictionary<string, string>(Names);
            foreach (var (_, name, renamedFrom) in kind)
            {
                var definition = $"{kind.Key.Title()} '{name}'";
                foreach (var old in renamedFrom)
                {
                    if (string.IsNullOrWhiteSpace(old))
                    {
                        Problem(definition, "renamedFrom holds an empty name");
                    }
                    else if (present.Contains(old.Trim()))
                    {
                        Problem(definition, Names.Equals(old.Trim(), name?.Trim())
                            ? $"renamedFrom names '{old}', its own name"
                            : $"renamedFrom names '{old}', but {kind.Key.Title()} '{old}' is still defined; remove it, or drop '{old}' from renamedFrom");
                    }
                    else if (!claimed.TryAdd(old.Trim(), name ?? ""))
                    {
                        Problem(definition, $"renamedFrom names '{old}', which {kind.Key.Title()} '{claimed[old.Trim()]}' was renamed from already");
                    }
                }
            }
        }
    }
}

namespace Rapport.Hub.Model;

/// <summary>A name a saved version dropped: deleted, or renamed to <see cref="RenamedTo"/>.</summary>
public sealed record DefinitionRetirement(DefinitionKind Kind, string Name, string? RenamedTo)
{
    /// <summary>
    /// The names <paramref name="previous"/> had that <paramref name="next"/> no longer has, each renamed when a
    /// definition of <paramref name="next"/> lists it in <c>renamedFrom</c>, else deleted.
    /// </summary>
    public static IReadOnlyList<DefinitionRetirement> Between(ModelDefinitions? previous, ModelDefinitions next)
    {
        if (previous is null)
            return [];
        var kept = next.Named().Select(d => (d.Kind, Name: d.Name.Trim())).ToHashSet(new KindAndName());
        var renamed = new Dictionary<(DefinitionKind, string), string>(new KindAndName());
        foreach (var (kind, name, renamedFrom) in next.Named())
        {
            foreach (var old in renamedFrom)
                renamed.TryAdd((kind, old.Trim()), name.Trim());
        }

        return [.. previous.Named()
            .Select(d => (d.Kind, Name: d.Name.Trim()))
            .Distinct(new KindAndName())
            .Where(d => !kept.Contains(d))
            .Select(d => new DefinitionRetirement(d.Kind, d.Name, renamed.GetValueOrDefault(d)))];
    }

    private sealed class KindAndName : IEqualityComparer<(DefinitionKind Kind, string Name)>
    {
        public bool Equals((DefinitionKind Kind, string Name) x, (DefinitionKind Kind, string Name) y) =>
            x.Kind == y.Kind && StringComparer.OrdinalIgnoreCase.Equals(x.Name, y.Name);

        public int GetHashCode((DefinitionKind Kind, string Name) obj) =>
            HashCode.Combine(obj.Kind, StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Name));
    }
}

/// <summary>
/// A definition a saved version dropped, as the store keeps it for the push: which kind, its old name, its new name when
/// it was renamed (null when deleted), the definitions version that dropped it and when that was saved.
/// </summary>
public sealed record RetiredDefinition(DefinitionKind Kind, string Name, string? RenamedTo, int DefinitionsVersion, DateTimeOffset RetiredAt);

public static class DefinitionRenames
{
    /// <summary>
    /// Maps a name of a kind to its newest name through every recorded rename, following chains (A → B → C gives C);
    /// a rename back to an earlier name (A → B → A) ends where the chain returns.
    /// </summary>
    public static Func<DefinitionKind, string, string> Resolver(IEnumerable<RetiredDefinition> retired)
    {
        var next = new Dictionary<(DefinitionKind, string), string>();
        foreach (var r in retired.Where(r => r.RenamedTo is not null).OrderBy(r => r.DefinitionsVersion))
            next[(r.Kind, r.Name.ToUpperInvariant())] = r.RenamedTo!;
        return (kind, name) =>
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { name };
            var current = name;
            while (next.TryGetValue((kind, current.ToUpperInvariant()), out var renamed))
            {
                current = renamed;
                if (!seen.Add(renamed))
                    break;
            }

            return current;
        };
    }
}

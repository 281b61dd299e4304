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
    /// Maps a name a day's history holds to its newest name: the renames saved from that day on, applied in version
    /// order (A → B → C gives C; renamed away and back, A → B → A, gives A again). Renames saved before the day had
    /// already happened when its values were written.
    /// </summary>
    public static Func<DefinitionKind, string, DateOnly, string> Resolver(IEnumerable<RetiredDefinition> retired)
    {
        var renames = retired.Where(r => r.RenamedTo is not null).OrderBy(r => r.DefinitionsVersion).ToList();
        return (kind, name, day) =>
        {
            var current = name;
            foreach (var rename in renames)
            {
                if (rename.Kind == kind && DateOnly.FromDateTime(rename.RetiredAt.UtcDateTime) >= day
                    && string.Equals(rename.Name, current, StringComparison.OrdinalIgnoreCase))
                {
                    current = rename.RenamedTo!;
                }
            }

            return current;
        };
    }
}

namespace Rapport.Hub.Model;

/// <summary>
/// What definitions may refer to: the account fields, the traits (<c>source.name</c>) and the event names the hub knows.
/// Matched case-insensitively, like rule fields.
/// </summary>
public sealed class ModelCatalog(IEnumerable<string> fields, IEnumerable<string> traits, IEnumerable<string> events)
{
    public IReadOnlySet<string> Fields { get; } = new HashSet<string>(fields, StringComparer.OrdinalIgnoreCase);

    public IReadOnlySet<string> Traits { get; } = new HashSet<string>(traits, StringComparer.OrdinalIgnoreCase);

    public IReadOnlySet<string> Events { get; } = new HashSet<string>(events, StringComparer.OrdinalIgnoreCase);
}

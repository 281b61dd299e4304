namespace Rapport.Hub.Accounts;

/// <summary>
/// A custom attribute equal to a value, compared as text: a string as it is, other values as their JSON
/// (<c>true</c>, <c>42</c>, <c>12.5</c>).
/// </summary>
public sealed record AttributeFilter(string Name, string Value)
{
    /// <summary>Parses <c>name=value</c>; the name may not be empty nor contain a double quote.</summary>
    public static bool TryParse(string? text, out AttributeFilter? filter)
    {
        filter = null;
        var equals = text?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        if (text is null || equals <= 0)
            return false;
        var name = text[..equals].Trim();
        if (name.Length == 0 || name.Contains('"', StringComparison.Ordinal))
            return false;
        filter = new AttributeFilter(name, text[(equals + 1)..]);
        return true;
    }

    public override string ToString() => $"{Name}={Value}";
}

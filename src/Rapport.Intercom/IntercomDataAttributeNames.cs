using System.Globalization;

namespace Rapport.Intercom;

/// <summary>
/// Intercom's rules for a custom data attribute: its name (POST /data_attributes answers 400 "must only contain
/// alphanumeric characters, currency symbols, and hyphens"; the spec's own examples "Mithril Shirt" and "The One Ring"
/// show that spaces are allowed) and the workspace's limit of custom attributes (Intercom's help article "Send custom
/// user attributes to Intercom").
/// </summary>
public static class IntercomDataAttributeNames
{
    /// <summary>Custom data attributes a workspace may hold, archived ones not counted.</summary>
    public const int WorkspaceLimit = 250;

    /// <summary>Null when <paramref name="name"/> is acceptable, else why not.</summary>
    public static string? Problem(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return "the name is empty";
        if (name.Trim().Length != name.Length)
            return $"'{name}' starts or ends with a space";
        foreach (var c in name)
        {
            var category = char.GetUnicodeCategory(c);
            var allowed = char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' || category == UnicodeCategory.CurrencySymbol;
            if (!allowed)
                return $"'{name}' contains '{c}': only letters, digits, spaces, currency symbols and hyphens are allowed";
        }

        return null;
    }
}

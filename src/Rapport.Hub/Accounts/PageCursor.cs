using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Rapport.Hub.Accounts;

/// <summary>
/// A position in a sorted list: the sort key and id of the row it stands after (or before, going back). Opaque to
/// clients: <see cref="Encode"/> gives the text they pass back, <see cref="TryDecode"/> reads it. Keyset paging, not
/// offsets, so the thousandth page costs what the first does and rows added meanwhile neither repeat nor vanish.
/// </summary>
/// <param name="List"><c>accounts</c> or <c>users</c>.</param>
/// <param name="Sort">The sort's name (<see cref="SortName"/>), e.g. <c>lastseen</c>.</param>
/// <param name="Backward">True for the page before this position (a "previous" link).</param>
/// <param name="Key">The sort key of the row, in invariant text.</param>
public sealed record PageCursor(string List, string Sort, bool Descending, bool Backward, long Id, string Key)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    private const string Version = "1";

    public string Encode()
    {
        var text = string.Join('|', Version, List, Sort, Descending ? "d" : "a", Backward ? "b" : "f", Id.ToString(CultureInfo.InvariantCulture), Key);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    public static bool TryDecode(string? text, out PageCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 4096)
            return false;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
        }
        catch (FormatException)
        {
            return false;
        }

        // The key comes last and may itself contain '|'.
        var parts = decoded.Split('|', 7);
        if (parts.Length != 7 || parts[0] != Version || parts[3] is not ("a" or "d") || parts[4] is not ("f" or "b")
            || !long.TryParse(parts[5], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        cursor = new PageCursor(parts[1], parts[2], parts[3] == "d", parts[4] == "b", id, parts[6]);
        return true;
    }

    /// <summary>Whether this cursor came from a list of this kind, sort and direction (a cursor of another order would skip rows).</summary>
    public bool Fits(string list, string sort, bool descending) => List == list && Sort == sort && Descending == descending;

    /// <summary>How a sort is named inside cursors: its enum name in lower case.</summary>
    public static string SortName<TSort>(TSort sort)
        where TSort : struct, Enum => sort.ToString().ToLowerInvariant();

    public override string ToString() => Encode();
}

using System.Text;
using System.Text.Json;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Contacts;

/// <summary>An opaque <c>starting_after</c> like Intercom's (base64 of a small JSON array, '=' and '+' included,
/// so a client that forgets to URL-encode it breaks here as it would against Intercom).</summary>
internal static class ContactCursor
{
    public static string Encode(string lastId, int nextPage) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"[\"{lastId}\",{nextPage}]"));

    public static (string LastId, int Page)? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) { return null; }
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(cursor));
            var root = document.RootElement;
            return (root[0].GetString() ?? throw new FormatException(), root[1].GetInt32());
        }
        catch (Exception error) when (error is FormatException or JsonException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw ApiException.Invalid("starting_after is not a valid cursor", "starting_after");
        }
    }
}

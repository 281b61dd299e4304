using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rapport.Web.Conversations;

/// <summary>
/// Intercom bodies are HTML written by customers and bots: they are shown as plain text (tags dropped, entities decoded,
/// then encoded again by Razor), so nothing in a body can run or restyle the page.
/// </summary>
internal static partial class ConversationText
{
    public static string ToText(string? html)
    {
        if (string.IsNullOrEmpty(html))
            return "";
        var text = Hidden().Replace(html, "");
        text = Breaks().Replace(text, "\n");
        text = Tags().Replace(text, "");
        text = WebUtility.HtmlDecode(text).Replace("\r", "", StringComparison.Ordinal);
        return BlankLines().Replace(text, "\n\n").Trim();
    }

    /// <summary>The first non-empty line of the text, cut to <paramref name="max"/> characters.</summary>
    public static string FirstLine(string? html, int max = 120)
    {
        var line = ToText(html).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.Length > max ? line[..max] + "…" : line;
    }

    public static IReadOnlyList<AttachmentDto> Attachments(string json)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "[]" : json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
            return [];
        return [.. document.RootElement.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object).Select(a =>
            new AttachmentDto(String(a, "name") ?? "(attachment)", SafeUrl(String(a, "url")), String(a, "content_type")))];
    }

    // Only web links are followed: a javascript: or data: URL in a source's attachment would run on click.
    private static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"<(script|style|head|template)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<\s*(br|/p|/div|/li|/h[1-6]|/tr|/blockquote|/pre)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();

    [GeneratedRegex(@"<[^>]*>|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\n[ \t]*(\n[ \t]*)+")]
    private static partial Regex BlankLines();
}

using System.Text.RegularExpressions;
using Fluid;

namespace Rapport.Application.Messaging;

/// <summary>
/// Liquid templates for messages (<c>{{user.first_name | default: "there"}}</c>), rendered with Fluid. A template is checked
/// before anything is queued: it must parse, and every placeholder must be one Rapport fills (a misspelt one would otherwise
/// render as nothing, silently). A template that renders empty for a user is not sent to them.
/// </summary>
public static partial class MessageTemplate
{
    /// <summary>Every placeholder Rapport fills, from the user, their first account and the sending teammate.</summary>
    public static readonly IReadOnlyList<string> Placeholders =
    [
        "user.first_name", "user.last_name", "user.name", "user.email", "user.external_id",
        "account.name", "account.external_id",
        "teammate.name", "teammate.first_name", "teammate.email",
    ];

    private static readonly FluidParser Parser = new();
    private static readonly HashSet<string> Known = new(Placeholders, StringComparer.Ordinal);
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "if", "elsif", "else", "endif", "unless", "endunless", "for", "in", "endfor", "case", "when", "endcase", "and", "or",
        "contains", "assign", "capture", "endcapture", "comment", "endcomment", "raw", "endraw", "limit", "offset", "reversed",
        "true", "false", "nil", "null", "empty", "blank", "break", "continue", "forloop", "cycle",
    };

    /// <summary>Why <paramref name="text"/> cannot be used, or null when it can.</summary>
    public static string? Problem(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        if (!Parser.TryParse(text, out _, out var error))
            return $"The template does not parse: {error}.";
        var unknown = Unknown(text);
        return unknown.Count == 0 ? null
            : $"Unknown placeholder{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => $"{{{{{u}}}}}"))}: Rapport fills {string.Join(", ", Placeholders)}.";
    }

    /// <summary>Renders a checked template with <paramref name="values"/> (placeholder → value; missing ones render empty).</summary>
    public static async Task<string> RenderAsync(string text, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        // Fluid renders in memory and takes no token: a cancelled request stops before it starts.
        cancellationToken.ThrowIfCancellationRequested();
        if (!Parser.TryParse(text, out var template, out var error))
            throw new ArgumentException($"The template does not parse: {error}.", nameof(text));
        var context = new TemplateContext();
        foreach (var group in values.GroupBy(v => v.Key.Split('.', 2)[0], StringComparer.Ordinal))
            context.SetValue(group.Key, group.ToDictionary(v => v.Key.Split('.', 2)[1], v => (object?)v.Value, StringComparer.Ordinal));
        return (await template.RenderAsync(context).ConfigureAwait(false)).Trim();
    }

    private static List<string> Unknown(string text)
    {
        var unknown = new List<string>();
        var locals = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match block in Block().Matches(text))
        {
            var isTag = block.Groups["tag"].Success;
            var inner = Literal().Replace(isTag ? block.Groups["tag"].Value : block.Groups["out"].Value, " ");
            if (isTag && LocalName().Match(inner) is { Success: true } local)
                locals.Add(local.Groups["name"].Value);
            // Behind a |, the first word is a filter's name, not a value.
            var pieces = inner.Split('|');
            for (var i = 0; i < pieces.Length; i++)
            {
                var identifiers = Identifier().Matches(pieces[i]).Select(m => m.Value).ToList();
                foreach (var identifier in i == 0 ? identifiers : identifiers.Skip(1))
                {
                    var root = identifier.Split('.')[0];
                    if (Keywords.Contains(identifier) || locals.Contains(root) || Known.Contains(identifier) || unknown.Contains(identifier))
                        continue;
                    unknown.Add(identifier);
                }
            }
        }

        return unknown;
    }

    [GeneratedRegex(@"\{\{-?(?<out>.*?)-?\}\}|\{%-?(?<tag>.*?)-?%\}", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex("\"[^\"]*\"|'[^']*'")]
    private static partial Regex Literal();

    [GeneratedRegex(@"(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^\s*(?:for|assign|capture)\s+(?<name>[A-Za-z_]\w*)")]
    private static partial Regex LocalName();
}

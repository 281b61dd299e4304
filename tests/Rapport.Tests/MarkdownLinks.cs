using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Rapport.Tests;

/// <summary>
/// Finds the relative links of markdown files that lead nowhere: a file or folder that does not exist, or an
/// <c>#anchor</c> naming no heading of the markdown file it points into (headings slugged as GitHub does). Links to
/// other sites (<c>https:</c>, <c>mailto:</c>, …) are not followed; links inside code blocks and code spans are not links.
/// </summary>
public static partial class MarkdownLinks
{
    /// <summary>The folder holding <c>Rapport.slnx</c>, found by walking up from <paramref name="start"/>.</summary>
    public static string RepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Rapport.slnx")))
                return folder.FullName;
        }

        throw new InvalidOperationException($"No folder above {start} holds Rapport.slnx");
    }

    /// <summary>Every broken link of <paramref name="files"/>, as "file:line: target (why)", paths relative to <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> Broken(string root, IEnumerable<string> files)
    {
        var headings = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var broken = new List<string>();
        foreach (var file in files)
        {
            var lines = ProseLines(File.ReadAllLines(file), blankCodeSpans: true);
            foreach (var (number, text) in lines)
            {
                foreach (var target in Targets(text))
                {
                    if (Problem(root, file, target, headings) is { } problem)
                        broken.Add($"{Path.GetRelativePath(root, file)}:{number}: {target} ({problem})");
                }
            }
        }

        return broken;
    }

    /// <summary>The anchors GitHub gives the headings of a markdown text, in order (a repeated heading gets -1, -2, …).</summary>
    public static HashSet<string> Anchors(IEnumerable<string> markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        string? previous = null;
        foreach (var (_, line) in ProseLines(markdown, blankCodeSpans: false))
        {
            string? heading = null;
            if (AtxHeading().Match(line) is { Success: true } atx)
                heading = atx.Groups["text"].Value;
            else if (previous is { Length: > 0 } && SetextUnderline().IsMatch(line) && !previous.StartsWith('#'))
                heading = previous;
            previous = line.Trim();
            if (heading is null)
                continue;

            var slug = Slug(heading);
            var anchor = seen.TryGetValue(slug, out var count) ? $"{slug}-{count}" : slug;
            seen[slug] = count + 1;
            anchors.Add(anchor);
        }

        return anchors;
    }

    /// <summary>GitHub's heading slug: the heading's text, lower case, punctuation removed, spaces as hyphens.</summary>
    public static string Slug(string heading)
    {
        var text = InlineLink().Replace(heading, "${text}").Trim().ToLowerInvariant();
        var slug = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if (c == ' ')
                slug.Append('-');
            else if (c == '-' || char.IsLetterOrDigit(c) || category is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
                slug.Append(c);
        }

        return slug.ToString();
    }

    private static string? Problem(string root, string file, string target, Dictionary<string, HashSet<string>> headings)
    {
        if (Scheme().IsMatch(target) || target.StartsWith("//", StringComparison.Ordinal))
            return null;

        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var pathPart = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
        var anchor = hash < 0 ? null : Uri.UnescapeDataString(target[(hash + 1)..]);
        var query = pathPart.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
            pathPart = pathPart[..query];

        var resolved = pathPart.Length == 0
            ? file
            : Path.GetFullPath(pathPart.StartsWith('/') ? Path.Combine(root, pathPart.TrimStart('/')) : Path.Combine(Path.GetDirectoryName(file)!, pathPart));
        if (!resolved.StartsWith(root, StringComparison.Ordinal))
            return "outside the repository";
        if (!File.Exists(resolved) && !Directory.Exists(resolved))
            return "no such file";
        if (anchor is null || !resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || !File.Exists(resolved))
            return null;

        if (!headings.TryGetValue(resolved, out var anchors))
            headings[resolved] = anchors = Anchors(File.ReadAllLines(resolved));
        return anchors.Contains(anchor) ? null : $"no heading #{anchor} in {Path.GetRelativePath(root, resolved)}";
    }

    /// <summary>The link targets of one line of prose: inline links and images, and reference definitions.</summary>
    private static IEnumerable<string> Targets(string line)
    {
        if (ReferenceDefinition().Match(line) is { Success: true } definition)
        {
            yield return definition.Groups["target"].Value;
            yield break;
        }

        foreach (Match link in InlineLink().Matches(line))
        {
            var target = link.Groups["target"].Value.Trim();
            if (target.StartsWith('<') && target.EndsWith('>'))
                target = target[1..^1];
            else if (target.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space)
                target = target[..space]; // [text](file.md "title")
            yield return target;
        }
    }

    /// <summary>The lines outside fenced code blocks, numbered from 1, with inline code spans blanked out if asked.</summary>
    private static List<(int Number, string Text)> ProseLines(IEnumerable<string> markdown, bool blankCodeSpans)
    {
        var prose = new List<(int, string)>();
        string? fence = null;
        var number = 0;
        foreach (var line in markdown)
        {
            number++;
            var trimmed = line.TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed[..3];
                continue;
            }

            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                    fence = null;
                continue;
            }

            prose.Add((number, blankCodeSpans ? CodeSpan().Replace(line, match => new string(' ', match.Length)) : line));
        }

        return prose;
    }

    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\((?<target>[^)]*)\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^ {0,3}\[[^\]]+\]:\s*<?(?<target>[^\s>]+)>?")]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^ {0,3}#{1,6}\s+(?<text>.*?)(\s+#+)?\s*$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^ {0,3}(=+|-+)\s*$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"(`+)[^`].*?\1")]
    private static partial Regex CodeSpan();
}

using System.Net;
using Rapport.Hub.Messaging;
using Rapport.Intercom.Messaging;

namespace Rapport.Application.Messaging;

/// <summary>Checks a send before it is queued, so nothing Intercom would refuse, and nothing half-made, enters the queue.</summary>
public static class OutboundText
{
    public const int MaxBodyLength = 20_000;
    public const int MaxSubjectLength = 255;

    /// <summary>The problems with a send, each naming its field; empty when it can be queued.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(
        string kind, string? channel, string? subject, string? body, IReadOnlyList<string> attachmentUrls, bool linksAccepted)
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(body))
            problems.Add(("body", "The message is empty: write something to send."));
        else if (body.Length > MaxBodyLength)
            problems.Add(("body", $"The message is {body.Length:N0} characters long; at most {MaxBodyLength:N0} are sent."));
        if (kind == OutboundKinds.Message)
        {
            if (channel is not ("in_app" or "email"))
                problems.Add(("channel", "Choose in_app (a chat in your product) or email."));
            if (channel == "email" && string.IsNullOrWhiteSpace(subject))
                problems.Add(("subject", "An email needs a subject."));
            else if (subject is { Length: > MaxSubjectLength })
                problems.Add(("subject", $"The subject is {subject.Length} characters long; at most {MaxSubjectLength}."));
            // POST /messages has no attachment field (Intercom's API reference, "Create a message"): a file would be
            // dropped without a word, so the teammate agrees to send links in the body instead, or sends nothing.
            if (attachmentUrls.Count > 0 && !linksAccepted)
                problems.Add(("attachments", "Intercom cannot attach files to a new conversation: they would not arrive. Send them as links in the message instead, or remove them."));
        }
        else if (attachmentUrls.Count > IntercomAdminReply.MaxAttachments)
        {
            problems.Add(("attachments", $"Intercom takes at most {IntercomAdminReply.MaxAttachments} attachments on a reply; this one has {attachmentUrls.Count}."));
        }

        foreach (var url in attachmentUrls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                problems.Add(("attachments", $"'{url}' is not an http(s) URL."));
        }

        return problems;
    }

    /// <summary>The teammate's plain text as Intercom's HTML body: paragraphs, nothing of it read as markup.</summary>
    public static string ToHtml(string text, IReadOnlyList<string>? links = null)
    {
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => $"<p>{WebUtility.HtmlEncode(p.Trim()).Replace("\n", "<br>", StringComparison.Ordinal)}</p>");
        var html = string.Concat(paragraphs);
        if (links is { Count: > 0 })
            html += string.Concat(links.Select(l => $"<p><a href=\"{WebUtility.HtmlEncode(l)}\">{WebUtility.HtmlEncode(l)}</a></p>"));
        return html;
    }

    /// <summary>Splits the lines of a form's attachment field into URLs.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        text is null ? [] : [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

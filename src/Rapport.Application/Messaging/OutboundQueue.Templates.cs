using Rapport.Hub.Accounts;
using Rapport.Hub.Team;

namespace Rapport.Application.Messaging;

public sealed partial class OutboundQueue
{
    /// <summary>
    /// The subject and body as <paramref name="recipient"/> will read them from <paramref name="teammateId"/>, or why they cannot be sent: a template that does
    /// not parse, an unknown placeholder, or a body that renders empty for this user (never sent blank).
    /// </summary>
    public async Task<(string? Subject, string? Body, QueueOutcome? Problem)> RenderAsync(
        long? teammateId, UserDetail? recipient, string? subject, string? body, CancellationToken cancellationToken)
    {
        foreach (var (field, text) in new[] { ("subject", subject), ("body", body) })
        {
            if (MessageTemplate.Problem(text) is { } problem)
                return (null, null, new(null, 400, problem, field));
        }

        var teammate = teammateId is { } id ? await teamStore.FindTeammateAsync(id, cancellationToken) : null;
        var values = MessageTemplate.Values(recipient, teammate);
        var renderedSubject = subject is null ? null : await MessageTemplate.RenderAsync(subject, values, cancellationToken);
        var renderedBody = body is null ? null : await MessageTemplate.RenderAsync(body, values, cancellationToken);
        if (!string.IsNullOrWhiteSpace(body) && string.IsNullOrWhiteSpace(renderedBody))
        {
            var who = recipient?.Name ?? recipient?.Email ?? recipient?.ExternalId ?? "this conversation";
            return (null, null, new(null, 400, $"The message renders empty for {who}: nothing was sent (give its placeholders a default, e.g. {{{{user.first_name | default: \"there\"}}}}).", "body"));
        }

        return (renderedSubject, renderedBody, null);
    }
}

using Rapport.Hub.Playbooks;
using Rapport.Hub.Accounts;
using Rapport.Hub.Team;
using Rapport.Application.Messaging;

namespace Rapport.Application.Playbooks;

/// <summary>A playbook's message as one recipient reads it: one rendering for the engine's send and the editor's preview, so what is previewed is what is sent.</summary>
public static class PlaybookMessage
{
    /// <summary>The subject and body as <paramref name="recipient"/> would read them; Body is null when it renders empty for them.</summary>
    public static async Task<(string? Subject, string? Body)> RenderAsync(
        ITeamStore store, Playbook playbook, UserDetail recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(recipient);
        var teammate = await store.FindTeammateAsync(playbook.SenderTeammateId, cancellationToken);
        var values = MessageTemplate.Values(recipient, teammate);
        var subject = playbook.Subject is null ? null : await MessageTemplate.RenderAsync(playbook.Subject, values, cancellationToken);
        var body = await MessageTemplate.RenderAsync(playbook.Body, values, cancellationToken);
        return (subject, string.IsNullOrWhiteSpace(body) ? null : body);
    }
}

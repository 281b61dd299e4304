using Rapport.Application.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Messaging;
using Rapport.Application.Messaging;
using Rapport.Web.Auth;
using Rapport.Web.Messaging;
using Rapport.Hub.Accounts;

namespace Rapport.Pages.Messaging;

/// <summary>
/// Start a conversation with a user, in-app or by email, as the teammate's Intercom admin. Intercom's message endpoint has no
/// attachments: attachments are refused with a warning until the teammate ticks "send them as links".
/// </summary>
internal sealed class MessageModel(AccountDirectory store, OutboundQueue queue, MessagingSeats seats) : PageModel
{
    public UserDetail Detail { get; private set; } = null!;

    public SeatCheck Seat { get; private set; } = null!;

    public string? Problem { get; private set; }

    public string? ProblemField { get; private set; }

    /// <summary>The message as its recipient would read it, once the teammate asked for a preview.</summary>
    public (string? Subject, string? Body)? Preview { get; private set; }

    [BindProperty] public string Channel { get; set; } = "in_app";
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Attachments { get; set; }
    [BindProperty] public bool AsLinks { get; set; }
    [BindProperty] public string? IdempotencyKey { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.GetUserAsync(id, cancellationToken) is not { } user)
            return NotFound();
        Detail = user;
        Seat = await seats.CheckAsync(User.TeammateId(), cancellationToken);
        IdempotencyKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.GetUserAsync(id, cancellationToken) is not { } user)
            return NotFound();
        Detail = user;
        var outcome = await queue.MessageAsync(User.TeammateId(), id, new OutboundInput(
            OutboundKinds.Message, Body, Channel, Subject, OutboundText.Lines(Attachments), AsLinks, IdempotencyKey), cancellationToken);
        if (outcome.Send is { } queued)
        {
            // A message has no thread until Intercom names its conversation: wait briefly for it, else the user's page says
            // it is on its way. A refusal stays here, named, with the text kept to mend and send again (under a new key).
            var send = await queue.AwaitAsync(queued, TimeSpan.FromSeconds(5), cancellationToken);
            if (send.Status != OutboundStatuses.Failed)
            {
                return send.Status == OutboundStatuses.Sent && send.ConversationId is { } conversationId
                    ? Redirect($"/conversations/{Uri.EscapeDataString(conversationId)}")
                    : Redirect($"/users/{id}?send={send.Id}");
            }

            outcome = new QueueOutcome(null, 422, send.Error);
            IdempotencyKey = Guid.NewGuid().ToString("N");
            ModelState.Remove(nameof(IdempotencyKey));
        }

        return await RefusedAsync(outcome, cancellationToken);
    }

    /// <summary>Shows the message as this user would read it, filled with their and your data; nothing is sent.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.GetUserAsync(id, cancellationToken) is not { } user)
            return NotFound();
        Detail = user;
        var (subject, body, problem) = await queue.RenderAsync(User.TeammateId(), user, Channel == "email" ? Subject : null, Body, cancellationToken);
        if (problem is not null)
            return await RefusedAsync(problem, cancellationToken);
        Seat = await seats.CheckAsync(User.TeammateId(), cancellationToken);
        Preview = (subject, body);
        return Page();
    }

    private async Task<IActionResult> RefusedAsync(QueueOutcome outcome, CancellationToken cancellationToken)
    {
        Seat = await seats.CheckAsync(User.TeammateId(), cancellationToken);
        Problem = outcome.Problem;
        ProblemField = outcome.Field;
        Response.StatusCode = outcome.Status;
        return Page();
    }
}

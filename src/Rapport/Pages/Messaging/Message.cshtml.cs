using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Messaging;
using Rapport.Hub.Storage;
using Rapport.Hub.Storage.Browse;
using Rapport.Sync.Messaging;
using Rapport.Web.Messaging;

namespace Rapport.Pages.Messaging;

/// <summary>
/// Start a conversation with a user, in-app or by email, as the teammate's Intercom admin. Intercom's message endpoint has no
/// attachments: attachments are refused with a warning until the teammate ticks "send them as links".
/// </summary>
internal sealed class MessageModel(IHubStore store, OutboundQueue queue, MessagingSeats seats) : PageModel
{
    public UserDetail Detail { get; private set; } = null!;

    public SeatCheck Seat { get; private set; } = null!;

    public string? Problem { get; private set; }

    public string? ProblemField { get; private set; }

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
        Seat = await seats.CheckAsync(User, cancellationToken);
        IdempotencyKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.GetUserAsync(id, cancellationToken) is not { } user)
            return NotFound();
        Detail = user;
        var outcome = await queue.MessageAsync(User, id, new OutboundInput(
            OutboundKinds.Message, Body, Channel, Subject, OutboundText.Lines(Attachments), AsLinks, IdempotencyKey), cancellationToken);
        if (outcome.Send is { } queued)
        {
            // A message has no thread until Intercom names its conversation: wait briefly for it, else show the user.
            var send = await queue.AwaitAsync(queued, TimeSpan.FromSeconds(5), cancellationToken);
            return send.Status == OutboundStatuses.Sent && send.ConversationId is { } conversationId
                ? Redirect($"/conversations/{Uri.EscapeDataString(conversationId)}")
                : Redirect($"/users/{id}?send={send.Id}");
        }

        Seat = await seats.CheckAsync(User, cancellationToken);
        Problem = outcome.Problem;
        ProblemField = outcome.Field;
        Response.StatusCode = outcome.Status;
        return Page();
    }
}

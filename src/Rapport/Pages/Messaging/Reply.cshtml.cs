using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Messaging;
using Rapport.Application.Messaging;
using Rapport.Web.Auth;
using Rapport.Web.Messaging;

namespace Rapport.Pages.Messaging;

/// <summary>The reply form's target (and the form on its own page): queues the reply and goes back to the thread, where it
/// shows as pending until Intercom confirms it. A refusal stays on this page with the text kept.</summary>
internal sealed class ReplyModel(OutboundQueue queue) : PageModel
{
    public string ConversationId { get; private set; } = "";

    public string? Problem { get; private set; }

    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? Attachments { get; set; }
    [BindProperty] public string? IdempotencyKey { get; set; }

    public void OnGet(string id)
    {
        ConversationId = id;
        IdempotencyKey = Guid.NewGuid().ToString("N");
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        ConversationId = id;
        var kind = Type == "note" ? OutboundKinds.Note : OutboundKinds.Reply;
        var outcome = await queue.ReplyAsync(User.TeammateId(), id, new OutboundInput(kind, Body, AttachmentUrls: OutboundText.Lines(Attachments), IdempotencyKey: IdempotencyKey), cancellationToken);
        if (outcome.Send is not null)
            return Redirect($"/conversations/{Uri.EscapeDataString(id)}");
        Problem = outcome.Problem;
        Response.StatusCode = outcome.Status;
        return Page();
    }
}

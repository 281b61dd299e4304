using Microsoft.Extensions.DependencyInjection;
using Rapport.Intercom;
using Rapport.IntercomSimulator;
using Rapport.IntercomSimulator.Conversations;
using Rapport.Application.Import;

namespace Rapport.Web.Tests.Conversations;

/// <summary>
/// A <see cref="WebHub"/> whose simulator workspace holds one conversation of a contact of an imported company — opened by
/// the contact, answered by the bot and by an admin (with an attachment and a body that tries to run script), noted, then
/// closed — imported with the real importer, conversations on.
/// </summary>
internal sealed record ConversationHub(WebHub Hub, SimulatedConversation Conversation, SimulatedContact Contact, SimulatedCompany Company)
{
    public const string HostileBody = "<script>alert('owned')</script><p>Hi &amp; welcome <b onmouseover=\"alert(2)\">aboard</b></p><img src=x onerror=alert(3)>";

    public static async Task<ConversationHub> StartAsync(CancellationToken cancellationToken)
    {
        var hub = await WebHub.StartAsync(cancellationToken: cancellationToken);
        var workspace = hub.Simulator.Workspace;
        var yesterday = TimeProvider.System.GetUtcNow().AddDays(-1);
        foreach (var company in workspace.Companies)
            workspace.UpdateCompany(company.Id, c => c.LastRequestAt = yesterday);
        var companies = workspace.Companies.Where(c => c.CompanyId is not null).ToDictionary(c => c.Id);
        var contact = workspace.Contacts.First(c => c.ExternalId is not null && c.Role == "user" && c.CompanyIds.Any(companies.ContainsKey));
        var admin = workspace.Admins[0];

        var conversation = workspace.AddConversation(contact.Id, "<p>Our <i>export</i> is broken</p>");
        workspace.Reply(conversation.Id, workspace.Bot, "<p>I am Fin, let me look.</p>");
        workspace.Reply(conversation.Id, SimulatedAuthor.For(admin), HostileBody,
            [new SimulatedAttachment("export.log", "https://files.example.test/export.log", "text/plain", 120)]);
        workspace.AddNote(conversation.Id, admin.Id, "<p>Internal: known bug</p>");
        workspace.Close(conversation.Id, admin.Id);

        await hub.ImportAsync(new ImportOptions { OnlyWithIds = true, Conversations = true }, cancellationToken);
        return new(hub, workspace.FindConversation(conversation.Id)!, contact, companies[contact.CompanyIds.First(companies.ContainsKey)]);
    }
}

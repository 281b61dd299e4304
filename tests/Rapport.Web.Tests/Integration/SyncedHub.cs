using Microsoft.Extensions.DependencyInjection;
using Rapport.Intercom;
using Rapport.IntercomSimulator;
using Rapport.Application.Import;

namespace Rapport.Web.Tests.Integration;

/// <summary>
/// A <see cref="WebHub"/> connected with a token, every company seen yesterday, subscribed to the simulator's webhooks,
/// and synced once: Import users and companies on (only what has ids) with "Sync now", conversations included; or
/// Import users and companies off, with the users imported beforehand so that conversations have someone to attach to
/// by email.
/// </summary>
internal sealed record SyncedHub(WebHub Hub, HttpClient Api) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Hub.DisposeAsync();

    public SimulatorWorkspace Workspace => Hub.Simulator.Workspace;

    public static async Task<SyncedHub> StartAsync(CancellationToken cancellationToken, bool importUsersAndCompanies = true)
    {
        var hub = await WebHub.StartAsync(cancellationToken: cancellationToken);
        var workspace = hub.Simulator.Workspace;
        var yesterday = TimeProvider.System.GetUtcNow().AddDays(-1);
        foreach (var company in workspace.Companies)
            workspace.UpdateCompany(company.Id, c => c.LastRequestAt = yesterday);
        // Seeded conversations end up to a day before now, inside the day of overlap every conversations run reads again;
        // moved back, a sweep re-reads only what changes during the test.
        foreach (var conversation in workspace.Conversations)
            (conversation.CreatedAt, conversation.UpdatedAt) = (conversation.CreatedAt.AddDays(-3), conversation.UpdatedAt.AddDays(-3));

        var api = await hub.TokenClientAsync(TeamRole.Admin);
        await hub.ConnectWithTokenAsync(api);
        if (importUsersAndCompanies)
        {
            var saved = await api.PutAsJsonAsync(WebHub.IntercomApi, new { importUsersAndCompanies = true, onlyWithIds = true }, cancellationToken);
            saved.EnsureSuccessStatusCode();
        }
        else
        {
            await ImportUsersAsync(hub, cancellationToken);
        }

        hub.Simulator.ConfigureWebhooks(new Uri(hub.BaseAddress, "webhooks/intercom"));
        if (importUsersAndCompanies)
            await WebHub.SyncNowAsync(api, cancellationToken);
        return new SyncedHub(hub, api);
    }

    /// <summary>Users in the hub from an import run on its own (as another source would bring them): Import users and
    /// companies stays off.</summary>
    private static async Task ImportUsersAsync(WebHub hub, CancellationToken cancellationToken)
    {
        await hub.ImportAsync(new ImportOptions { OnlyWithIds = true }, cancellationToken);
    }

    /// <summary>A user of an imported company, with ids, as the simulator holds it.</summary>
    public SimulatedContact ImportedUser()
    {
        var imported = Workspace.Companies.Where(c => c.CompanyId is not null).Select(c => c.Id).ToHashSet();
        var contacts = Workspace.Contacts;
        // The workspace shares a few emails between contacts on purpose; a user with one of those is not attached by email.
        var shared = contacts.Where(c => c.Email is not null).GroupBy(c => c.Email!.ToLowerInvariant()).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return contacts.First(c => c.Role == "user" && c.ExternalId is not null && c.Email is not null && !shared.Contains(c.Email.ToLowerInvariant())
            && c.CompanyIds.Any(imported.Contains));
    }

    public SimulatedCompany ImportedCompany() => Workspace.Companies.First(c => c.CompanyId is not null);
}

using Rapport.IntercomSimulator.Conversations;

namespace Rapport.Web.Tests.Integration;

/// <summary>The reconciliation sweep against the real simulator: what its webhooks never delivered is healed, and counted.</summary>
public sealed class ReconciliationSweepSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Changes_whose_webhooks_were_dropped_are_healed_by_the_sweep_and_counted_as_missed_by_webhooks()
    {
        await using var synced = await SyncedHub.StartAsync(Token);
        var (hub, workspace) = (synced.Hub, synced.Workspace);
        var company = synced.ImportedCompany();
        var user = synced.ImportedUser();
        var conversation = workspace.Conversations.First(c => c.Source.DeliveredAs == "customer_initiated" && c.Ticket is null);
        var partsBefore = (await hub.Store.Conversations.GetConversationAsync("intercom", conversation.Id, Token)).ShouldNotBeNull().Parts.Count;

        hub.Simulator.DropWebhooks(3);
        workspace.UpdateCompany(company.Id, c => c.Name = "Renamed while webhooks were lost");
        workspace.UpdateContact(user.Id, c => c.Name = "Also renamed unseen");
        workspace.Reply(conversation.Id, SimulatedAuthor.For(workspace.Admins[0]), "A reply nobody was told about");

        hub.Simulator.Deliveries.Count(d => d.Status == "dropped").ShouldBe(3, "the three changes' webhooks went missing");
        (await hub.Store.Browse.FindAccountAsync(company.CompanyId!, Token))!.Name.ShouldNotBe("Renamed while webhooks were lost");
        var status = await WebHub.SweepNowAsync(synced.Api, Token);

        (await hub.Store.Browse.FindAccountAsync(company.CompanyId!, Token))!.Name.ShouldBe("Renamed while webhooks were lost");
        (await hub.Store.Browse.FindUserAsync(user.ExternalId!, Token))!.Name.ShouldBe("Also renamed unseen");
        var parts = (await hub.Store.Conversations.GetConversationAsync("intercom", conversation.Id, Token)).ShouldNotBeNull().Parts;
        parts.Count.ShouldBe(partsBefore + 1);
        parts[^1].Body.ShouldBe("A reply nobody was told about");
        var sweep = status.GetProperty("lastSweep");
        Missed(sweep).ShouldBe((1, 1, 1), "one company, one user and one conversation were missed by webhooks");
        sweep.GetProperty("missedTotal").GetInt32().ShouldBe(3);
        sweep.GetProperty("error").ValueKind.ShouldBe(JsonValueKind.Null);
        status.GetProperty("sweepTotals").GetProperty("total").GetInt64().ShouldBe(3);

        var card = await (await hub.SignedInAsync()).GetStringAsync("/settings/integrations/intercom", Token);
        card.ShouldContain("""<strong data-testid="health-missed-total">3</strong> healed""");
        card.ShouldContain("""<span data-testid="health-missed-companies">1 companies</span>""");
    }

    [Fact]
    public async Task With_every_webhook_delivered_the_sweep_heals_nothing()
    {
        await using var synced = await SyncedHub.StartAsync(Token);
        var (hub, workspace) = (synced.Hub, synced.Workspace);
        var company = synced.ImportedCompany();
        var user = synced.ImportedUser();

        // Attaching a user changes the company's user count too, for which Intercom sends no company.updated.
        var joined = workspace.Companies.First(c => c.CompanyId is not null && c.Id != company.Id && !user.CompanyIds.Contains(c.Id));

        workspace.UpdateCompany(company.Id, c => c.Name = "Renamed and delivered");
        workspace.UpdateContact(user.Id, c => c.Name = "Renamed and delivered too");
        workspace.Attach(user.Id, joined.Id);
        await EventuallyAsync(async () => (await hub.Store.Browse.FindAccountAsync(company.CompanyId!, Token))?.Name == "Renamed and delivered"
            && (await hub.Store.Browse.FindUserAsync(user.ExternalId!, Token))?.Name == "Renamed and delivered too"
            && (await hub.Store.Browse.FindAccountAsync(joined.CompanyId!, Token))?.UserExternalIds.Contains(user.ExternalId!) == true);
        var status = await WebHub.SweepNowAsync(synced.Api, Token);

        var sweep = status.GetProperty("lastSweep");
        Missed(sweep).ShouldBe((0, 0, 0));
        sweep.GetProperty("read").GetProperty("companies").GetInt32().ShouldBe(workspace.Companies.Count, "the sweep read every company to compare");
        status.GetProperty("sweepTotals").GetProperty("sweeps").GetInt32().ShouldBe(1);
        status.GetProperty("sweepTotals").GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task With_user_and_company_import_off_Sync_now_imports_conversations_only_attached_to_users_by_email()
    {
        await using var synced = await SyncedHub.StartAsync(Token, importUsersAndCompanies: false);
        var (hub, workspace) = (synced.Hub, synced.Workspace);
        var user = synced.ImportedUser();
        var company = synced.ImportedCompany();
        var conversation = workspace.AddConversation(user.Id, "Where do I find my invoices?");
        workspace.UpdateCompany(company.Id, c => c.Name = "Not imported with Import users and companies off");
        var page = await (await hub.SignedInAsync()).GetStringAsync("/settings/integrations/intercom", Token);

        var job = await WebHub.SyncNowAsync(synced.Api, Token);

        page.ShouldContain("Conversations only: Sync now imports conversations and attaches them to users by email");
        page.ShouldNotContain("""data-testid="sync-button" disabled""");
        job.GetProperty("summary").ValueKind.ShouldBe(JsonValueKind.Null, "no company or user was imported");
        job.GetProperty("conversations").GetProperty("stored").GetInt32().ShouldBeGreaterThan(0);
        var stored = (await hub.Store.Conversations.GetConversationAsync("intercom", conversation.Id, Token)).ShouldNotBeNull();
        stored.Conversation.UserExternalIds.ShouldBe([user.ExternalId!]);
        (await hub.Store.Browse.FindAccountAsync(company.CompanyId!, Token))!.Name.ShouldNotBe("Not imported with Import users and companies off");
    }

    [Fact]
    public async Task The_sweep_runs_by_itself_on_its_timer()
    {
        await using var hub = await WebHub.StartWithSweepEveryAsync(TimeSpan.FromSeconds(1), Token);
        var api = await hub.TokenClientAsync(TeamRole.Admin);
        await hub.ConnectWithTokenAsync(api);

        JsonElement status = default;
        await EventuallyAsync(async () =>
        {
            status = await api.GetFromJsonAsync<JsonElement>(WebHub.IntercomApi + "/status", Token);
            return status.GetProperty("lastSweep").ValueKind == JsonValueKind.Object;
        });

        var sweep = status.GetProperty("lastSweep");
        sweep.GetProperty("trigger").GetString().ShouldBe("timer");
        sweep.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ShouldContain(
            "Companies and users are not imported (Import users and companies is off): conversations only.");
        status.GetProperty("nextSweepAt").GetDateTimeOffset().ShouldBeGreaterThan(sweep.GetProperty("startedAt").GetDateTimeOffset());
        (await hub.Store.Conversations.CountConversationsAsync(Token)).Conversations.ShouldBeGreaterThan(0, "the first sweep brought the conversations in");
    }

    [Fact]
    public async Task A_team_member_cannot_start_a_sweep_or_read_the_status_and_a_leader_can()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var member = await hub.TokenClientAsync(TeamRole.TeamMember);
        var leader = await hub.TokenClientAsync(TeamRole.Leader);
        await hub.ConnectWithTokenAsync(leader);

        (await member.PostAsync(WebHub.IntercomApi + "/sweep", null, Token)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.GetAsync(WebHub.IntercomApi + "/status", Token)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The sweep's first call to Intercom is held, so the second start surely finds it running.
        hub.Simulator.InjectFault("slow", delay: TimeSpan.FromSeconds(2));
        var started = await leader.PostAsync(WebHub.IntercomApi + "/sweep", null, Token);
        var again = await leader.PostAsync(WebHub.IntercomApi + "/sweep", null, Token);

        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await started.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("kind").GetString().ShouldBe("sweep");
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("detail").GetString().ShouldBe("A reconciliation sweep is running: wait for it to finish.");
    }

    private static (int? Companies, int? Users, int? Conversations) Missed(JsonElement sweep)
    {
        var missed = sweep.GetProperty("missedByWebhooks");
        return (Count(missed, "companies"), Count(missed, "users"), Count(missed, "conversations"));
        static int? Count(JsonElement counts, string kind) => counts.GetProperty(kind) is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : null;
    }

    private static Task EventuallyAsync(Func<Task<bool>> condition) => WebHub.EventuallyAsync(condition, within: TimeSpan.FromSeconds(30));
}

using Rapport.Web.Tests.Model;
using Rapport.Hub.Accounts;

namespace Rapport.Web.Tests.Playbooks;

/// <summary>Playbooks set off where the account model writes a new state: an account entering a segment.</summary>
public sealed class PlaybookModelTriggerSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_account_entering_a_segment_messages_each_of_its_users_once_and_a_recompute_without_change_sends_nothing_more()
    {
        var model = await ModelHub.StartAsync();
        await using var _ = model.Hub;
        await model.SetTraitsAsync(("mrr", 80L));
        (await AccountModelSpecs.PutAsync(model.Api, """{ "mrr": { "trait": "intercom.mrr", "currency": "USD" }, "segments": [ { "name": "Big spenders", "rule": "mrr >= 100" } ] }"""))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await model.EventuallyAsync(s => s.GetProperty("mrr").GetDecimal() == 80m, "the first state is computed");
        var (email, _) = await model.Hub.AddMappedTeammateAsync(TeamRole.TeamMember, model.Hub.Simulator.Workspace.Admins.First(a => a.HasInboxSeat).Email);
        var sender = (await model.Hub.Store.Team.FindTeammateByEmailAsync(email, Token)).ShouldNotBeNull().Teammate.Id;
        var created = await model.Api.PostAsJsonAsync("/api/v1/playbooks", new
        {
            name = "Upsell thanks",
            trigger = new { kind = "segment_entered", name = "Big spenders" },
            action = "in_app",
            body = "Thanks for growing with us, {{user.first_name | default: \"there\"}}!",
            senderTeammateId = sender,
            enabled = true,
        }, Token);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Token));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetInt64();

        await model.SetTraitsAsync(("mrr", 120L));
        await model.EventuallyAsync(s => s.GetProperty("segments").EnumerateArray().Any(), "the account enters the segment");
        var audit = await AuditWhenAsync(model, id, a => a.Count > 0 && a.All(r => r.GetProperty("intercomId").ValueKind == JsonValueKind.String), "the users' messages are sent");
        await model.SetTraitsAsync(("mrr", 130L));
        await model.EventuallyAsync(s => s.GetProperty("mrr").GetDecimal() == 130m, "the account is recomputed, still in the segment");
        await Task.Delay(TimeSpan.FromSeconds(2), Token);

        var users = (await model.Hub.Store.Browse.GetAccountAsync(new AccountId(model.AccountId), 100, Token)).ShouldNotBeNull().Users.Select(u => u.Id.Value).ToList();
        audit.Select(r => r.GetProperty("userId").GetInt64()).Order().ShouldBe(users.Order());
        audit.ShouldAllBe(r => r.GetProperty("occurrence").GetString()!.StartsWith("segment-entered:Big spenders:", StringComparison.Ordinal));
        (await AuditWhenAsync(model, id, _ => true, "read")).Count.ShouldBe(audit.Count, "staying in the segment is no new occurrence");
        model.Hub.Simulator.Stats.MessagesCreated.ShouldBe(audit.Count);
    }

    private static async Task<List<JsonElement>> AuditWhenAsync(ModelHub model, long id, Func<List<JsonElement>, bool> condition, string what)
    {
        List<JsonElement> audit = [];
        await Support.WebHub.EventuallyAsync(async () =>
            condition(audit = [.. (await model.Api.GetFromJsonAsync<JsonElement>($"/api/v1/playbooks/{id}/audit", Token)).EnumerateArray()]), what);
        return audit;
    }
}

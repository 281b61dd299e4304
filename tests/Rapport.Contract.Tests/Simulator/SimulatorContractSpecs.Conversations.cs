using System.Globalization;
using Rapport.Contract.Tests.OpenApi;

namespace Rapport.Contract.Tests.Simulator;

public sealed partial class SimulatorContractSpecs
{
    [Fact]
    public async Task Conversation_and_event_endpoints_answer_as_the_spec_describes()
    {
        var ct = TestContext.Current.CancellationToken;
        using var api = new RawApi(simulator.Server.BaseAddress);
        var conversations = Workspace.Conversations;
        var longest = conversations.MaxBy(c => c.Parts.Count)!;
        var user = Workspace.Contacts.First(c => c.Role == "user" && c.ExternalId is not null && c.Email is not null && Workspace.EventsOf(c.Id).Count > 0);
        var since = conversations.Min(c => c.UpdatedAt).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        // Each paging request must run: a workspace too small for a second page would leave it out of the contract.
        var (_, list) = await api.GetAsync("conversations?per_page=10", ct);
        var next = NextCursor(list).ShouldNotBeNull();
        await api.GetAsync($"conversations?per_page=10&starting_after={Uri.EscapeDataString(next)}", ct);

        await api.GetAsync("conversations", ct);
        var (_, found) = await api.SendAsync(HttpMethod.Post, "conversations/search", $$$"""{"query":{"field":"updated_at","operator":">","value":{{{since}}}},"pagination":{"per_page":5}}""", cancellationToken: ct);
        var after = NextCursor(found).ShouldNotBeNull();
        await api.SendAsync(HttpMethod.Post, "conversations/search", $$$"""{"query":{"field":"updated_at","operator":">","value":{{{since}}}},"pagination":{"per_page":5,"starting_after":"{{{after}}}"}}""", cancellationToken: ct);

        await api.SendAsync(HttpMethod.Post, "conversations/search", $$$"""{"query":{"operator":"AND","value":[{"operator":"OR","value":[{"field":"contact_ids","operator":"=","value":"{{{longest.ContactIds[0]}}}"}]},{"operator":"OR","value":[{"field":"state","operator":"=","value":"closed"},{"field":"source.delivered_as","operator":"IN","value":["customer_initiated","automated"]}]}]}}""", cancellationToken: ct);
        await api.GetAsync($"conversations/{longest.Id}", ct);
        await api.GetAsync($"conversations/{conversations.First(c => c.Ticket is not null).Id}?display_as=plaintext", ct);
        await api.GetAsync($"conversations/{conversations.First(c => c.Parts.Exists(p => p.Author.Type == "bot")).Id}", ct);
        await api.SendAsync(HttpMethod.Post, "events", $$$"""{"event_name":"raw-contract","created_at":1767225600,"user_id":"{{{user.ExternalId}}}","metadata":{"plan":"pro"}}""", cancellationToken: ct);
        await api.SendAsync(HttpMethod.Post, "events", $$$"""{"event_name":"raw-contract","created_at":1767225601,"id":"{{{user.Id}}}"}""", cancellationToken: ct);
        var (_, events) = await api.GetAsync($"events?type=user&intercom_user_id={user.Id}&per_page=1", ct);
        var nextPage = events.GetProperty("pages").GetProperty("next").GetString().ShouldNotBeNull();
        await api.GetAsync(new Uri(nextPage).PathAndQuery.TrimStart('/'), ct);

        await api.GetAsync($"events?type=user&user_id={Uri.EscapeDataString(user.ExternalId!)}", ct);
        await api.GetAsync($"events?type=user&email={Uri.EscapeDataString(user.Email!)}&summary=true", ct);

        api.Exchanges.Where(e => e.StatusCode >= 300).Select(e => $"{e.Method} {e.PathAndQuery} {e.StatusCode}: {e.ResponseBody}").ShouldBeEmpty();
        ContractAssert.Conforms(spec.Contract, api.Exchanges);
    }
}

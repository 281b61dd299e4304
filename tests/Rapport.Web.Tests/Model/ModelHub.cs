using Rapport.IntercomSimulator;
using Rapport.Web.Tests.Accounts;

namespace Rapport.Web.Tests.Model;

/// <summary>
/// An imported hub with event import on, one imported company with a user, and that company's traits and its user's
/// events arriving from the simulator as signed webhooks.
/// </summary>
internal sealed class ModelHub
{
    private ModelHub(WebHub hub, HttpClient api, SimulatedCompany company, SimulatedContact user, long accountId)
    {
        (Hub, Api, Company, User, AccountId) = (hub, api, company, user, accountId);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public WebHub Hub { get; }

    public HttpClient Api { get; }

    public SimulatedCompany Company { get; }

    public SimulatedContact User { get; }

    public long AccountId { get; }

    public static async Task<ModelHub> StartAsync()
    {
        var hub = await ImportedHub.StartAsync(Token);
        var api = await hub.TokenClientAsync(TeamRole.Admin);
        await hub.EnableEventImportAsync(api);
        var imported = ImportedHub.Imported(hub).Select(c => c.Id).ToHashSet();
        var user = hub.Simulator.Workspace.Contacts.First(c => c.Role == "user" && c.ExternalId is not null && c.CompanyIds.Count(imported.Contains) == 1);
        var company = hub.Simulator.Workspace.FindCompany(user.CompanyIds.Single(imported.Contains))!;
        var account = (await hub.Store.Browse.FindAccountAsync(company.CompanyId!, Token)).ShouldNotBeNull();
        return new ModelHub(hub, api, company, user, account.Id.Value);
    }

    /// <summary>The user does <paramref name="name"/> in Intercom; waits until the hub has stored it.</summary>
    public async Task TrackAsync(string name, int secondsFromNow)
    {
        var before = (await Hub.Store.Events.FindEventNameAsync(name, Token))?.StoredCount ?? 0;
        Hub.Simulator.Workspace.TrackEvent(User.Id, name, TimeProvider.System.GetUtcNow().AddSeconds(secondsFromNow)).ShouldBeTrue();
        await WebHub.EventuallyAsync(
            async () => (await Hub.Store.Events.FindEventNameAsync(name, Token))?.StoredCount > before, $"the '{name}' event is stored");
    }

    /// <summary>Changes the company's custom attributes in Intercom; waits until the hub knows every one of them as a trait.</summary>
    public async Task SetTraitsAsync(params (string Name, object? Value)[] traits)
    {
        Hub.Simulator.Workspace.UpdateCompany(Company.Id, c =>
        {
            foreach (var (name, value) in traits)
                c.CustomAttributes[name] = value;
        });
        await WebHub.EventuallyAsync(async () =>
        {
            var inputs = (await Hub.Store.Model.LoadAccountInputsAsync([AccountId], [], Token)).Single();
            return traits.All(t => inputs.Trait("intercom", t.Name).ToString() == Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture));
        }, "the company's new traits are applied");
    }

    public async Task<JsonElement> AccountModelAsync() =>
        await Api.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/{AccountId}/model", Token);

    /// <summary>Waits until the account's computed state satisfies <paramref name="condition"/>, and returns it.</summary>
    public async Task<JsonElement> EventuallyAsync(Func<JsonElement, bool> condition, string what)
    {
        var state = default(JsonElement);
        await WebHub.EventuallyAsync(async () =>
        {
            var response = await Api.GetAsync($"/api/v1/accounts/{AccountId}/model", Token);
            if (!response.IsSuccessStatusCode)
                return false;
            state = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
            return condition(state);
        }, what);
        return state;
    }
}

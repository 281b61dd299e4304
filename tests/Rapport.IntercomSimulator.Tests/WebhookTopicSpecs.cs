using System.Text.Json.Nodes;

namespace Rapport.IntercomSimulator.Tests;

public sealed class WebhookTopicSpecs
{
    private static Task<IntercomSimulatorServer> StartAsync(Uri webhookUrl) => SimulatorServers.StartWithWebhooksAsync(webhookUrl, contacts: 80);

    [Fact]
    public async Task A_rest_update_notifies_with_the_object_the_api_answered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await StartAsync(receiver.Url);
        using var api = new Api(server);
        var company = server.Workspace.Companies[2];

        var updated = await api.PutAsync($"/companies/{company.Id}", """{"name":"Via REST","monthly_spend":42}""");
        var hook = (await receiver.WaitForAsync(1)).Single();

        hook.Topic.ShouldBe("company.updated");
        JsonNode.DeepEquals(JsonNode.Parse(hook.Item.GetRawText()), JsonNode.Parse(updated.Text)).ShouldBeTrue();
    }

    [Fact]
    public async Task An_upsert_that_creates_sends_only_company_created()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await StartAsync(receiver.Url);
        using var api = new Api(server);

        var created = await api.PostAsync("/companies", """{"company_id":"acme-42","name":"Acme","plan":"Pro"}""");
        await receiver.WaitForAsync(1);
        var received = await receiver.SettleAsync();

        received.Select(r => r.Topic).ShouldBe(["company.created"]);
        received[0].Item.GetProperty("id").GetString().ShouldBe(created.Body.GetProperty("id").GetString());
        received[0].Item.GetProperty("plan").GetProperty("name").GetString().ShouldBe("Pro");
    }

    [Fact]
    public async Task Attaching_detaching_and_deleting_notify_their_topics()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await StartAsync(receiver.Url);
        using var api = new Api(server);
        var company = server.Workspace.Companies[0];
        var user = server.Workspace.Contacts.First(c => c.Role == "user" && !c.CompanyIds.Contains(company.Id));

        await api.PostAsync($"/contacts/{user.Id}/companies", $$"""{"id":"{{company.Id}}"}""");
        await receiver.WaitForAsync(1);
        await api.DeleteAsync($"/contacts/{user.Id}/companies/{company.Id}");
        await receiver.WaitForAsync(2);
        await api.DeleteAsync($"/companies/{company.Id}");
        var received = await receiver.WaitForAsync(3);

        received.Select(r => r.Topic).ShouldBe(["company.contact.attached", "company.contact.detached", "company.deleted"]);
        received[0].Item.GetProperty("contact").GetProperty("id").GetString().ShouldBe(user.Id);
        received[0].Item.GetProperty("company").GetProperty("id").GetString().ShouldBe(company.Id);
        received[2].Item.GetProperty("id").GetString().ShouldBe(company.Id);
        received[2].Item.EnumerateObject().Select(p => p.Name).ShouldBe(["type", "id"]);
    }

    [Fact]
    public async Task Tagging_a_user_and_creating_a_lead_notify_their_topics()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await StartAsync(receiver.Url);
        var user = server.Workspace.Contacts.First(c => c.Role == "user");
        var tag = server.Workspace.Tags.First(t => !user.TagIds.Contains(t.Id));

        server.Workspace.UpdateContact(user.Id, c => c.TagIds.Add(tag.Id));
        await receiver.WaitForAsync(2);
        server.Workspace.AddContact(c => { c.Role = "lead"; c.Email = "curious@example.org"; });
        var received = await receiver.WaitForAsync(3);

        received.Select(r => r.Topic).Order().ShouldBe(["contact.lead.created", "contact.user.tag.created", "contact.user.updated"]);
        var tagged = received.Single(r => r.Topic == "contact.user.tag.created").Item;
        tagged.GetProperty("type").GetString().ShouldBe("contact_tag");
        tagged.GetProperty("tag").GetProperty("id").GetString().ShouldBe(tag.Id);
        tagged.GetProperty("contact").GetProperty("id").GetString().ShouldBe(user.Id);
    }
}

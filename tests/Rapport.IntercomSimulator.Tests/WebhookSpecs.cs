using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Rapport.IntercomSimulator.Tests;

public sealed class WebhookSpecs
{
    private static Task<IntercomSimulatorServer> StartAsync(Uri? webhookUrl, FakeTimeProvider? time = null) =>
        IntercomSimulatorServer.StartAsync(
            new SimulatorOptions
            {
                Companies = 20,
                Contacts = 80,
                Seed = 7,
                RateLimitPerMinute = null,
                TimeProvider = time ?? new FakeTimeProvider(SimulatorServers.Now),
                WebhookUrl = webhookUrl,
                WebhookRetryDelay = TimeSpan.FromMinutes(1),
            },
            0,
            TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_company_update_is_delivered_once_signed_with_the_client_secret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await StartAsync(receiver.Url);
        using var api = new Api(server);
        var company = server.Workspace.Companies[3];

        server.Workspace.UpdateCompany(company.Id, c => c.Name = "Renamed Ltd");
        var hook = (await receiver.WaitForAsync(1)).Single();
        var current = await api.GetAsync($"/companies/{company.Id}");

        var expected = "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes("sim_secret"), hook.Raw));
        hook.Headers["X-Hub-Signature"].ShouldBe(expected);
        hook.Headers["User-Agent"].ShouldBe("intercom-parrot-service-client/1.0");
        hook.Headers["Content-Type"].ShouldStartWith("application/json");
        var envelope = hook.Json;
        envelope.GetProperty("type").GetString().ShouldBe("notification_event");
        envelope.GetProperty("topic").GetString().ShouldBe("company.updated");
        envelope.GetProperty("app_id").GetString().ShouldBe(server.Workspace.AppId);
        envelope.GetProperty("id").GetString()!.ShouldStartWith("notif_");
        envelope.GetProperty("delivery_attempts").GetInt32().ShouldBe(1);
        envelope.GetProperty("created_at").GetInt64().ShouldBe(SimulatorServers.Now.ToUnixTimeSeconds());
        envelope.GetProperty("first_sent_at").GetInt64().ShouldBe(SimulatorServers.Now.ToUnixTimeSeconds());
        envelope.GetProperty("data").GetProperty("type").GetString().ShouldBe("notification_event_data");
        JsonNode.DeepEquals(JsonNode.Parse(hook.Item.GetRawText()), JsonNode.Parse(current.Text)).ShouldBeTrue();
        hook.Item.GetProperty("name").GetString().ShouldBe("Renamed Ltd");
        (await receiver.SettleAsync()).Count.ShouldBe(1);
        server.Deliveries.Single().Status.ShouldBe("delivered");
    }

    [Fact]
    public async Task A_receiver_that_fails_gets_exactly_one_retry_after_the_retry_delay()
    {
        var time = new FakeTimeProvider(SimulatorServers.Now);
        await using var receiver = await WebhookReceiver.StartAsync(_ => 500);
        await using var server = await StartAsync(receiver.Url, time);
        var company = server.Workspace.Companies[0];

        server.Workspace.UpdateCompany(company.Id, c => c.Plan = "Enterprise");
        var first = (await receiver.WaitForAsync(1)).Single();
        await WaitUntilAsync(() => server.Deliveries.Single().Status == "retrying");
        time.Advance(TimeSpan.FromSeconds(59));
        var beforeTheDelay = await receiver.SettleAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        var both = await receiver.WaitForAsync(2);
        await WaitUntilAsync(() => server.Deliveries.Single().Status == "failed");
        time.Advance(TimeSpan.FromMinutes(5));
        var afterwards = await receiver.SettleAsync();

        beforeTheDelay.Count.ShouldBe(1);
        var retry = both[1].Json;
        retry.GetProperty("id").GetString().ShouldBe(first.Json.GetProperty("id").GetString());
        retry.GetProperty("delivery_attempts").GetInt32().ShouldBe(2);
        retry.GetProperty("first_sent_at").GetInt64().ShouldBe(SimulatorServers.Now.ToUnixTimeSeconds());
        afterwards.Count.ShouldBe(2);
        var delivery = server.Deliveries.Single();
        delivery.Attempts.ShouldBe(2);
        delivery.StatusCodes.ShouldBe([500, 500]);
    }

    [Fact]
    public async Task A_410_disables_the_subscription()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 410);
        await using var server = await StartAsync(receiver.Url);
        var company = server.Workspace.Companies[0];

        server.Workspace.UpdateCompany(company.Id, c => c.Industry = "Mining");
        await receiver.WaitForAsync(1);
        await WaitUntilAsync(() => !server.Webhooks.Active);
        server.Workspace.UpdateCompany(company.Id, c => c.Industry = "Fishing");
        var received = await receiver.SettleAsync();

        received.Count.ShouldBe(1);
        server.Deliveries.Single().Status.ShouldBe("failed");
        server.Deliveries.Single().StatusCodes.ShouldBe([410]);
    }

    [Fact]
    public async Task Only_the_subscribed_topics_are_delivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await StartAsync(webhookUrl: null);
        using var api = new Api(server);
        var user = server.Workspace.Contacts.First(c => c.Role == "user");

        var configured = await api.PutAsync("/_simulator/webhooks", $$"""{"url":"{{receiver.Url}}","topics":["contact.user.updated"]}""");
        server.Workspace.UpdateCompany(server.Workspace.Companies[0].Id, c => c.Name = "Not subscribed");
        server.Workspace.UpdateContact(user.Id, c => c.Name = "Subscribed");
        var received = await receiver.WaitForAsync(1);

        configured.Status.ShouldBe(System.Net.HttpStatusCode.OK);
        (await receiver.SettleAsync()).Select(r => r.Topic).ShouldBe(["contact.user.updated"]);
        received[0].Item.GetProperty("id").GetString().ShouldBe(user.Id);
    }

    [Fact]
    public async Task A_ping_is_delivered_and_logged()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await StartAsync(receiver.Url);
        using var api = new Api(server);

        var ping = await api.PostAsync("/_simulator/webhooks/ping");
        var hook = (await receiver.WaitForAsync(1)).Single();
        await WaitUntilAsync(() => server.Deliveries.Single().Status == "delivered");
        var log = await api.GetAsync("/_simulator/webhooks");

        hook.Topic.ShouldBe("ping");
        hook.Item.GetProperty("type").GetString().ShouldBe("ping");
        hook.Json.GetProperty("id").GetString().ShouldBe(ping.Body.GetProperty("id").GetString());
        log.Body.GetProperty("url").GetString().ShouldBe(receiver.Url.ToString());
        var delivery = log.Body.GetProperty("deliveries").EnumerateArray().Single();
        delivery.GetProperty("topic").GetString().ShouldBe("ping");
        delivery.GetProperty("status").GetString().ShouldBe("delivered");
        delivery.GetProperty("status_codes").EnumerateArray().Select(c => c.GetInt32()).ShouldBe([200]);
    }

    [Fact]
    public async Task Nothing_is_delivered_after_unsubscribing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await StartAsync(receiver.Url);
        using var api = new Api(server);

        var deleted = await api.DeleteAsync("/_simulator/webhooks");
        server.Workspace.UpdateCompany(server.Workspace.Companies[0].Id, c => c.Name = "Unheard");

        deleted.Status.ShouldBe(System.Net.HttpStatusCode.NoContent);
        (await receiver.SettleAsync()).ShouldBeEmpty();
        server.Webhooks.Url.ShouldBeNull();
    }

    internal static async Task WaitUntilAsync(Func<bool> condition, double seconds = 10)
    {
        var deadline = Environment.TickCount64 + (long)(seconds * 1000);
        while (!condition() && Environment.TickCount64 < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        condition().ShouldBeTrue();
    }
}

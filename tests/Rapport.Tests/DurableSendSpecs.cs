using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Hub.Conversations;
using Rapport.Hub.Team;
using Rapport.IntercomSimulator;
using Rapport.Web;
using Rapport.Web.Auth;
using Rapport.Web.Integration;
using Rapport.Testing;

namespace Rapport.Tests;

/// <summary>A reply queued by <c>rapport serve</c>, the process killed with SIGKILL before Intercom took it, and a new process
/// that sends it: exactly once.</summary>
public sealed class DurableSendSpecs : IDisposable
{
    private const string AdminEmail = "admin@example.test";
    private const string AdminPassword = "correct horse battery";
    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-send-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reply_queued_before_a_kill_9_is_sent_exactly_once_by_the_next_process()
    {
        await using var simulator = await IntercomSimulatorServer.StartAsync(new SimulatorOptions { Companies = 5, Contacts = 20, RateLimitPerMinute = null }, 0, Cancel);
        var contact = simulator.Workspace.Contacts.First(c => c.Role == "user");
        var conversation = simulator.Workspace.AddConversation(contact.Id, "<p>Where is my invoice?</p>");
        var seated = simulator.Workspace.Admins.First(a => a.HasInboxSeat);
        var token = await PrepareHubAsync(simulator, conversation.Id, seated.Email);
        // Intercom answers every reply with 429 for now: the send is claimed and retried, never accepted.
        simulator.InjectFault("rate_limit", count: 10_000, pathPrefix: $"/conversations/{conversation.Id}/reply");

        var port = FreePort();
        var first = await ServeAsync(port);
        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var queued = await api.PostAsJsonAsync($"api/v1/conversations/{conversation.Id}/reply", new { body = "It is on its way", idempotencyKey = "kill-9" }, Cancel);
        queued.StatusCode.ShouldBe(HttpStatusCode.Accepted, await queued.Content.ReadAsStringAsync(Cancel));
        var sendId = (await queued.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
        first.Kill(); // SIGKILL: no shutdown, the send is left claimed
        await first.WaitForExitAsync(Cancel);
        simulator.Stats.RepliesCreated.ShouldBe(0);
        simulator.Stats.RequestsTo("POST /conversations/{conversation_id}/reply").ShouldBeGreaterThan(0);

        using (var clear = new HttpClient())
            (await clear.DeleteAsync(new Uri(simulator.BaseAddress, "_simulator/faults"), Cancel)).EnsureSuccessStatusCode();
        var second = await ServeAsync(port);
        try
        {
            JsonElement send = default;
            var deadline = TimeProvider.System.GetTimestamp();
            while ((send = await api.GetFromJsonAsync<JsonElement>($"api/v1/sends/{sendId}", Cancel)).GetProperty("status").GetString() != "sent")
            {
                if (TimeProvider.System.GetElapsedTime(deadline) > TimeSpan.FromSeconds(60))
                    throw new ShouldAssertException($"the send was not sent after the restart: {send}");
                await Task.Delay(200, Cancel);
            }

            simulator.Stats.RepliesCreated.ShouldBe(1);
            var parts = simulator.Workspace.FindConversation(conversation.Id)!.Parts.Where(p => p.Body?.Contains("It is on its way", StringComparison.Ordinal) == true).ToList();
            parts.ShouldHaveSingleItem().Author.Id.ShouldBe(seated.Id);
            send.GetProperty("intercomId").GetString().ShouldBe(parts[0].Id);
            send.GetProperty("attempts").GetInt32().ShouldBe(2, "claimed by the killed process, then by the new one");
        }
        finally
        {
            second.Kill();
            await second.WaitForExitAsync(Cancel);
        }
    }

    /// <summary>A hub connected to the simulator, its admin mapped to a seated Intercom admin, the conversation stored, and an API token.</summary>
    private async Task<string> PrepareHubAsync(IntercomSimulatorServer simulator, string conversationId, string adminEmail)
    {
        await using var app = await RapportWebApp.CreateAsync(new RapportWebOptions
        {
            Database = Path.Combine(_folder, "hub.db"),
            Urls = ["http://127.0.0.1:0"],
            AdminEmail = AdminEmail,
            AdminPassword = AdminPassword,
            Intercom = new IntercomAppOptions { ApiUrl = simulator.BaseAddress },
        }, Cancel);
        var (_, problem) = await app.Services.GetRequiredService<IntercomConnections>().ConnectAsync("us", simulator.Options.AccessToken, "token", "tests", Cancel);
        problem.ShouldBeNull();
        var store = HubStores.From(app.Services);
        var admin = (await store.Team.FindTeammateByEmailAsync(AdminEmail, Cancel))!.Teammate;
        (await store.Team.UpdateTeammateAsync(admin.Id, admin.Name, TeamRole.Admin, adminEmail, Cancel)).ShouldBeTrue();
        var now = TimeProvider.System.GetUtcNow();
        await store.Conversations.ApplyConversationsAsync(
            [new SourceConversation("intercom", conversationId, "open", true, "conversation", "customer_initiated", false, null, null, 0, false, now, now, "{}", [], [])],
            [], cancellationToken: Cancel);
        var token = ApiTokens.Generate();
        await store.Team.AddApiTokenAsync(admin.Id, "tests", ApiTokens.Hash(token), Cancel);
        return token;
    }

    private async Task<Process> ServeAsync(int port)
    {
        StringBuilder output = new(), error = new();
        var process = RapportProcess.Start(_folder, ["serve", "--database", "hub.db", "--urls", $"http://127.0.0.1:{port}"], output, error);
        var started = TimeProvider.System.GetTimestamp();
        while (!RapportProcess.Text(output).Contains("Ctrl+C to stop.", StringComparison.Ordinal))
        {
            if (process.HasExited || TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(60))
                throw new ShouldAssertException($"serve did not start:\n{output}\n{error}");
            await Task.Delay(100, Cancel);
        }

        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

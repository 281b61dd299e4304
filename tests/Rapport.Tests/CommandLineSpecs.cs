using Rapport.IntercomSimulator;
using Rapport.Storage;
using Rapport.Hub.Sync;
using Rapport.Testing;

namespace Rapport.Tests;

/// <summary>What a user sees from the command line: the demo's summary, the check's exit code, and one clear line for bad input.</summary>
public sealed class CommandLineSpecs : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-cli-").FullName;
    private IntercomSimulatorServer _simulator = null!;

    public async ValueTask InitializeAsync() =>
        _simulator = await IntercomSimulatorServer.StartAsync(
            new SimulatorOptions { Companies = 60, Contacts = 400, Seed = 5, RateLimitPerMinute = null }, 0, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private string Url => _simulator.BaseAddress.ToString();

    [Fact]
    public async Task The_demo_checks_imports_and_prints_the_summary()
    {
        var result = await RapportProcess.RunAsync(_folder, "demo", "--no-serve", "--companies", "80", "--contacts", "500");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("companies without company_id", Case.Sensitive);
        File.Exists(Path.Combine(_folder, "rapport-demo-missing-ids.csv")).ShouldBeTrue("the check lists every record without an id in a CSV");
        result.Output.ShouldContain("Companies seen");
        result.Output.ShouldContain("users imported");
        result.Output.ShouldContain("skipped: lead");
        result.Output.ShouldContain("API calls");
        File.Exists(Path.Combine(_folder, "rapport-demo.db")).ShouldBeTrue();
    }

    [Fact]
    public async Task Import_refuses_with_exit_code_2_while_ids_are_missing_and_imports_what_has_ids_when_asked()
    {
        var refused = await RapportProcess.RunAsync(_folder, "import", "--intercom-url", Url, "--token", "sim_token", "--database", "hub.db");
        var accepted = await RapportProcess.RunAsync(_folder, "import", "--intercom-url", Url, "--token", "sim_token", "--database", "hub.db", "--only-with-ids");

        refused.ExitCode.ShouldBe(2, refused.ToString());
        refused.Output.ShouldContain("Users without user_id");
        refused.Error.ShouldContain("--only-with-ids");
        accepted.ExitCode.ShouldBe(0, accepted.ToString());
        accepted.Output.ShouldContain("qualified and imported");
    }

    [Fact]
    public async Task Import_refuses_with_one_line_while_another_process_syncs_the_same_hub_and_runs_once_it_is_done()
    {
        var database = Path.Combine(_folder, "hub.db");
        await using (var server = await HubStores.OpenAsync(database, TimeProvider.System, TestContext.Current.CancellationToken))
        await using (var sync = await server.SyncState.TryHoldJobAsync(HubJob.IntercomSync, TestContext.Current.CancellationToken))
        {
            sync.ShouldNotBeNull();
            var refused = await RapportProcess.RunAsync(_folder, "import", "--intercom-url", Url, "--token", "sim_token", "--database", "hub.db", "--only-with-ids");

            refused.ExitCode.ShouldBe(1, refused.ToString());
            refused.Error.Trim().ShouldBe("rapport: import not started: a sync or sweep is running in another Rapport process on this hub (a server, or another import); run it again when that has finished");
            _simulator.Stats.RequestsTo("GET /companies/scroll").ShouldBe(0, "nothing was read from Intercom");
        }

        var accepted = await RapportProcess.RunAsync(_folder, "import", "--intercom-url", Url, "--token", "sim_token", "--database", "hub.db", "--only-with-ids");

        accepted.ExitCode.ShouldBe(0, accepted.ToString());
        accepted.Output.ShouldContain("qualified and imported");
    }

    [Fact]
    public async Task Status_shows_where_Segments_inbox_stands_with_the_calls_set_aside_after_failing()
    {
        await using (var store = await HubStores.OpenAsync(Path.Combine(_folder, "hub.db"), TimeProvider.System, TestContext.Current.CancellationToken))
        {
            await store.Segment.AppendSegmentMessagesAsync(
                [new("m-1", "identify", """{"type":"identify","userId":"u-1"}"""), new("m-2", "track", """{"type":"track","userId":"u-1","event":"Signed In"}""")],
                TestContext.Current.CancellationToken);
            var failing = (await store.Segment.ReadPendingSegmentMessagesAsync(10, TestContext.Current.CancellationToken))[0];
            // The last attempt: no retry time, so the call is set aside.
            await store.Segment.MarkSegmentMessageFailedAsync(failing.Id, "plan refused", retryAt: null, TestContext.Current.CancellationToken);
        }

        var result = await RapportProcess.RunAsync(_folder, "status", "--database", "hub.db");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("Segment: 2 calls received, 0 applied, 1 pending");
        result.Output.ShouldContain("1 set aside after failing");
    }

    [Fact]
    public async Task Import_with_conversations_counts_what_it_stored_and_what_it_left_out()
    {
        var result = await RapportProcess.RunAsync(_folder, "import", "--intercom-url", Url, "--token", "sim_token", "--database", "hub.db", "--only-with-ids", "--conversations");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("Conversations seen");
        result.Output.ShouldContain("new parts / bot parts");
        result.Output.ShouldContain("excluded: ticket");
    }

    [Fact]
    public async Task Check_exits_with_2_and_writes_every_record_without_an_id_to_csv()
    {
        var result = await RapportProcess.RunAsync(_folder, "check", "--intercom-url", Url, "--token", "sim_token", "--csv", "missing.csv");

        result.ExitCode.ShouldBe(2, result.ToString());
        var expected = _simulator.Workspace.Companies.Count(c => c.CompanyId is null)
            + _simulator.Workspace.Contacts.Count(c => c.Role == "user" && c.ExternalId is null);
        File.ReadAllLines(Path.Combine(_folder, "missing.csv")).Length.ShouldBe(expected + 1);
    }

    [Fact]
    public async Task The_simulator_command_names_a_bad_webhook_url()
    {
        var result = await RapportProcess.RunAsync(_folder, "simulator", "--port", "0", "--webhook-url", "not a url");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.Trim().ShouldBe("rapport: --webhook-url: 'not a url' is not an http(s) URL");
    }

    [Theory]
    [InlineData("bad-token", "rejected the access token")]
    [InlineData("unreachable", "127.0.0.1:9")]
    [InlineData("broken-config", "rapport.json: not valid JSON")]
    [InlineData("wrong-config-type", "'lastSeenDays' must be")]
    [InlineData("bad-rule", "rule")]
    [InlineData("not-a-rapport-database", "notes.db")]
    public async Task Bad_input_gets_one_clear_line_and_exit_code_1_never_a_stack_trace(string situation, string named)
    {
        string[] args = ["import", "--intercom-url", Url, "--token", "sim_token", "--only-with-ids", "--database", "hub.db"];
        switch (situation)
        {
            case "bad-token": args[4] = "wrong"; break;
            case "unreachable": args[2] = "http://127.0.0.1:9/"; break;
            case "broken-config": await File.WriteAllTextAsync(Path.Combine(_folder, "rapport.json"), "{ \"import\": { \"lastSeenDays\": 30, ", TestContext.Current.CancellationToken); break;
            case "wrong-config-type": await File.WriteAllTextAsync(Path.Combine(_folder, "rapport.json"), "{ \"import\": { \"lastSeenDays\": \"ninety\" } }", TestContext.Current.CancellationToken); break;
            case "bad-rule": args = [.. args, "--rule", "plan => Pro"]; break;
            case "not-a-rapport-database":
                await File.WriteAllTextAsync(Path.Combine(_folder, "notes.db"), "shopping list: milk, eggs", TestContext.Current.CancellationToken);
                args[^1] = "notes.db";
                break;
        }

        var result = await RapportProcess.RunAsync(_folder, args);

        result.ExitCode.ShouldBe(1, result.ToString());
        var line = result.Error.Trim().ShouldNotBeNull();
        line.Split('\n').Length.ShouldBe(1, result.ToString());
        line.ShouldStartWith("rapport: ");
        line.ShouldContain(named, Case.Insensitive);
        line.ShouldNotContain("   at ");
    }
}

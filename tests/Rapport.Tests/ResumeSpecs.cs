using System.Net.Http.Json;
using System.Text;
using Rapport.IntercomSimulator;
using Rapport.Storage;
using Rapport.Testing;

namespace Rapport.Tests;

public sealed class ResumeSpecs
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Killing_the_import_mid_way_and_running_it_again_ends_exactly_like_an_uninterrupted_import()
    {
        var folder = Directory.CreateTempSubdirectory("rapport-resume-").FullName;
        await using var simulator = await IntercomSimulatorServer.StartAsync(
            new SimulatorOptions { Companies = 150, Contacts = 3000, Seed = 3, RateLimitPerMinute = null, ScrollExpiry = TimeSpan.FromSeconds(2) }, 0, Ct);
        string[] Import(string database) =>
            ["import", "--intercom-url", simulator.BaseAddress.ToString(), "--token", "sim_token", "--only-with-ids", "--database", database];

        var uninterrupted = await RapportProcess.RunAsync(folder, Import("whole.db"));
        uninterrupted.ExitCode.ShouldBe(0, uninterrupted.ToString());

        // Slow the contact pages down so the kill lands between batches of the contacts phase.
        using var control = new HttpClient { BaseAddress = simulator.BaseAddress };
        (await control.PostAsJsonAsync("/_simulator/faults", new { kind = "slow", count = 10_000, path = "/contacts", delay_ms = 150 }, Ct)).EnsureSuccessStatusCode();
        StringBuilder output = new(), error = new();
        using (var victim = RapportProcess.Start(folder, Import("killed.db"), output, error))
        {
            await WaitForAsync(() => { lock (output) return ImportReachedContacts(output.ToString()); }, victim);
            await Task.Delay(TimeSpan.FromSeconds(1.2), Ct);
            victim.HasExited.ShouldBeFalse("the import finished before it could be killed: slow it down more");
            victim.Kill(entireProcessTree: true); // SIGKILL: no finally blocks, no flush.
            await victim.WaitForExitAsync(Ct);
        }
        (await control.DeleteAsync("/_simulator/faults", Ct)).EnsureSuccessStatusCode();

        var resumed = await RapportProcess.RunAsync(folder, Import("killed.db"));

        resumed.ExitCode.ShouldBe(0, resumed.ToString());
        resumed.Output.ShouldContain("resumed");
        await using var whole = await HubStores.OpenAsync(Path.Combine(folder, "whole.db"), TimeProvider.System, Ct);
        await using var killed = await HubStores.OpenAsync(Path.Combine(folder, "killed.db"), TimeProvider.System, Ct);
        var expected = await whole.Browse.ExportSnapshotAsync(Ct);
        expected.Length.ShouldBeGreaterThan(1000);
        (await killed.Browse.ExportSnapshotAsync(Ct)).ShouldBe(expected);
    }

    /// <summary>The pre-enable check reads contacts too: wait for the import's own contacts phase.</summary>
    private static bool ImportReachedContacts(string output) =>
        output.IndexOf(" Import ", StringComparison.Ordinal) is var import and >= 0
        && output.IndexOf("Contacts…", import, StringComparison.Ordinal) >= 0;

    private static async Task WaitForAsync(Func<bool> condition, System.Diagnostics.Process process)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        while (!condition())
        {
            process.HasExited.ShouldBeFalse("the import exited before reaching the contacts phase");
            await Task.Delay(50, timeout.Token);
        }
    }
}

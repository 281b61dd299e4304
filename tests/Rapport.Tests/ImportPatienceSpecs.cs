using Rapport.IntercomSimulator;

namespace Rapport.Tests;

/// <summary>How long <c>rapport import</c> waits out Intercom's failures, as set in rapport.json or by flag, and what it says when it stops.</summary>
public sealed class ImportPatienceSpecs : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-patience-").FullName;
    private IntercomSimulatorServer _simulator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _simulator = await IntercomSimulatorServer.StartAsync(
            new SimulatorOptions { Companies = 40, Contacts = 200, Seed = 5, RateLimitPerMinute = null, ScrollExpiry = TimeSpan.FromSeconds(2) }, 0, Ct);

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task An_import_stops_at_the_patience_of_the_config_file_or_the_flag_naming_what_failed_and_a_rerun_resumes()
    {
        string[] import = ["import", "--intercom-url", _simulator.BaseAddress.ToString(), "--token", "sim_token", "--only-with-ids", "--database", "hub.db"];
        await File.WriteAllTextAsync(Path.Combine(_folder, "rapport.json"), """{ "import": { "patience": "3s" } }""", Ct);
        // Intercom fails every read of its segments, which only the import makes (after the companies and contacts).
        _simulator.InjectFault("server_error", 100_000, "/segments");

        var byConfig = await RapportProcess.RunAsync(_folder, import);
        var byFlag = await RapportProcess.RunAsync(_folder, [.. import, "--patience", "2s"]);
        using (var control = new HttpClient { BaseAddress = _simulator.BaseAddress })
            (await control.DeleteAsync("/_simulator/faults", Ct)).EnsureSuccessStatusCode();
        var rerun = await RapportProcess.RunAsync(_folder, import);

        byConfig.ExitCode.ShouldBe(1, byConfig.ToString());
        byConfig.Error.ShouldStartWith("rapport: intercom: Gave up on Intercom GET /segments after ", Case.Sensitive, byConfig.ToString());
        byConfig.Error.ShouldContain("would pass the patience of 3 s. Last failure: Intercom GET /segments failed with 50", Case.Sensitive, byConfig.ToString());
        byConfig.Error.ShouldContain("Run the import again to resume it", Case.Sensitive, byConfig.ToString());
        byFlag.ExitCode.ShouldBe(1, byFlag.ToString());
        byFlag.Error.ShouldContain("would pass the patience of 2 s.", Case.Sensitive, byFlag.ToString());
        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        rerun.Output.ShouldContain("resumed");
        rerun.Output.ShouldContain("qualified and imported");
    }

    [Fact]
    public async Task A_patience_that_is_not_a_duration_is_refused_naming_where_it_came_from()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "rapport.json"), """{ "import": { "patience": "soon" } }""", Ct);

        var result = await RapportProcess.RunAsync(_folder, "import", "--intercom-url", _simulator.BaseAddress.ToString(), "--token", "sim_token", "--database", "hub.db");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.Trim().ShouldBe("rapport: config rapport.json: 'patience': 'soon' is not a duration such as 30m, 90s or 2h");
    }
}

using Rapport.IntercomSimulator;

namespace Rapport.Tests;

/// <summary><c>rapport model load|export</c> and the model's recompute after <c>rapport import</c>, run as a real process.</summary>
public sealed class ModelCommandSpecs : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-model-").FullName;
    private IntercomSimulatorServer _simulator = null!;

    public async ValueTask InitializeAsync() =>
        _simulator = await IntercomSimulatorServer.StartAsync(
            new SimulatorOptions { Companies = 40, Contacts = 200, Seed = 3, RateLimitPerMinute = null }, 0, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private Task<RapportResult> ImportAsync() =>
        RapportProcess.RunAsync(_folder, "import", "--intercom-url", _simulator.BaseAddress.ToString(), "--token", "sim_token", "--database", "hub.db", "--only-with-ids");

    private async Task<RapportResult> LoadAsync(string file, string text, params string[] more)
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, file), text, TestContext.Current.CancellationToken);
        return await RapportProcess.RunAsync(_folder, ["model", "load", file, "--database", "hub.db", .. more]);
    }

    [Fact]
    public async Task A_yaml_file_is_checked_saved_and_exported_and_the_next_import_recomputes_every_account()
    {
        var first = await ImportAsync();
        first.Output.ShouldContain("no definitions saved yet", Case.Insensitive, first.ToString());

        var dryRun = await LoadAsync("model.yaml", "segments:\n  - name: Pro\n    rule: plan = Pro\n", "--dry-run");
        var exportBefore = await RapportProcess.RunAsync(_folder, "model", "export", "--database", "hub.db");
        var saved = await LoadAsync("model.yaml", "segments:\n  - name: Pro\n    rule: plan = Pro\n");
        var yaml = await RapportProcess.RunAsync(_folder, "model", "export", "--database", "hub.db");
        var json = await RapportProcess.RunAsync(_folder, "model", "export", "--format", "json", "--database", "hub.db");
        var again = await ImportAsync();

        dryRun.ExitCode.ShouldBe(0, dryRun.ToString());
        dryRun.Output.ShouldContain("nothing saved");
        exportBefore.ExitCode.ShouldNotBe(0, "the dry run saved nothing");
        saved.ExitCode.ShouldBe(0, saved.ToString());
        saved.Output.ShouldContain("Saved as version 1");
        yaml.Output.ShouldContain("- name: Pro");
        yaml.Output.ShouldContain("rule: plan = Pro");
        json.Output.ShouldContain("\"rule\": \"plan = Pro\"");
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Output.ShouldContain("Recomputing accounts");
        again.Output.ShouldMatch(@"Account model: \d+ accounts recomputed");
    }

    [Fact]
    public async Task A_file_with_problems_lists_every_one_exits_non_zero_and_saves_nothing()
    {
        (await ImportAsync()).ExitCode.ShouldBe(0);

        var broken = await LoadAsync("broken.yaml", "segments:\n  - name: Pro\n    rule: plan: Pro\n");
        var invalid = await LoadAsync("invalid.json", """{ "segments": [ { "name": "A", "rule": "nope.field = 1 and" }, { "name": "A" } ] }""");
        var clash = await LoadAsync("clash.yaml",
            "metrics:\n  - name: slack_integration\n    numerator: { field: user_count }\n    createdAt: 2025-01-01\n"
            + "  - name: Slack Integration\n    numerator: { field: user_count }\n    createdAt: 2025-01-01\n");
        var export = await RapportProcess.RunAsync(_folder, "model", "export", "--database", "hub.db");

        broken.ExitCode.ShouldBe(1, broken.ToString());
        broken.Error.ShouldContain("line 3, column");
        broken.Error.ShouldContain("nothing was saved");
        invalid.ExitCode.ShouldBe(1, invalid.ToString());
        invalid.Error.ShouldContain("2 problems");
        invalid.Error.ShouldContain("Segment 'A'");
        clash.ExitCode.ShouldBe(1, clash.ToString());
        clash.Error.ShouldContain("Metric 'Slack Integration'");
        clash.Error.ShouldContain("metric 'slack_integration' would be pushed to the same Intercom attribute, 'Slack Integration' after the prefix");
        export.ExitCode.ShouldBe(1);
        export.Error.ShouldContain("no definitions are saved yet");
    }
}

namespace Rapport.Tests;

/// <summary>
/// <c>rapport serve</c> with a broken setting: it stops at start, before it opens or creates the hub, with one line that
/// names the setting everywhere it can be written.
/// </summary>
public sealed class BrokenSettingSpecs : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-settings-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("RAPPORT_INTERCOM_REGION", "mars", "intercom.region / RAPPORT_INTERCOM_REGION / --region: 'mars' is not an Intercom region: use us, eu or au")]
    [InlineData("RAPPORT_URLS", "http://127.0.0.1:port", "web.urls / RAPPORT_URLS / --urls: 'http://127.0.0.1:port' is not an address to listen on")]
    [InlineData("RAPPORT_SWEEP_MINUTES", "soon", "RAPPORT_SWEEP_MINUTES: 'soon' is not a whole number of minutes ≥ 0")]
    [InlineData("RAPPORT_LOCKOUT_MINUTES", "0", "web.lockoutMinutes / RAPPORT_LOCKOUT_MINUTES: an account locks for at least 1 minute")]
    public async Task A_broken_environment_variable_stops_the_server_at_start_naming_it(string variable, string value, string named)
    {
        var result = await RapportProcess.RunAsync(_folder, new Dictionary<string, string> { [variable] = value }, "serve", "--database", "hub.db");

        ShouldStopNaming(result, named);
    }

    [Fact]
    public async Task A_broken_config_file_setting_stops_the_server_at_start_naming_it()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "rapport.json"), """{ "intercom": { "region": "mars" }, "web": { "urls": "http://127.0.0.1:0" } }""", Cancel);

        var result = await RapportProcess.RunAsync(_folder, "serve", "--database", "hub.db");

        ShouldStopNaming(result, "intercom.region / RAPPORT_INTERCOM_REGION / --region: 'mars' is not an Intercom region");
    }

    [Fact]
    public async Task A_non_numeric_interval_in_the_config_file_is_named_with_the_file()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "rapport.json"), """{ "import": { "sweepMinutes": "15m" } }""", Cancel);

        var result = await RapportProcess.RunAsync(_folder, "serve", "--database", "hub.db");

        ShouldStopNaming(result, "config rapport.json: 'sweepMinutes' must be a whole number");
    }

    [Fact]
    public async Task A_broken_flag_wins_over_a_good_config_and_is_named()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "rapport.json"), """{ "web": { "urls": "http://127.0.0.1:0" } }""", Cancel);

        var result = await RapportProcess.RunAsync(_folder, "serve", "--database", "hub.db", "--urls", "localhost:5080");

        ShouldStopNaming(result, "--urls: 'localhost:5080' is not an address to listen on");
    }

    private void ShouldStopNaming(RapportResult result, string named)
    {
        result.ExitCode.ShouldBe(1, result.ToString());
        var line = result.Error.Trim();
        line.Split('\n').Length.ShouldBe(1, result.ToString());
        line.ShouldStartWith("rapport: ");
        line.ShouldContain(named, Case.Sensitive, result.ToString());
        File.Exists(Path.Combine(_folder, "hub.db")).ShouldBeFalse("a broken setting stops the server before it opens the hub");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

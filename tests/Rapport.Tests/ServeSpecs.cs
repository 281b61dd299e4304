using System.Net;
using System.Net.Sockets;
using System.Text;
using Rapport.Testing;

namespace Rapport.Tests;

/// <summary><c>rapport serve</c> as a user runs it: a real process listening on a real port.</summary>
public sealed class ServeSpecs : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-serve-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_prints_where_it_listens_and_the_first_admins_password_once()
    {
        var port = FreePort();
        var (first, firstOutput) = await ServeUntilAsync(port, "Ctrl+C to stop.");
        var firstPassword = PasswordIn(firstOutput);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        (await http.GetAsync("/health", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetStringAsync("/signin", Cancel)).ShouldContain("Sign in to Rapport");
        first.Kill(entireProcessTree: true);
        await first.WaitForExitAsync(Cancel);

        var (second, secondOutput) = await ServeUntilAsync(port, "Ctrl+C to stop.");
        second.Kill(entireProcessTree: true);

        firstPassword.ShouldNotBeNull();
        firstOutput.ShouldContain($"http://127.0.0.1:{port}/");
        PasswordIn(secondOutput).ShouldBeNull("the password is printed only on the first start");
    }

    [Fact]
    public async Task The_served_demo_has_its_model_computed_and_an_example_playbook_on_in_dry_run()
    {
        var (demo, output) = await RunUntilAsync(
            ["demo", "--companies", "80", "--contacts", "500", "--port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), "--admin-password", "demo-password-1"],
            "Ctrl+C to stop.", TimeSpan.FromMinutes(3));
        try
        {
            // The console wraps long lines at its width.
            var text = System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");
            text.ShouldContain("Account model: MRR, type, elements, metrics, indicators, segments and health computed for");
            text.ShouldContain("Playbook \"Report follow-up\" on, in dry run");
            await using var store = await HubStores.OpenAsync(Path.Combine(_folder, "rapport-demo.db"), TimeProvider.System, Cancel);
            var playbook = (await store.Playbooks.ListPlaybooksAsync(Cancel)).ShouldHaveSingleItem();
            (playbook.Name, playbook.Enabled, playbook.DryRun, playbook.Trigger.Name).ShouldBe(("Report follow-up", true, true, "created-report"));
        }
        finally
        {
            demo.Kill(entireProcessTree: true);
            await demo.WaitForExitAsync(Cancel);
        }
    }

    [Fact]
    public async Task A_too_short_admin_password_is_refused_in_one_line()
    {
        var result = await RapportProcess.RunAsync(_folder, "serve", "--database", "hub.db", "--urls", $"http://127.0.0.1:{FreePort()}", "--admin-password", "short");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.Trim().ShouldBe("rapport: admin password: a password needs at least 10 characters");
    }

    [Theory]
    [InlineData("aaaaaaaaaa", "a password of one character repeated is easy to guess")]
    [InlineData("1234567890", "that password is on a list of the most common passwords")]
    [InlineData("Rapport2026!", "a password made of the name Rapport is easy to guess")]
    [InlineData("admin@localhost", "a password made of the email address (or the part before @) is easy to guess")]
    public async Task A_weak_admin_password_is_refused_in_one_line_saying_why(string password, string reason)
    {
        StringBuilder output = new(), error = new();
        using var process = RapportProcess.Start(_folder, ["serve", "--database", "hub.db", "--urls", $"http://127.0.0.1:{FreePort()}", "--admin-password", password], output, error);
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        while (!process.HasExited && !output.ToString().Contains("Ctrl+C to stop.", StringComparison.Ordinal) && DateTimeOffset.UtcNow < deadline)
            await Task.Delay(100, Cancel);
        var served = !process.HasExited;
        if (served)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(Cancel);

        served.ShouldBeFalse($"rapport serve started with the admin password {password}:\n{output}");
        process.ExitCode.ShouldBe(1);
        error.ToString().Trim().ShouldBe($"rapport: admin password: {reason}");
    }

    private Task<(System.Diagnostics.Process Process, string Output)> ServeUntilAsync(int port, string line) =>
        RunUntilAsync(["serve", "--database", "hub.db", "--urls", $"http://127.0.0.1:{port}"], line, TimeSpan.FromSeconds(60));

    private async Task<(System.Diagnostics.Process Process, string Output)> RunUntilAsync(string[] args, string line, TimeSpan within)
    {
        StringBuilder output = new(), error = new();
        var process = RapportProcess.Start(_folder, args, output, error);
        var deadline = DateTimeOffset.UtcNow + within;
        while (!RapportProcess.Text(output).Contains(line, StringComparison.Ordinal))
        {
            if (process.HasExited || DateTimeOffset.UtcNow > deadline)
                throw new ShouldAssertException($"{args[0]} did not start:\n{output}\n{error}");
            await Task.Delay(100, Cancel);
        }
        return (process, RapportProcess.Text(output));
    }

    private static string? PasswordIn(string output) =>
        System.Text.RegularExpressions.Regex.Match(output, "with the password (\\S+)") is { Success: true } match ? match.Groups[1].Value : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Rapport.Tests;

/// <summary>What <c>rapport demo</c> prints for a new user: short, with commands that run and the sign-in last.</summary>
public sealed partial class DemoSpecs : IDisposable
{
    private const string HintPrefix = "Run an incremental import against it: ";

    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-demo-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_prints_counts_not_tables_a_runnable_hint_and_ends_with_how_to_sign_in()
    {
        var port = FreePort();
        StringBuilder output = new(), error = new();
        using var demo = RapportProcess.Start(_folder, ["demo", "--companies", "80", "--contacts", "500", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], output, error);
        try
        {
            await LinesUntilAsync(demo, output, error, line => line.StartsWith("Ctrl+C to stop.", StringComparison.Ordinal), TimeSpan.FromMinutes(3));
            var lines = await LinesUntilAsync(demo, output, error, line => line.StartsWith("Password:", StringComparison.Ordinal), TimeSpan.FromSeconds(5), orNot: true);
            var text = string.Join('\n', lines);

            text.ShouldNotContain("Intercom id", customMessage: "no table of missing ids");
            text.ShouldNotContain("no definitions saved yet", customMessage: "the demo saves its example model and says when it is computed");
            var counts = CountsPattern().Match(text);
            counts.Success.ShouldBeTrue(text);
            var csv = await File.ReadAllLinesAsync(Path.Combine(_folder, counts.Groups["csv"].Value), Cancel);
            csv[0].ShouldBe("kind,intercom_id,name,email");
            csv.Count(l => l.StartsWith("company without company_id,", StringComparison.Ordinal)).ShouldBe(Count(counts.Groups["companies"].Value));
            csv.Count(l => l.StartsWith("user without user_id,", StringComparison.Ordinal)).ShouldBe(Count(counts.Groups["users"].Value));

            var last = lines.Where(l => l.Length > 0).TakeLast(3).ToArray();
            last[0].ShouldBe($"URL:      http://localhost:{port}/");
            last[1].ShouldBe("Email:    admin@localhost");
            var password = last[2]["Password: ".Length..];
            (await SignInAsync(port, "admin@localhost", password)).ShouldBe(HttpStatusCode.Redirect, "the printed password signs in");

            var hint = lines.Single(l => l.StartsWith(HintPrefix, StringComparison.Ordinal))[HintPrefix.Length..];
            hint.ShouldNotStartWith("rapport ", customMessage: "nothing put rapport on this PATH");
            var import = await RunAsync(hint);
            import.ExitCode.ShouldBe(0, import.ToString());
            import.Output.ShouldContain("Companies seen");
        }
        finally
        {
            demo.Kill(entireProcessTree: true);
            await demo.WaitForExitAsync(Cancel);
        }
    }

    /// <summary>The output's lines once one of them satisfies <paramref name="done"/> (or, with <paramref name="orNot"/>, once <paramref name="within"/> is over).</summary>
    private static async Task<string[]> LinesUntilAsync(
        Process process, StringBuilder output, StringBuilder error, Func<string, bool> done, TimeSpan within, bool orNot = false)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var lines = RapportProcess.Text(output).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            if (lines.Any(done) || (orNot && TimeProvider.System.GetElapsedTime(started) > within))
                return lines;
            if (process.HasExited || TimeProvider.System.GetElapsedTime(started) > within)
                throw new ShouldAssertException($"the demo did not start:\n{output}\n{error}");
            await Task.Delay(100, Cancel);
        }
    }

    /// <summary>Runs a printed command line as a user pasting it would, from the demo's folder.</summary>
    private async Task<RapportResult> RunAsync(string commandLine)
    {
        var words = WordPattern().Matches(commandLine).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Value).ToArray();
        var start = new ProcessStartInfo(words[0]) { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var word in words[1..])
            start.ArgumentList.Add(word);
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Cancel);
        var stderr = process.StandardError.ReadToEndAsync(Cancel);
        await process.WaitForExitAsync(Cancel);
        return new RapportResult(process.ExitCode, await stdout, await stderr);
    }

    private static async Task<HttpStatusCode> SignInAsync(int port, string email, string password)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
        };
        var page = await http.GetStringAsync("/signin", Cancel);
        var token = WebUtility.HtmlDecode(AntiforgeryPattern().Match(page).Groups[1].Value);
        using var response = await http.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }), Cancel);
        return response.StatusCode;
    }

    private static int Count(string value) =>
        int.Parse(value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);

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

    [GeneratedRegex(@"(?<companies>[\d,]+) companies without company_id and (?<users>[\d,]+) users without user_id, every one listed in (?<csv>\S+\.csv)")]
    private static partial Regex CountsPattern();

    [GeneratedRegex("\"([^\"]*)\"|\\S+")]
    private static partial Regex WordPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}

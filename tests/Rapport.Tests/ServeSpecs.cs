using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rapport.Tests;

/// <summary><c>rapport serve</c> as a user runs it: a real process listening on a real port.</summary>
public sealed class ServeSpecs : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("rapport-serve-").FullName;

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
    public async Task A_too_short_admin_password_is_refused_in_one_line()
    {
        var result = await RapportProcess.RunAsync(folder, "serve", "--database", "hub.db", "--urls", $"http://127.0.0.1:{FreePort()}", "--admin-password", "short");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.Trim().ShouldBe("rapport: admin password: a password needs at least 10 characters");
    }

    private async Task<(System.Diagnostics.Process Process, string Output)> ServeUntilAsync(int port, string line)
    {
        StringBuilder output = new(), error = new();
        var process = RapportProcess.Start(folder, ["serve", "--database", "hub.db", "--urls", $"http://127.0.0.1:{port}"], output, error);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (!output.ToString().Contains(line, StringComparison.Ordinal))
        {
            if (process.HasExited || DateTimeOffset.UtcNow > deadline)
                throw new ShouldAssertException($"serve did not start:\n{output}\n{error}");
            await Task.Delay(100, Cancel);
        }
        return (process, output.ToString());
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
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}

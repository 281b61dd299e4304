using System.Diagnostics;
using System.Text;

namespace Rapport.Tests;

/// <summary>The real <c>rapport</c> executable, run as a child process in a working folder of its own.</summary>
internal sealed class RapportProcess
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "rapport.dll");

    public static Process Start(
        string workingDirectory, IEnumerable<string> args, StringBuilder output, StringBuilder error, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var name in new[] { "RAPPORT_DATABASE", "RAPPORT_INTERCOM_URL", "RAPPORT_INTERCOM_TOKEN", "RAPPORT_INTERCOM_REGION", "RAPPORT_MASTER_KEY", "RAPPORT_MASTER_KEY_FILE" })
            start.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        start.Environment["NO_COLOR"] = "1";

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (error) error.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static Task<RapportResult> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, null, args);

    public static async Task<RapportResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        StringBuilder output = new(), error = new();
        using var process = Start(workingDirectory, args, output, error, environment);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        process.WaitForExit();
        return new RapportResult(process.ExitCode, output.ToString(), error.ToString());
    }
}

internal sealed record RapportResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Rapport.Benchmarks;

/// <summary>
/// The Intercom simulator in a process of its own, so that the benchmark's memory figure is Rapport's alone and the two
/// talk over real loopback HTTP, as with Intercom.
/// </summary>
internal sealed class SimulatorProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SimulatorProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<SimulatorProcess> StartAsync(int companies, int contacts, string rateLimit, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "rapport-intercom-simulator.dll"), "--port", $"{port}", "--companies", $"{companies}", "--contacts", $"{contacts}", "--rate-limit", rateLimit })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"simulator: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var simulator = new SimulatorProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                (await http.GetAsync("_simulator/stats", cancellationToken)).EnsureSuccessStatusCode();
                return simulator;
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromMinutes(2) && !process.HasExited)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}

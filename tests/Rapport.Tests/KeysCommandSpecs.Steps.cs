using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Storage;
using Rapport.Web;
using Rapport.Web.Integration;
using Rapport.Web.Keys;
using Rapport.Testing;

namespace Rapport.Tests;

/// <summary>The steps of <see cref="KeysCommandSpecs"/>: a hub with a stored token, made now or as older Rapports made it, and the commands run on it.</summary>
public sealed partial class KeysCommandSpecs
{
    private RapportWebOptions Options(string? masterKeyFile = null, string? masterKey = null) => new()
    {
        Database = Database,
        Urls = ["http://127.0.0.1:0"],
        AdminPassword = "a long enough password",
        Intercom = new IntercomAppOptions { ApiUrl = _simulator.BaseAddress },
        MasterKeyFile = masterKeyFile,
        MasterKey = masterKey,
    };

    /// <summary>Connects the simulator's workspace with its access token, as Settings → Integrations → Intercom does.</summary>
    private async Task ConnectIntercomAsync(string? masterKey = null)
    {
        await using var app = await RapportWebApp.CreateAsync(Options(masterKey: masterKey), Cancel);
        var (_, problem) = await app.Services.GetRequiredService<IntercomConnections>().ConnectAsync("us", _simulator.Options.AccessToken, "token", "test", Cancel);
        problem.ShouldBeNull();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>What Rapport did before master keys: Data Protection's key ring in the database as is, the token protected with it.</summary>
    private async Task ConnectIntercomAsBeforeMasterKeysAsync()
    {
        await using var store = await HubStores.OpenAsync(Database, TimeProvider.System, Cancel);
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("Rapport");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new HubXmlRepository(store.KeyRing));
        await using var provider = services.BuildServiceProvider();
        var record = new IntercomConnectionRecord
        {
            Region = "us",
            ApiUrl = _simulator.BaseAddress.AbsoluteUri,
            Method = "token",
            ConnectedBy = "test",
            ConnectedAt = DateTimeOffset.UtcNow,
            ProtectedToken = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Rapport.Intercom.AccessToken.v1").Protect(_simulator.Options.AccessToken),
        };
        await store.SyncState.SetSyncStateAsync(IntercomConnectionRecord.StateKey, record.ToJson(), Cancel);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>The workspace name Intercom gives for the stored token: proof the hub can still read it.</summary>
    private async Task<string?> WorkspaceSeenWithStoredTokenAsync(string? masterKeyFile = null)
    {
        try
        {
            await using var app = await RapportWebApp.CreateAsync(Options(masterKeyFile), Cancel);
            var client = (await app.Services.GetRequiredService<IntercomConnections>().ClientAsync(Cancel)).ShouldNotBeNull();
            return (await client.GetMeAsync(Cancel)).App?.Name;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    private async Task<List<string>> KeyRingAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM data_protection_keys ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var rows = new List<string>();
        while (await reader.ReadAsync(Cancel))
            rows.Add(XElement.Parse(reader.GetString(0)).ToString(SaveOptions.DisableFormatting));
        return rows;
    }

    /// <summary>Runs a command that should end by itself; one still running after a minute is stopped and reported.</summary>
    private async Task<RapportResult> RunBrieflyAsync(params string[] args)
    {
        StringBuilder output = new(), error = new();
        using var process = RapportProcess.Start(_folder, args, output, error);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!Cancel.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Cancel);
            throw new ShouldAssertException($"rapport {string.Join(' ', args)} was still running after a minute:\n{output}\n{error}");
        }
        process.WaitForExit();
        return new RapportResult(process.ExitCode, RapportProcess.Text(output), RapportProcess.Text(error));
    }

    /// <summary><c>rapport serve</c> until it says it serves; then stopped. Returns what it printed.</summary>
    private async Task<string> ServeUntilStartedAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        StringBuilder output = new(), error = new();
        using var process = RapportProcess.Start(_folder, ["serve", "--database", "hub.db", "--urls", "http://127.0.0.1:0"], output, error, environment);
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        try
        {
            while (!RapportProcess.Text(output).Contains("Ctrl+C to stop.", StringComparison.Ordinal))
            {
                if (process.HasExited || DateTimeOffset.UtcNow > deadline)
                    throw new ShouldAssertException($"serve did not start:\n{output}\n{error}");
                await Task.Delay(100, Cancel);
            }
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Cancel);
        }
        return RapportProcess.Text(output);
    }

    /// <summary>Mode 0600 (Windows keeps no such mode: a file there inherits its folder's access list).</summary>
    private static bool OnlyTheOwnerCanRead(string path) =>
        OperatingSystem.IsWindows() || File.GetUnixFileMode(path) == (UnixFileMode.UserRead | UnixFileMode.UserWrite);

    /// <summary>The console wraps long lines at its width.</summary>
    private static string OneLine(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}

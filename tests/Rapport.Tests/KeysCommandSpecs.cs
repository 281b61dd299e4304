using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Hub.Storage;
using Rapport.IntercomSimulator;
using Rapport.Storage;
using Rapport.Web;
using Rapport.Web.Keys;
using Rapport.Web.Integration;

namespace Rapport.Tests;

/// <summary>
/// Issue 16, item 6, as an operator meets it: the master key file beside the hub, a hub that will not start without it,
/// an old key ring encrypted on the first start, and <c>rapport keys rotate-master</c>.
/// </summary>
public sealed class KeysCommandSpecs : IAsyncLifetime
{
    /// <summary>What the simulator's <c>GET /me</c> calls its workspace.</summary>
    private const string WorkspaceName = "Rapport Simulator";

    private readonly string folder = Directory.CreateTempSubdirectory("rapport-keys-").FullName;
    private IntercomSimulatorServer simulator = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string Database => Path.Combine(folder, "hub.db");

    private string KeyFile => Path.Combine(folder, "hub.masterkey");

    public async ValueTask InitializeAsync() =>
        simulator = await IntercomSimulatorServer.StartAsync(
            new SimulatorOptions { Companies = 5, Contacts = 20, RateLimitPerMinute = null }, 0, Cancel);

    public async ValueTask DisposeAsync()
    {
        await simulator.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Rotating_the_master_key_rewraps_the_key_ring_and_keeps_the_old_key_as_a_backup()
    {
        await ConnectIntercomAsync();
        var oldKey = File.Exists(KeyFile) ? await File.ReadAllTextAsync(KeyFile, Cancel) : null;
        var ringBefore = await KeyRingAsync();

        var result = await RapportProcess.RunAsync(folder, "keys", "rotate-master", "--database", "hub.db");

        result.ExitCode.ShouldBe(0, result.ToString());
        var backup = Directory.GetFiles(folder).Where(f => Path.GetFileName(f).StartsWith("hub.masterkey.", StringComparison.Ordinal)).ShouldHaveSingleItem();
        (await File.ReadAllTextAsync(backup, Cancel)).ShouldBe(oldKey);
        (await File.ReadAllTextAsync(KeyFile, Cancel)).ShouldNotBe(oldKey);
        OnlyTheOwnerCanRead(KeyFile).ShouldBeTrue();
        var said = OneLine(result.Output);
        said.ShouldContain(KeyFile);
        said.ShouldContain(backup);
        var ringAfter = await KeyRingAsync();
        ringAfter.Count.ShouldBe(ringBefore.Count);
        ringAfter.ShouldAllBe(xml => !ringBefore.Contains(xml), "every key of the ring is wrapped anew");
        (await WorkspaceSeenWithStoredTokenAsync()).ShouldBe(WorkspaceName);
        var stale = await Should.ThrowAsync<Configuration.SettingsException>(() => WorkspaceSeenWithStoredTokenAsync(masterKeyFile: backup));
        stale.Message.ShouldContain(backup);
    }

    [Fact]
    public async Task A_hub_whose_master_key_file_is_missing_refuses_to_start_naming_the_file_and_makes_no_new_keys()
    {
        await ConnectIntercomAsync();
        File.Delete(KeyFile);
        var ringBefore = await KeyRingAsync();

        var result = await RunBrieflyAsync("serve", "--database", "hub.db", "--urls", "http://127.0.0.1:0");

        result.ExitCode.ShouldBe(1, result.ToString());
        var said = OneLine(result.Error);
        said.ShouldContain(KeyFile);
        said.ShouldContain("RAPPORT_MASTER_KEY");
        said.ShouldContain("backup");
        (await KeyRingAsync()).ShouldBe(ringBefore);
        File.Exists(KeyFile).ShouldBeFalse("no new master key is made for a key ring that needs the old one");
    }

    [Fact]
    public async Task A_hub_given_the_wrong_master_key_refuses_to_start_naming_the_file()
    {
        await ConnectIntercomAsync();
        await File.WriteAllTextAsync(KeyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Cancel);
        var ringBefore = await KeyRingAsync();

        var result = await RunBrieflyAsync("serve", "--database", "hub.db", "--urls", "http://127.0.0.1:0");

        result.ExitCode.ShouldBe(1, result.ToString());
        var said = OneLine(result.Error);
        said.ShouldContain(KeyFile);
        said.ShouldContain("does not open");
        (await KeyRingAsync()).ShouldBe(ringBefore);
    }

    [Fact]
    public async Task A_key_ring_stored_in_the_clear_is_encrypted_on_the_first_start_and_the_token_still_works()
    {
        await ConnectIntercomAsBeforeMasterKeysAsync();
        (await KeyRingAsync()).ShouldAllBe(xml => xml.Contains("<masterKey"), "the hub's keys are in the clear, as older Rapports kept them");

        var output = await ServeUntilStartedAsync();

        OneLine(output).ShouldContain($"Encrypted the key ring with the master key {KeyFile}: 1 of its keys had been stored in the clear.");
        (await KeyRingAsync()).ShouldAllBe(xml => !xml.Contains("<masterKey") && xml.Contains("encryptedSecret"));
        OnlyTheOwnerCanRead(KeyFile).ShouldBeTrue();
        (await WorkspaceSeenWithStoredTokenAsync()).ShouldBe(WorkspaceName);
    }

    [Fact]
    public async Task A_hub_whose_master_key_is_lost_for_good_starts_afresh_after_keys_reset_and_asks_for_the_token_again()
    {
        await ConnectIntercomAsync();
        File.Delete(KeyFile);

        var unconfirmed = await RapportProcess.RunAsync(folder, "keys", "reset", "--database", "hub.db");
        var reset = await RapportProcess.RunAsync(folder, "keys", "reset", "--database", "hub.db", "--yes");
        var output = await ServeUntilStartedAsync();

        unconfirmed.ExitCode.ShouldBe(1, unconfirmed.ToString());
        unconfirmed.Error.ShouldContain("--yes");
        reset.ExitCode.ShouldBe(0, reset.ToString());
        OneLine(reset.Output).ShouldContain("connect Intercom again");
        OneLine(output).ShouldContain($"Made the master key that encrypts this hub's key ring: {KeyFile}");
        await using var store = await HubStoreFactory.OpenAsync(Database, TimeProvider.System, Cancel);
        (await store.GetSyncStateAsync(IntercomConnectionRecord.StateKey, Cancel)).ShouldBeNull("the token no key can open is forgotten, not kept as garbage");
        (await store.ListDataProtectionKeysAsync(Cancel)).ShouldAllBe(k => k.Xml.Contains("encryptedSecret"));
    }

    [Fact]
    public async Task A_master_key_in_RAPPORT_MASTER_KEY_is_used_instead_of_a_file()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await ConnectIntercomAsync(masterKey: key);
        File.Exists(KeyFile).ShouldBeFalse();

        var withKey = await ServeUntilStartedAsync(new Dictionary<string, string> { ["RAPPORT_MASTER_KEY"] = key });
        var without = await RunBrieflyAsync("serve", "--database", "hub.db", "--urls", "http://127.0.0.1:0");

        withKey.ShouldContain("Ctrl+C to stop.");
        File.Exists(KeyFile).ShouldBeFalse();
        without.ExitCode.ShouldBe(1, without.ToString());
        OneLine(without.Error).ShouldContain("RAPPORT_MASTER_KEY");
    }

    private RapportWebOptions Options(string? masterKeyFile = null, string? masterKey = null) => new()
    {
        Database = Database,
        Urls = ["http://127.0.0.1:0"],
        AdminPassword = "a long enough password",
        Intercom = new IntercomAppOptions { ApiUrl = simulator.BaseAddress },
        MasterKeyFile = masterKeyFile,
        MasterKey = masterKey,
    };

    /// <summary>Connects the simulator's workspace with its access token, as Settings → Integrations → Intercom does.</summary>
    private async Task ConnectIntercomAsync(string? masterKey = null)
    {
        await using var app = await RapportWebApp.CreateAsync(Options(masterKey: masterKey), Cancel);
        var (_, problem) = await app.Services.GetRequiredService<IntercomConnections>().ConnectAsync("us", simulator.Options.AccessToken, "token", "test", Cancel);
        problem.ShouldBeNull();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>What Rapport did before master keys: Data Protection's key ring in the database as is, the token protected with it.</summary>
    private async Task ConnectIntercomAsBeforeMasterKeysAsync()
    {
        await using var store = await HubStoreFactory.OpenAsync(Database, TimeProvider.System, Cancel);
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("Rapport");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new HubXmlRepository(store));
        await using var provider = services.BuildServiceProvider();
        var record = new IntercomConnectionRecord
        {
            Region = "us",
            ApiUrl = simulator.BaseAddress.AbsoluteUri,
            Method = "token",
            ConnectedBy = "test",
            ConnectedAt = DateTimeOffset.UtcNow,
            ProtectedToken = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Rapport.Intercom.AccessToken.v1").Protect(simulator.Options.AccessToken),
        };
        await store.SetSyncStateAsync(IntercomConnectionRecord.StateKey, record.ToJson(), Cancel);
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
        using var process = RapportProcess.Start(folder, args, output, error);
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
        return new RapportResult(process.ExitCode, output.ToString(), error.ToString());
    }

    /// <summary><c>rapport serve</c> until it says it serves; then stopped. Returns what it printed.</summary>
    private async Task<string> ServeUntilStartedAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        StringBuilder output = new(), error = new();
        using var process = RapportProcess.Start(folder, ["serve", "--database", "hub.db", "--urls", "http://127.0.0.1:0"], output, error, environment);
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        try
        {
            while (!output.ToString().Contains("Ctrl+C to stop.", StringComparison.Ordinal))
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
        return output.ToString();
    }

    /// <summary>Mode 0600 (Windows keeps no such mode: a file there inherits its folder's access list).</summary>
    private static bool OnlyTheOwnerCanRead(string path) =>
        OperatingSystem.IsWindows() || File.GetUnixFileMode(path) == (UnixFileMode.UserRead | UnixFileMode.UserWrite);

    /// <summary>The console wraps long lines at its width.</summary>
    private static string OneLine(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}

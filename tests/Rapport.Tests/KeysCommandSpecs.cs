using System.Security.Cryptography;
using Rapport.IntercomSimulator;
using Rapport.Storage;
using Rapport.Web.Integration;
using Rapport.Testing;

namespace Rapport.Tests;

/// <summary>
/// The master key, as an operator meets it: the master key file beside the hub, a hub that will not start without it,
/// an old key ring encrypted on the first start, and <c>rapport keys rotate-master</c>.
/// </summary>
public sealed partial class KeysCommandSpecs : IAsyncLifetime
{
    /// <summary>What the simulator's <c>GET /me</c> calls its workspace.</summary>
    private const string WorkspaceName = "Rapport Simulator";

    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-keys-").FullName;
    private IntercomSimulatorServer _simulator = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string Database => Path.Combine(_folder, "hub.db");

    private string KeyFile => Path.Combine(_folder, "hub.masterkey");

    public async ValueTask InitializeAsync() =>
        _simulator = await IntercomSimulatorServer.StartAsync(
            new SimulatorOptions { Companies = 5, Contacts = 20, RateLimitPerMinute = null }, 0, Cancel);

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Rotating_the_master_key_rewraps_the_key_ring_and_keeps_the_old_key_as_a_backup()
    {
        await ConnectIntercomAsync();
        var oldKey = File.Exists(KeyFile) ? await File.ReadAllTextAsync(KeyFile, Cancel) : null;
        var ringBefore = await KeyRingAsync();

        var result = await RapportProcess.RunAsync(_folder, "keys", "rotate-master", "--database", "hub.db");

        result.ExitCode.ShouldBe(0, result.ToString());
        var backup = Directory.GetFiles(_folder).Where(f => Path.GetFileName(f).StartsWith("hub.masterkey.", StringComparison.Ordinal)).ShouldHaveSingleItem();
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
        await using var hub = await HubStores.OpenAsync(Path.Combine(_folder, "hub.db"), TimeProvider.System, Cancel);
        var audited = await hub.Audit.ListAuditEntriesAsync(null, 50, Cancel);
        audited.ShouldContain(e => e.Action == "master_key.rotated" && e.Actor!.Name == $"{Environment.UserName} (command line)", "the rotation is in the audit log");
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

        var unconfirmed = await RapportProcess.RunAsync(_folder, "keys", "reset", "--database", "hub.db");
        var reset = await RapportProcess.RunAsync(_folder, "keys", "reset", "--database", "hub.db", "--yes");
        var output = await ServeUntilStartedAsync();

        unconfirmed.ExitCode.ShouldBe(1, unconfirmed.ToString());
        unconfirmed.Error.ShouldContain("--yes");
        reset.ExitCode.ShouldBe(0, reset.ToString());
        OneLine(reset.Output).ShouldContain("connect Intercom again");
        OneLine(output).ShouldContain($"Made the master key that encrypts this hub's key ring: {KeyFile}");
        await using var store = await HubStores.OpenAsync(Database, TimeProvider.System, Cancel);
        (await store.SyncState.GetSyncStateAsync(IntercomConnectionRecord.StateKey, Cancel)).ShouldBeNull("the token no key can open is forgotten, not kept as garbage");
        (await store.KeyRing.ListDataProtectionKeysAsync(Cancel)).ShouldAllBe(k => k.Xml.Contains("encryptedSecret"));
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
}

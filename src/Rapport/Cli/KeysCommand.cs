using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;
using Humanizer;
using Rapport.Configuration;
using Rapport.Storage;
using Rapport.Web.Keys;
using Spectre.Console;
using Rapport.Hub.Audit;
using Rapport.Hub.Security;
using Rapport.Hub.Sync;

namespace Rapport.Cli;

/// <summary>
/// <c>rapport keys rotate-master</c> wraps the key ring with a new master key; <c>rapport keys reset</c> forgets a key
/// ring whose master key is lost. Both want every <c>rapport serve</c> of the hub stopped: a server keeps the keys it read.
/// </summary>
internal static class KeysCommand
{
    public static Command Create(CommonOptions common)
    {
        var rotate = new Command("rotate-master", "Wrap the key ring with a new master key; the old key file is kept as a dated backup beside it");
        common.AddTo(rotate, intercom: false, masterKey: true);
        rotate.SetAction((result, cancellationToken) => UserErrors.RunAsync(async () =>
        {
            var (settings, location) = Read(common, result);
            await using var hub = await CommandServices.OpenAsync(settings.Database, TimeProvider.System, cancellationToken);
            var rotation = await HubKeyRing.RotateAsync(hub.GetRequiredService<IKeyRingStore>(), location, TimeProvider.System, cancellationToken);
            await CommandLineAudit.RecordAsync(hub.GetRequiredService<IAuditStore>(), Web.Audit.AuditActions.MasterKeyRotated, detail: $"{rotation.Old.Id} → {rotation.New.Id}", cancellationToken: cancellationToken);
            var console = AnsiConsole.Console;
            console.WriteLine($"Wrapped the key ring ({"element".ToQuantity(rotation.Wrapped)}) with a new master key: {rotation.Old.Id} → {rotation.New.Id}.");
            if (rotation.Backup is { } backup)
            {
                console.WriteLine($"New master key: {location.File} (readable by its owner only).");
                console.WriteLine($"The old key is kept as {backup}: it opens nothing stored now, but it opens the database's backups made before now. Delete it with them.");
                console.WriteLine("Copy the new key to every node of this hub and to where you keep its backup, then start Rapport again.");
            }
            else
            {
                console.WriteLine($"Set {MasterKeyLocation.Variable} to the new master key on every node of this hub before starting Rapport again (shown only now):");
                console.WriteLine(rotation.New.Text);
            }
            return ExitCodes.Ok;
        }, cancellationToken));

        var yes = new Option<bool>("--yes") { Description = "Confirm: the stored Intercom token is lost and has to be entered again" };
        var reset = new Command("reset", "Forget a key ring whose master key is lost, and the Intercom connection only it could read; the next start makes new ones");
        common.AddTo(reset, intercom: false, masterKey: true);
        reset.Options.Add(yes);
        reset.SetAction((result, cancellationToken) => UserErrors.RunAsync(async () =>
        {
            var (settings, location) = Read(common, result);
            if (!result.GetValue(yes))
                throw new SettingsException("keys reset forgets the key ring and the stored Intercom token for good, and signs everyone out: run it again with --yes to go ahead");
            await using var hub = await CommandServices.OpenAsync(settings.Database, TimeProvider.System, cancellationToken);
            var done = await HubKeyRing.ResetAsync(hub.GetRequiredService<IKeyRingStore>(), hub.GetRequiredService<ISyncStateStore>(), location, TimeProvider.System, cancellationToken);
            await CommandLineAudit.RecordAsync(hub.GetRequiredService<IAuditStore>(), Web.Audit.AuditActions.KeyRingReset, detail: $"{"element".ToQuantity(done.Forgotten)} forgotten", cancellationToken: cancellationToken);
            var console = AnsiConsole.Console;
            console.WriteLine($"Forgot the key ring ({"element".ToQuantity(done.Forgotten)}) and the Intercom connection.");
            if (done.SetAside is { } setAside)
                console.WriteLine($"The key file that did not open it is kept as {setAside}.");
            console.WriteLine("The next start makes a new master key and key ring: connect Intercom again under Settings → Integrations → Intercom; teammates sign in again.");
            return ExitCodes.Ok;
        }, cancellationToken));

        return new Command("keys", "The master key that encrypts the hub's key ring (kept outside the database)") { rotate, reset };
    }

    private static (RapportSettings Settings, MasterKeyLocation Location) Read(CommonOptions common, ParseResult result)
    {
        var settings = common.Read(result);
        var file = settings.MasterKeyFile ?? MasterKeyLocation.DefaultFile(settings.Database, settings.ConfigFile);
        return (settings, new MasterKeyLocation(Path.GetFullPath(file), settings.MasterKey));
    }
}

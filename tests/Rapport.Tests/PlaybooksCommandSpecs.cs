using Rapport.Hub.Playbooks;
using Rapport.Storage;
using Rapport.Testing;

namespace Rapport.Tests;

/// <summary><c>rapport playbooks list|audit|enable|disable</c>, run as a real process over a hub's SQLite file.</summary>
public sealed class PlaybooksCommandSpecs : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-playbooks-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Playbooks_are_listed_turned_off_and_their_audit_read_from_the_command_line()
    {
        var token = TestContext.Current.CancellationToken;
        var empty = await RapportProcess.RunAsync(_folder, "playbooks", "list", "--database", "hub.db");
        long id;
        await using (var store = await HubStores.OpenAsync(Path.Combine(_folder, "hub.db"), TimeProvider.System, token))
        {
            id = (await store.Playbooks.SavePlaybookAsync(new Playbook(
                0, "Export failed", new PlaybookTrigger(PlaybookTriggers.Event, "export-failed"), PlaybookActions.InApp, null, "Need a hand?",
                1, true, false, 1, 7, new TimeOnly(22, 0), new TimeOnly(8, 0), "Europe/Paris"), token))!.Id;
            await store.Playbooks.AddPlaybookRunsAsync([new PlaybookRunRequest(id, "event:1", 5, null)], token);
        }

        var listed = await RapportProcess.RunAsync(_folder, "playbooks", "list", "--database", "hub.db");
        var disabled = await RapportProcess.RunAsync(_folder, "playbooks", "disable", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--database", "hub.db");
        var listedOff = await RapportProcess.RunAsync(_folder, "playbooks", "list", "--database", "hub.db");
        var audit = await RapportProcess.RunAsync(_folder, "playbooks", "audit", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--database", "hub.db");
        var missing = await RapportProcess.RunAsync(_folder, "playbooks", "audit", "999", "--database", "hub.db");

        empty.Output.ShouldContain("No playbooks yet", Case.Sensitive, empty.ToString());
        listed.Output.ShouldContain("on            Export failed: when event export-failed then in_app, at most 1 per user in 7 days, quiet 22:00–08:00 Europe/Paris", Case.Sensitive, listed.ToString());
        disabled.ExitCode.ShouldBe(0, disabled.ToString());
        listedOff.Output.ShouldContain("off           Export failed");
        audit.Output.ShouldMatch(@"user 5\s+pending");
        missing.ExitCode.ShouldNotBe(0);
        missing.Error.ShouldContain("there is no playbook with id 999");
    }

    [Fact]
    public async Task Turning_a_playbook_off_from_the_command_line_is_in_the_audit_log_by_who_ran_it()
    {
        var token = TestContext.Current.CancellationToken;
        long id;
        await using (var store = await HubStores.OpenAsync(Path.Combine(_folder, "hub.db"), TimeProvider.System, token))
        {
            id = (await store.Playbooks.SavePlaybookAsync(new Playbook(
                0, "Export failed", new PlaybookTrigger(PlaybookTriggers.Event, "export-failed"), PlaybookActions.InApp, null, "Need a hand?",
                1, true, false, 1, 7, null, null, "UTC"), token))!.Id;
        }

        var disabled = await RapportProcess.RunAsync(_folder, "playbooks", "disable", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--database", "hub.db");

        disabled.ExitCode.ShouldBe(0, disabled.ToString());
        await using var hub = await HubStores.OpenAsync(Path.Combine(_folder, "hub.db"), TimeProvider.System, token);
        var entry = (await hub.Audit.ListAuditEntriesAsync(null, 10, token)).ShouldHaveSingleItem();
        (entry.Action, entry.Subject, entry.Address).ShouldBe(("playbook.disabled", "Export failed", (string?)null));
        entry.Actor!.Name.ShouldBe($"{Environment.UserName} (command line)");
    }
}

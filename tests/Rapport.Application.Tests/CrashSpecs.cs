using Rapport.Hub.Accounts;
using Rapport.Application.Import;

namespace Rapport.Application.Tests;

/// <summary>
/// Crashes at phase boundaries, simulated by a progress callback that throws: the import stops where it is, with only
/// what its checkpoints saved, as after a kill. (The real kill -9 is in the command-line specs.)
/// </summary>
public sealed class CrashSpecs
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_full_import_resumed_after_its_last_contact_batch_still_drops_contacts_gone_from_Intercom()
    {
        await using var harness = await ImportHarness.StartAsync();
        var company = harness.Company("acme", users: 2);
        var store = await harness.OpenStoreAsync();
        await harness.ImportAsync(store);
        var leaving = harness.Workspace.FindContactByExternalId("acme-user-1")!;
        harness.Workspace.UpdateContact(leaving.Id, c => c.Role = "lead");

        // One page of contacts: its progress report comes right after its batch and checkpoint are committed.
        var crash = await Should.ThrowAsync<SimulatedCrash>(() =>
            harness.ImportAsync(store, new ImportOptions { Full = true }, new CrashAt("contacts")));
        var resumed = await harness.ImportAsync(store, new ImportOptions { Full = true });

        crash.ShouldNotBeNull();
        resumed.Resumed.ShouldBeTrue();
        (await store.Browse.FindUserAsync("acme-user-1", Ct)).ShouldNotBeNull().Status.ShouldBe(RecordStatus.Inactive);
        (await store.Browse.FindUserAsync("acme-user-0", Ct)).ShouldNotBeNull().Status.ShouldBe(RecordStatus.Active);
        (await store.Browse.FindAccountAsync("acme", Ct)).ShouldNotBeNull().UserExternalIds.ShouldBe(["acme-user-0"]);
    }

    private sealed class SimulatedCrash : Exception;

    private sealed class CrashAt(string phase) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.Phase == phase)
                throw new SimulatedCrash();
        }
    }
}

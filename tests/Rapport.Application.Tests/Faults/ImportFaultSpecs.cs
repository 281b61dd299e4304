using Microsoft.Data.Sqlite;
using Rapport.Intercom;
using Rapport.Application.Import;

namespace Rapport.Application.Tests.Faults;

/// <summary>
/// Faults met in the middle of an import, on the simulator's own clock with every wait hurried: each run ends with the
/// hub holding exactly what a fault-free run of the same workspace gives, and what it had already saved is not written
/// again. Past the patience, the import stops saying what failed and for how long, and running it again completes.
/// </summary>
public sealed class ImportFaultSpecs
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("server_error", 1, "/companies/scroll")] // one 500 on a scroll page
    [InlineData("drop_connection", 1, "/companies/scroll")] // one dropped connection on a scroll page
    [InlineData("server_error", 12, "/companies/scroll")] // the page, then the scroll opened again, 11 times
    [InlineData("rate_limit", 40, "/companies/scroll")] // waited out to each reset, by which time the scroll expired
    [InlineData("server_error", 12, "/contacts/search")] // one segment's search of its members
    [InlineData("rate_limit", 40, "/contacts")]
    public async Task An_import_through_faults_mid_run_ends_exactly_as_a_fault_free_one(string kind, int count, string path)
    {
        await using var harness = await StartAsync();
        var clean = await harness.OpenStoreAsync("clean");
        var expected = await harness.ImportAsync(clean);

        // The first request under the path goes through, the faults hit the next: after the first page was saved.
        harness.Simulator.InjectFault(kind, count, path, delay: null, after: 1);
        var faulted = await harness.OpenStoreAsync("faulted");
        var firstPage = new FirstCompanyPage(harness.DatabasePath("faulted"));
        var summary = await harness.ImportAsync(faulted, progress: firstPage);

        harness.Simulator.Stats.FaultsInjected.ShouldBe(count);
        Counts(summary).ShouldBe(Counts(expected));
        (await faulted.Browse.ExportSnapshotAsync(Ct)).ShouldBe(await clean.Browse.ExportSnapshotAsync(Ct));
        firstPage.Written.Count.ShouldBeGreaterThan(0); // the first page's qualifying companies
        WrittenAt(harness.DatabasePath("faulted"), firstPage.Written.Keys).ShouldBe(firstPage.Written, "the first page's records were written again");
    }

    [Fact]
    public async Task A_429_storm_outlasting_the_patience_stops_the_import_naming_the_request_and_how_long_and_a_rerun_completes()
    {
        await using var harness = await StartAsync();
        var clean = await harness.OpenStoreAsync("clean");
        await harness.ImportAsync(clean);
        harness.Simulator.InjectFault("rate_limit", 10_000, "/contacts", delay: null, after: 1);
        var stopped = await harness.OpenStoreAsync("stopped");
        var started = harness.Clock.GetTimestamp();

        // The default patience: 30 minutes.
        var error = await Should.ThrowAsync<IntercomException>(() => harness.ImportAsync(stopped));
        var waited = harness.Clock.GetElapsedTime(started);

        error.Message.ShouldStartWith("Gave up on Intercom GET /contacts", Case.Sensitive, error.Message);
        error.Message.ShouldContain("would pass the patience of 30 min", Case.Sensitive, error.Message);
        error.Message.ShouldContain("Last failure: Intercom GET /contacts", Case.Sensitive, error.Message);
        error.Message.ShouldContain("429 rate_limit_exceeded", Case.Sensitive, error.Message);
        waited.ShouldBeInRange(TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(31));

        await ClearFaultsAsync(harness);
        var rerun = await harness.ImportAsync(stopped);

        rerun.Resumed.ShouldBeTrue();
        (await stopped.Browse.ExportSnapshotAsync(Ct)).ShouldBe(await clean.Browse.ExportSnapshotAsync(Ct));
    }

    [Fact]
    public async Task A_scroll_that_keeps_breaking_stops_the_import_after_the_configured_patience_and_a_rerun_completes()
    {
        await using var harness = await StartAsync();
        var clean = await harness.OpenStoreAsync("clean");
        await harness.ImportAsync(clean);
        harness.Simulator.InjectFault("server_error", 10_000, "/companies/scroll", delay: null, after: 1);
        var stopped = await harness.OpenStoreAsync("stopped");
        var started = harness.Clock.GetTimestamp();

        var error = await Should.ThrowAsync<IntercomPatienceExceededException>(
            () => harness.ImportAsync(stopped, new ImportOptions { Patience = TimeSpan.FromMinutes(5) }));
        var waited = harness.Clock.GetElapsedTime(started);

        error.Message.ShouldContain("GET /companies/scroll", Case.Sensitive, error.Message);
        error.Message.ShouldContain("patience of 5 min", Case.Sensitive, error.Message);
        error.Message.ShouldContain("server_error", Case.Sensitive, error.Message);
        waited.ShouldBeInRange(TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(7));

        await ClearFaultsAsync(harness);
        await harness.ImportAsync(stopped);

        (await stopped.Browse.ExportSnapshotAsync(Ct)).ShouldBe(await clean.Browse.ExportSnapshotAsync(Ct));
    }

    /// <summary>100 companies in scroll pages of 20, 400 contacts.</summary>
    private static async Task<ImportHarness> StartAsync()
    {
        var harness = await ImportHarness.StartHurriedAsync(companies: 100, contacts: 400, scrollPageSize: 20);
        // A faulted run ends minutes later on the clock than the fault-free one: no company may cross the last-seen
        // window's edge meanwhile, or the two would rightly differ.
        var edge = harness.Now.AddDays(-new ImportOptions().LastSeenDays);
        foreach (var company in harness.Workspace.Companies.Where(c => c.LastRequestAt is { } seen && (seen - edge).Duration() < TimeSpan.FromDays(1)))
            harness.Workspace.UpdateCompany(company.Id, c => c.LastRequestAt = edge.AddDays(2));
        return harness;
    }

    private static async Task ClearFaultsAsync(ImportHarness harness)
    {
        using var control = new HttpClient { BaseAddress = harness.Simulator.BaseAddress };
        (await control.DeleteAsync("/_simulator/faults", Ct)).EnsureSuccessStatusCode();
    }

    /// <summary>What a user reads in the summary, minus what depends on the run (its id, time, API calls).</summary>
    private static string Counts(ImportSummary summary)
    {
        var (c, u) = (summary.Companies, summary.Users);
        static string Skipped(IReadOnlyDictionary<string, int> skipped) =>
            string.Join(", ", skipped.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value}"));
        return $"companies seen {c.Seen}, qualified {c.Qualified}, new {c.Created}, updated {c.Updated}, unchanged {c.Unchanged}, "
            + $"inactive {c.Deactivated}, skipped [{Skipped(c.Skipped)}]; contacts seen {u.ContactsSeen}, users {u.Imported}, "
            + $"new {u.Created}, updated {u.Updated}, inactive {u.Deactivated}, memberships {u.Memberships}, skipped [{Skipped(u.Skipped)}]; "
            + $"contacts written {summary.ContactsWritten}";
    }

    private static Dictionary<string, string> WrittenAt(string database, IEnumerable<string>? only = null)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT source_id, written_at FROM source_companies";
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
            rows[reader.GetString(0)] = Convert.ToString(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)!;
        return only is null ? rows : only.ToDictionary(id => id, id => rows.GetValueOrDefault(id, "missing"), StringComparer.Ordinal);
    }

    /// <summary>When the first scroll page has been saved (its progress report follows its transaction), what it wrote.</summary>
    private sealed class FirstCompanyPage(string database) : IProgress<ImportProgress>
    {
        public Dictionary<string, string> Written { get; private set; } = [];

        public void Report(ImportProgress value)
        {
            if (value.Phase == "companies" && Written.Count == 0)
                Written = WrittenAt(database);
        }
    }
}

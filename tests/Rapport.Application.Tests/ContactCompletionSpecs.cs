using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Rapport.Intercom.Webhooks;
using Rapport.IntercomSimulator;
using Rapport.Application.Settings;
using Rapport.Application.Webhooks;

namespace Rapport.Application.Tests;

/// <summary>
/// A contact object carries ten of its companies and its tags by id only: the import and the webhooks complete it the
/// same way, so a contact stores the same whichever way it came in, for the same Intercom calls.
/// </summary>
public sealed class ContactCompletionSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_user_in_twelve_companies_with_two_tags_is_stored_the_same_by_a_webhook_as_by_the_import()
    {
        await using var harness = await ImportHarness.StartAsync();
        var companies = Enumerable.Range(1, 12).Select(i => harness.Company($"company-{i:00}")).ToList();
        var ada = harness.User("ada", [.. companies.Select(c => c.Id)]);
        var tags = new[] { harness.Workspace.AddTag("vip"), harness.Workspace.AddTag("beta") };
        await using var receiver = await WebhookReceiver.StartAsync();
        harness.Simulator.ConfigureWebhooks(receiver.Url, ["contact.user.updated"]);
        harness.Workspace.UpdateContact(ada.Id, c => c.TagIds.UnionWith(tags.Select(t => t.Id)));
        var notification = (await receiver.TakeAsync(1)).Single().Text;

        var imported = await harness.OpenStoreAsync("imported");
        harness.Simulator.Stats.Reset();
        await harness.ImportAsync(imported);
        var importCalls = CallsToComplete(harness.Simulator.Stats);

        var webhooked = await harness.OpenStoreAsync("webhooked");
        await webhooked.Inbox.AppendToInboxAsync(InboxEntry.From(IntercomNotification.Parse(Encoding.UTF8.GetBytes(notification)), notification), Token);
        harness.Simulator.Stats.Reset();
        var settings = IntercomIntegrationSettings.Default with { ImportUsersAndCompanies = true };
        await webhooked.Create<IntercomWebhookApplier>(TimeProvider.System)
            .DrainAsync(new WebhookApplyContext(settings, harness.Workspace.AppId, harness.Client()), Token);
        var webhookCalls = CallsToComplete(harness.Simulator.Stats);

        var fromImport = await StoredAsync(harness.DatabasePath("imported"), ada.Id);
        var fromWebhook = await StoredAsync(harness.DatabasePath("webhooked"), ada.Id);
        fromImport.Companies.Count.ShouldBe(12, "the companies past the inline ten were read");
        fromImport.Tags.ShouldBe(["beta", "vip"], "tags are stored by name");
        fromWebhook.ShouldBeEquivalentTo(fromImport);
        importCalls.ShouldBe((1, 1), "the import reads the contact's companies once and the tag list once");
        webhookCalls.ShouldBe((1, 1), "so does the webhook");
    }

    private static (long Companies, long Tags) CallsToComplete(SimulatorStats stats) =>
        (stats.RequestsTo("GET /contacts/{contact_id}/companies"), stats.RequestsTo("GET /tags"));

    /// <summary>The contact as a SQL client sees it: its row (but when and by which run it was written), companies and tags.</summary>
    private static async Task<StoredContact> StoredAsync(string database, string contactId)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        var row = await connection.QuerySingleAsync<string>(
            """
            SELECT json_array(external_id, email, name, source_created_at, source_updated_at, last_seen_at, custom_attributes, raw, content_hash)
            FROM source_contacts WHERE source_id = @contactId
            """, new { contactId });
        var companies = await connection.QueryAsync<string>(
            "SELECT company_source_id FROM source_contact_companies WHERE contact_source_id = @contactId ORDER BY 1", new { contactId });
        var tags = await connection.QueryAsync<string>(
            "SELECT tag FROM source_contact_tags WHERE contact_source_id = @contactId ORDER BY 1", new { contactId });
        return new StoredContact(row, [.. companies], [.. tags]);
    }

    private sealed record StoredContact(string Row, List<string> Companies, List<string> Tags);
}

using Microsoft.Extensions.DependencyInjection;
using Rapport.IntercomSimulator;
using Rapport.Application.Model;
using Rapport.Web;
using Spectre.Console;
using Rapport.Hub.Events;

namespace Rapport.Cli;

/// <summary>
/// The demo's account model: traits a billing system would have written to Intercom (MRR, the owner's user id; the
/// seeded workspace already has trial end dates on some companies), a burst of live product events, and a definitions
/// document over both, so every card on an account page has real values.
/// </summary>
internal static class DemoModel
{
    internal static readonly string[] Events = ["signed-in", "created-report", "invited-teammate", "created-api-key"];

    internal const string Definitions =
        """
        {
          "mrr": { "trait": "intercom.mrr", "currency": "USD" },
          "type": { "trialEndTrait": "intercom.trial_ends_at", "trialQualification": "user_count >= 2" },
          "owner": { "trait": "intercom.owner_user_id" },
          "elements": [
            { "name": "API keys", "add": ["created-api-key"] },
            { "name": "Teammates invited", "add": ["invited-teammate"] }
          ],
          "metrics": [
            { "name": "Reports", "numerator": { "events": "created-report" }, "windowDays": 30, "createdAt": "2020-01-01" },
            { "name": "ActiveUsers", "numerator": { "users": "signed-in" }, "windowDays": 7, "createdAt": "2020-01-01" },
            { "name": "ReportsPerUser", "numerator": { "events": "created-report" }, "denominator": { "field": "user_count" }, "windowDays": 30, "createdAt": "2020-01-01" }
          ],
          "indicators": [
            { "name": "Churn Risk", "kind": "risk", "rule": "metrics.ActiveUsers = 0 and type = subscribed" },
            { "name": "Expansion opportunity", "kind": "opportunity", "rule": "metrics.Reports >= 3" }
          ],
          "segments": [
            { "name": "Enterprise", "rule": "plan = Enterprise" },
            { "name": "High value", "rule": "mrr >= 750" }
          ],
          "healthScores": [
            { "name": "Engagement", "weight": 2, "whenMissing": "skip", "conditions": [
              { "name": "Active users", "healthy": "metrics.ActiveUsers >= 2", "concerning": "metrics.ActiveUsers >= 1" },
              { "name": "Reports", "healthy": "metrics.Reports >= 3", "concerning": "metrics.Reports >= 1" } ] },
            { "name": "Recency", "whenMissing": "poor", "conditions": [
              { "name": "Last seen", "healthy": "days_since_last_seen <= 7", "concerning": "days_since_last_seen <= 30" } ] }
          ]
        }
        """;

    /// <summary>Before the import: each company with users gets an MRR and an owner among its users.</summary>
    public static void SeedTraits(IntercomSimulatorServer simulator)
    {
        var users = simulator.Workspace.Contacts.Where(c => c.Role == "user" && c.ExternalId is not null).ToList();
        foreach (var company in simulator.Workspace.Companies)
        {
            var owner = users.FirstOrDefault(u => u.CompanyIds.Contains(company.Id));
            simulator.Workspace.UpdateCompany(company.Id, c =>
            {
                if (c.MonthlySpend is { } spend and > 0)
                    c.CustomAttributes["mrr"] = spend;
                if (owner is not null)
                    c.CustomAttributes["owner_user_id"] = owner.ExternalId;
            });
        }
    }

    /// <summary>
    /// After webhooks are on: a few users act in the product (delivered as <c>event.created</c> webhooks), then the
    /// definitions are saved the way Settings → Metrics saves them, which recomputes every account.
    /// </summary>
    public static async Task DefineAsync(IAnsiConsole console, RapportWebApp app, IntercomSimulatorServer simulator, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        var random = new Random(7);
        var users = simulator.Workspace.Contacts.Where(c => c.Role == "user" && c.ExternalId is not null && c.CompanyIds.Count > 0).Take(200).ToList();
        for (var i = 0; i < users.Count; i++)
        {
            foreach (var name in Events.Where((_, n) => n == 0 || random.Next(3) == 0))
                simulator.Workspace.TrackEvent(users[i].Id, name, now.AddSeconds(1 + (i % 50)));
        }

        var store = app.Services.GetRequiredService<IEventStore>();
        for (var waited = 0; waited < 100 && (await store.ListEventNamesAsync(cancellationToken)).Count < Events.Length; waited++)
            await Task.Delay(100, cancellationToken);

        var result = await app.Services.GetRequiredService<AccountModelService>().SaveAsync(Definitions, "rapport demo", cancellationToken);
        if (result.Succeeded)
            console.MarkupLineInterpolated($"Account model: MRR, type, elements, metrics, indicators, segments and health computed for {result.AccountsComputed:N0} accounts (Settings → Metrics).");
        else
            console.MarkupLineInterpolated($"[yellow]The demo's account model was not saved:[/] {string.Join("; ", result.Problems)}");
    }
}

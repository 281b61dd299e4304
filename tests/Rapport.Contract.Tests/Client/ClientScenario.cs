using Rapport.Intercom;
using Rapport.IntercomSimulator;

namespace Rapport.Contract.Tests.Client;

/// <summary>
/// Calls every public method of <see cref="IntercomClient"/> against the simulator, the error paths included. The ids come
/// from the simulator's own data, so one listing the client fails to parse does not keep the other calls off the contract.
/// </summary>
internal sealed partial class ClientScenario(IntercomClient client, SimulatorWorkspace workspace, TimeProvider time)
{
    private readonly List<string> _failures = [];

    /// <summary>Steps that threw: a client and a simulator that disagree can break parsing before any contract check.</summary>
    public IReadOnlyList<string> Failures => _failures;

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await StepAsync("GetMeAsync", () => client.GetMeAsync(cancellationToken));
        await StepAsync("ListSegmentsAsync", () => client.ListSegmentsAsync(includeCount: true, cancellationToken));
        await StepAsync("ListSegmentsAsync", () => client.ListSegmentsAsync(includeCount: false, cancellationToken));
        await StepAsync("ListTagsAsync", () => client.ListTagsAsync(cancellationToken));
        await StepAsync("ListAdminsAsync", () => client.ListAdminsAsync(cancellationToken));
        await StepAsync("ListDataAttributesAsync", () => client.ListDataAttributesAsync("company", cancellationToken));
        await StepAsync("ListDataAttributesAsync", () => client.ListDataAttributesAsync("contact", cancellationToken));
        await StepAsync("CreateDataAttributeAsync", () => client.CreateDataAttributeAsync(
            new IntercomDataAttributeCreate { Name = "contract_health", Model = "company", DataType = "string", Description = "Set by the contract tests" },
            cancellationToken));
        await StepAsync("CreateDataAttributeAsync", () => client.CreateDataAttributeAsync(
            new IntercomDataAttributeCreate { Name = "contract_tier", Model = "contact", DataType = "options", Options = ["gold", "silver"] },
            cancellationToken));
        IntercomDataAttribute? retired = null;
        await StepAsync("CreateDataAttributeAsync", async () => retired = await client.CreateDataAttributeAsync(
            new IntercomDataAttributeCreate { Name = "contract_retired", Model = "company", DataType = "integer" }, cancellationToken));
        await StepAsync("UpdateDataAttributeAsync", () => client.UpdateDataAttributeAsync(
            retired?.Id ?? 0, new IntercomDataAttributeUpdate { Description = "Retired by the contract tests", Archived = true }, cancellationToken));
        await StepAsync("UpdateDataAttributeAsync", async () =>
        {
            try
            {
                await client.UpdateDataAttributeAsync(999_999_999, new IntercomDataAttributeUpdate { Archived = true }, cancellationToken);
                throw new InvalidOperationException("archived a data attribute that does not exist");
            }
            catch (IntercomNotFoundException)
            {
                return 0;
            }
        });

        await StepAsync("ScrollCompaniesAsync", () => AllAsync(client.ScrollCompaniesAsync(cancellationToken), cancellationToken));
        await StepAsync("ListCompaniesAsync", () => AllAsync(client.ListCompaniesAsync(perPage: 25, cancellationToken), cancellationToken));
        await CompaniesAsync(workspace.Companies.First(c => c.CompanyId is not null && c.UserCount > 0), cancellationToken);

        await StepAsync("ListContactsAsync", () => AllAsync(client.ListContactsAsync(cancellationToken: cancellationToken), cancellationToken));
        await StepAsync("SearchContactsAsync", () => AllAsync(
            client.SearchContactsAsync(
                IntercomSearchQuery.And(
                    IntercomSearchQuery.Filter("role", "IN", new[] { "user", "lead" }),
                    IntercomSearchQuery.UpdatedAfter(time.GetUtcNow().AddDays(-365))),
                cancellationToken: cancellationToken),
            cancellationToken));
        await StepAsync("SearchContactsAsync", () => AllAsync(
            client.SearchContactsAsync(IntercomSearchQuery.Filter("role", "=", "user"), cancellationToken: cancellationToken),
            cancellationToken));
        await ContactsAsync(workspace.Contacts.First(c => c.Role == "user" && c.CompanyIds.Count > 0), cancellationToken);
        await ConversationsAsync(cancellationToken);
        await MessagingAsync(cancellationToken);
        await EventsAsync(workspace.Contacts.First(c => c.Role == "user" && c.ExternalId is not null && c.Email is not null), cancellationToken);
    }

    private async Task ConversationsAsync(CancellationToken cancellationToken)
    {
        await StepAsync("ListConversationsAsync", () => AllAsync(client.ListConversationsAsync(perPage: 40, cancellationToken: cancellationToken), cancellationToken));
        await StepAsync("SearchConversationsAsync", () => AllAsync(
            client.SearchConversationsAsync(time.GetUtcNow().AddDays(-30), perPage: 25, cancellationToken: cancellationToken), cancellationToken));
        await StepAsync("SearchConversationsAsync", () => AllAsync(
            client.SearchConversationsAsync(
                IntercomSearchQuery.And(
                    IntercomSearchQuery.Filter("source.delivered_as", "=", "customer_initiated"),
                    IntercomSearchQuery.Filter("open", "=", true)),
                cancellationToken: cancellationToken),
            cancellationToken));
        var longest = workspace.Conversations.MaxBy(c => c.Parts.Count)!;
        await StepAsync("GetConversationAsync", () => client.GetConversationAsync(longest.Id, cancellationToken: cancellationToken));
        await StepAsync("GetConversationAsync", () => client.GetConversationAsync(workspace.Conversations.First(c => c.Ticket is not null).Id, plainText: true, cancellationToken));
    }

    private async Task EventsAsync(SimulatedContact user, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 3; i++)
        {
            var n = i;
            await StepAsync("CreateEventAsync", async () =>
            {
                await client.CreateEventAsync(
                    new IntercomDataEventCreate
                    {
                        EventName = "contract-event",
                        CreatedAt = time.GetUtcNow().AddMinutes(-n),
                        UserId = n == 0 ? user.ExternalId : null,
                        Id = n == 1 ? user.Id : null,
                        Email = n == 2 ? user.Email : null,
                        Metadata = new Dictionary<string, string> { ["plan"] = "pro" },
                    },
                    cancellationToken);
                return 0;
            });
        }

        await StepAsync("ListUserEventsAsync", () => AllAsync(client.ListUserEventsAsync(IntercomEventUser.ByIntercomId(user.Id), perPage: 2, cancellationToken), cancellationToken));
        await StepAsync("ListUserEventsAsync", () => AllAsync(client.ListUserEventsAsync(IntercomEventUser.ByUserId(user.ExternalId!), cancellationToken: cancellationToken), cancellationToken));
        await StepAsync("ListUserEventsAsync", () => AllAsync(client.ListUserEventsAsync(IntercomEventUser.ByEmail(user.Email!), cancellationToken: cancellationToken), cancellationToken));
        await StepAsync("GetUserEventSummariesAsync", () => client.GetUserEventSummariesAsync(IntercomEventUser.ByIntercomId(user.Id), cancellationToken));
    }

    private async Task CompaniesAsync(SimulatedCompany company, CancellationToken cancellationToken)
    {
        await StepAsync("GetCompanyAsync", () => client.GetCompanyAsync(company.Id, cancellationToken));
        await StepAsync("FindCompanyByCompanyIdAsync", () => client.FindCompanyByCompanyIdAsync(company.CompanyId!, cancellationToken));
        await StepAsync("FindCompanyByCompanyIdAsync", async () =>
            await client.FindCompanyByCompanyIdAsync("no-such-company", cancellationToken) is null ? 0 : throw new InvalidOperationException("found a company that does not exist"));
        await StepAsync("GetCompanyAsync", async () =>
        {
            try
            {
                await client.GetCompanyAsync("000000000000000000000000", cancellationToken);
                throw new InvalidOperationException("got a company that does not exist");
            }
            catch (IntercomNotFoundException)
            {
                return 0;
            }
        });
        await StepAsync("UpdateCompanyAsync", () => client.UpdateCompanyAsync(
            company.Id,
            new IntercomCompanyUpdate
            {
                Name = "Contract Co",
                Plan = "pro",
                Size = 42,
                Website = "https://contract.example",
                Industry = "Software",
                MonthlySpend = 1200,
                CustomAttributes = new Dictionary<string, object?> { ["contract_health"] = "green" },
            },
            cancellationToken));
    }

    private async Task ContactsAsync(SimulatedContact contact, CancellationToken cancellationToken)
    {
        await StepAsync("GetContactAsync", () => client.GetContactAsync(contact.Id, cancellationToken));
        await StepAsync("ListContactCompaniesAsync", () => AllAsync(client.ListContactCompaniesAsync(contact.Id, cancellationToken), cancellationToken));
        await StepAsync("UpdateContactAsync", () => client.UpdateContactAsync(
            contact.Id,
            new IntercomContactUpdate
            {
                Name = "Contract Person",
                Phone = "+15555550100",
                LastSeenAt = time.GetUtcNow().AddHours(-1),
                UnsubscribedFromEmails = false,
                CustomAttributes = new Dictionary<string, object?> { ["contract_tier"] = "gold" },
            },
            cancellationToken));
    }

    private async Task<T?> StepAsync<T>(string method, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _failures.Add($"{method}: {exception.GetType().Name}: {exception.Message}");
            return default;
        }
    }

    private static async Task<List<T>> AllAsync<T>(IAsyncEnumerable<IntercomPage<T>> pages, CancellationToken cancellationToken) =>
        [.. (await pages.ToListAsync(cancellationToken)).SelectMany(p => p.Items)];

    private static Task<List<T>> AllAsync<T>(IAsyncEnumerable<T> items, CancellationToken cancellationToken) =>
        items.ToListAsync(cancellationToken).AsTask();
}

using Rapport.Contract.Tests.OpenApi;

namespace Rapport.Contract.Tests.Client;

/// <summary>
/// Every public I/O method of <c>IntercomClient</c> and the spec operations it sends. A method missing here fails
/// <c>ClientContractSpecs.Every_public_client_method_is_mapped_to_its_spec_operations</c>, so new client code cannot
/// escape the contract.
/// </summary>
internal static class ClientOperations
{
    public static readonly IReadOnlyDictionary<string, OperationKey[]> ByMethod = new Dictionary<string, OperationKey[]>(StringComparer.Ordinal)
    {
        ["GetMeAsync"] = [Get("/me")],
        ["ScrollCompaniesAsync"] = [Get("/companies/scroll")],
        ["ListCompaniesAsync"] = [Post("/companies/list")],
        ["GetCompanyAsync"] = [Get("/companies/{company_id}")],
        ["FindCompanyByCompanyIdAsync"] = [Get("/companies")],
        ["UpdateCompanyAsync"] = [Put("/companies/{company_id}")],
        ["ListContactsAsync"] = [Get("/contacts")],
        ["SearchContactsAsync"] = [Post("/contacts/search")],
        ["GetContactAsync"] = [Get("/contacts/{contact_id}")],
        ["ListContactCompaniesAsync"] = [Get("/contacts/{contact_id}/companies")],
        ["UpdateContactAsync"] = [Put("/contacts/{contact_id}")],
        ["ListSegmentsAsync"] = [Get("/segments")],
        ["ListTagsAsync"] = [Get("/tags")],
        ["ListAdminsAsync"] = [Get("/admins")],
        ["ListDataAttributesAsync"] = [Get("/data_attributes")],
        ["CreateDataAttributeAsync"] = [Post("/data_attributes")],
        ["UpdateDataAttributeAsync"] = [Put("/data_attributes/{data_attribute_id}")],
        ["ListConversationsAsync"] = [Get("/conversations")],
        ["SearchConversationsAsync"] = [Post("/conversations/search")],
        ["GetConversationAsync"] = [Get("/conversations/{conversation_id}")],
        ["ReplyToConversationAsync"] = [Post("/conversations/{conversation_id}/reply")],
        ["CreateMessageAsync"] = [Post("/messages")],
        ["ListUserEventsAsync"] = [Get("/events")],
        ["GetUserEventSummariesAsync"] = [Get("/events")],
        ["CreateEventAsync"] = [Post("/events")],
    };

    public static IEnumerable<OperationKey> All => ByMethod.Values.SelectMany(o => o).Distinct();

    private static OperationKey Get(string template) => new(HttpMethod.Get, template);

    private static OperationKey Post(string template) => new(HttpMethod.Post, template);

    private static OperationKey Put(string template) => new(HttpMethod.Put, template);
}

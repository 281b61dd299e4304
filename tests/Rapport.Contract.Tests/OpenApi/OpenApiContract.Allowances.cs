using Microsoft.OpenApi;

namespace Rapport.Contract.Tests.OpenApi;

internal sealed partial class OpenApiContract
{
    private static readonly OpenApiSchema PageNumber = new() { Type = JsonSchemaType.Integer, Minimum = "1" };
    private static readonly OpenApiSchema Cursor = new() { Type = JsonSchemaType.String, MinLength = 1 };

    /// <summary>
    /// Query parameters Intercom documents outside the 2.16 declarations. Kept short on purpose: each entry names
    /// where Intercom documents the parameter, and its value is still type-checked.
    /// </summary>
    private static readonly Dictionary<OperationKey, Dictionary<string, IOpenApiSchema>> UndeclaredQueryParameters = new()
    {
        // The 2.16 text says "default 50 per page" and points to starting_after, but declares neither (2.11 did).
        // per_page max 150 (Intercom's cursor pagination page):
        // https://developers.intercom.com/docs/references/2.2/rest-api/common-structures/pagination-cursor
        [new(HttpMethod.Get, "/contacts")] = new()
        {
            ["per_page"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = "150" },
            ["starting_after"] = Cursor,
        },

        // 2.14 dropped the paging parameters that 2.11 declared on the company/contact sub-lists.
        [new(HttpMethod.Get, "/companies/{company_id}/contacts")] = new() { ["page"] = PageNumber, ["per_page"] = PageNumber },
        [new(HttpMethod.Get, "/contacts/{contact_id}/companies")] = new() { ["page"] = PageNumber, ["per_page"] = PageNumber },

        // per_page is in the 2.16 text of GET /events and was declared in 2.11. The next page is an opaque
        // URL (spec example "pages": {"next": "http://api.intercom.test/events?next page"}), followed as given: the
        // simulator's carries page.
        [new(HttpMethod.Get, "/events")] = new() { ["per_page"] = PageNumber, ["page"] = PageNumber },
    };

    /// <summary>
    /// Statuses Intercom documents for every endpoint, whatever the operation declares: 429 from rate limiting
    /// (https://developers.intercom.com/docs/references/rest-api/errors/rate-limiting) and 5xx
    /// (https://developers.intercom.com/docs/references/rest-api/errors/http-responses).
    /// Their bodies must still be an error list.
    /// </summary>
    private static bool IsDocumentedForEveryEndpoint(int status) => status is 429 or (>= 500 and <= 599);
}

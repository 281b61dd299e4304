using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Rapport.Intercom.Json;

namespace Rapport.Intercom;

public sealed partial class IntercomClient
{
    /// <summary>
    /// GET /contacts with <c>per_page</c> (<see cref="IntercomClientOptions.ContactsPageSize"/>) and the
    /// <c>starting_after</c> cursor, the cheapest full read: one call per page (Intercom's API reference, "List all
    /// contacts"). Pass a page's <see cref="IntercomPage{T}.NextCursor"/> to resume.
    /// </summary>
    public IAsyncEnumerable<IntercomPage<IntercomContact>> ListContactsAsync(string? startingAfter = null, CancellationToken cancellationToken = default) =>
        PageByCursorAsync(
            cursor => (HttpMethod.Get, ContactsPath(cursor), null),
            startingAfter,
            ParseCursorPage,
            cancellationToken);

    /// <summary>
    /// POST /contacts/search, following <c>pages.next.starting_after</c>. Date filters match by calendar day in the workspace's
    /// timezone (see <see cref="IntercomSearchQuery.UpdatedAfter"/>); newly created contacts can take minutes to be searchable.
    /// </summary>
    public IAsyncEnumerable<IntercomPage<IntercomContact>> SearchContactsAsync(IntercomSearchQuery query, string? startingAfter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return PageByCursorAsync(
            cursor => (HttpMethod.Post, "contacts/search", IntercomRequestBodies.ContactSearch(query, _options.ContactsPageSize, cursor)),
            startingAfter,
            ParseCursorPage,
            cancellationToken);
    }

    /// <summary>GET /contacts/{id}. A merged contact answers 410 (an <see cref="IntercomApiException"/> with status Gone).</summary>
    public Task<IntercomContact> GetContactAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return GetAsync($"contacts/{Escape(id)}", IntercomContact.Parse, cancellationToken);
    }

    /// <summary>PUT /contacts/{id}; idempotent, so retried like a read.</summary>
    public Task<IntercomContact> UpdateContactAsync(string id, IntercomContactUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(update);
        var body = JsonSerializer.SerializeToUtf8Bytes(update, IntercomJsonContext.Default.IntercomContactUpdate);
        return SendAsync(HttpMethod.Put, $"contacts/{Escape(id)}", body, idempotent: true, IntercomContact.Parse, cancellationToken);
    }

    /// <summary>
    /// GET /contacts/{id}/companies, every page (full company objects): the contact itself carries at most 10 inline.
    /// </summary>
    public async IAsyncEnumerable<IntercomCompany> ListContactCompaniesAsync(string contactId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        string? path = $"contacts/{Escape(contactId)}/companies";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (path is not null && seen.Add(path))
        {
            var (companies, next) = await GetAsync(path, ParseAttachedCompanies, cancellationToken).ConfigureAwait(false);
            foreach (var company in companies)
            {
                yield return company;
            }

            path = companies.Count == 0 ? null : next;
        }
    }

    /// <summary>
    /// Follows a <c>starting_after</c> cursor (contacts and conversations, list and search alike) until a page is empty, has
    /// no next cursor, or repeats its own cursor.
    /// </summary>
    private async IAsyncEnumerable<IntercomPage<T>> PageByCursorAsync<T>(
        Func<string?, (HttpMethod Method, string Path, byte[]? Body)> request,
        string? startingAfter,
        Func<JsonElement, IntercomPage<T>> parse,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = startingAfter;
        while (true)
        {
            var (method, path, body) = request(cursor);
            var page = await SendAsync(method, path, body, idempotent: true, parse, cancellationToken).ConfigureAwait(false);
            if (page.Items.Count > 0)
            {
                yield return page;
            }

            if (page.Items.Count == 0 || page.NextCursor is null || page.NextCursor == cursor)
            {
                yield break;
            }

            cursor = page.NextCursor;
        }
    }

    private string ContactsPath(string? startingAfter) => startingAfter is null
        ? string.Create(CultureInfo.InvariantCulture, $"contacts?per_page={_options.ContactsPageSize}")
        : string.Create(CultureInfo.InvariantCulture, $"contacts?per_page={_options.ContactsPageSize}&starting_after={Escape(startingAfter)}");

    // spec 2.16 contact_list: {data[], total_count, pages {next {starting_after}}}
    private static IntercomPage<IntercomContact> ParseCursorPage(JsonElement root) => new(
        Items(root, IntercomContact.Parse, "data"),
        root.GetObject("pages").GetObject("next").GetString("starting_after"),
        root.GetInt32("total_count"));

    // spec 2.16 contact_attached_companies: {companies[], pages {next: uri|null}}; the spec's own example names the array "data".
    private (IReadOnlyList<IntercomCompany> Companies, string? Next) ParseAttachedCompanies(JsonElement root)
    {
        var companies = Items(root, IntercomCompany.Parse, "companies", "data");
        var next = root.GetObject("pages").GetString("next");
        return (companies, next is null ? null : RelativeToBase(next));
    }

    private string? RelativeToBase(string next)
    {
        if (!Uri.TryCreate(next, UriKind.RelativeOrAbsolute, out var uri))
        {
            return null;
        }

        var pathAndQuery = uri.IsAbsoluteUri ? uri.PathAndQuery : next;
        var basePath = _options.ApiBase.AbsolutePath;
        if (pathAndQuery.StartsWith(basePath, StringComparison.Ordinal))
        {
            return pathAndQuery[basePath.Length..];
        }

        return pathAndQuery.TrimStart('/');
    }
}

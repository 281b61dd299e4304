using System.Text.Json;

namespace Rapport.IntercomSimulator.Http;

/// <summary>The spec's <c>cursor_pages</c> object, used by both the page-numbered and the cursor lists.</summary>
internal static class PagesJson
{
    /// <summary>Page-numbered lists (GET /companies, POST /companies/list). The spec types <c>next</c> as
    /// <c>starting_after_paging</c>, not a URL; we send it with the next page number so both "is there a next?" and
    /// "page + 1" clients work, and null on the last page as the spec example does.</summary>
    public static void WritePageNumbers(Utf8JsonWriter w, int page, int perPage, int total)
    {
        var totalPages = perPage == 0 ? 0 : (total + perPage - 1) / perPage;
        w.WriteStartObject("pages");
        w.WriteString("type", "pages");
        if (page < totalPages)
        {
            w.WriteStartObject("next");
            w.WriteNumber("page", page + 1);
            w.WriteNumber("per_page", perPage);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("next");
        }

        w.WriteNumber("page", page);
        w.WriteNumber("per_page", perPage);
        w.WriteNumber("total_pages", totalPages);
        w.WriteEndObject();
    }

    /// <summary>Cursor lists (GET /contacts, POST /contacts/search): <c>next.starting_after</c> only when more remain.</summary>
    public static void WriteCursor(Utf8JsonWriter w, int page, int perPage, int total, string? nextCursor)
    {
        w.WriteStartObject("pages");
        w.WriteString("type", "pages");
        if (nextCursor is not null)
        {
            w.WriteStartObject("next");
            w.WriteNumber("per_page", perPage);
            w.WriteString("starting_after", nextCursor);
            w.WriteEndObject();
        }

        w.WriteNumber("page", page);
        w.WriteNumber("per_page", perPage);
        w.WriteNumber("total_pages", perPage == 0 ? 0 : (total + perPage - 1) / perPage);
        w.WriteEndObject();
    }
}

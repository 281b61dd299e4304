namespace Rapport.Intercom;

/// <summary>
/// A company scroll broke mid-way (error, timeout, or its <c>scroll_param</c> expired after a minute unused). Intercom cannot
/// resume a scroll, only restart it (https://developers.intercom.com/docs/references/rest-api/api.intercom.io/companies/scrolloverallcompanies):
/// whether to start again from the beginning is the caller's decision.
/// </summary>
public sealed class IntercomScrollExpiredException(int pagesRead, Exception innerException)
    : IntercomException($"The Intercom company scroll broke after {pagesRead} page(s) and cannot be resumed; restart it from the beginning ({innerException.Message})", innerException)
{
    public int PagesRead { get; } = pagesRead;
}

using System.Net;

namespace Rapport.Intercom;

/// <summary>
/// Intercom answered with an error status. Body shape (spec 2.16 <c>components.schemas.error</c>):
/// <c>{"type":"error.list","request_id":"…","errors":[{"code":"…","message":"…"}]}</c>.
/// </summary>
public class IntercomApiException : IntercomException
{
    public IntercomApiException(IntercomErrorDetails details)
        : base(details.Describe())
    {
        ArgumentNullException.ThrowIfNull(details);
        StatusCode = details.StatusCode;
        ErrorCode = details.ErrorCode;
        ErrorMessage = details.ErrorMessage;
        RequestId = details.RequestId;
        Body = details.Body;
        Endpoint = details.Endpoint;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The first error's <c>code</c>, e.g. <c>company_not_found</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The first error's <c>message</c>, as Intercom wrote it.</summary>
    public string? ErrorMessage { get; }

    /// <summary>Intercom's <c>request_id</c>: quote it to Intercom support.</summary>
    public string? RequestId { get; }

    /// <summary>The response body as received.</summary>
    public string Body { get; }

    /// <summary>Method and path, e.g. <c>GET /contacts/abc</c>.</summary>
    public string Endpoint { get; }
}

/// <summary>What an Intercom error response said.</summary>
public sealed record IntercomErrorDetails(
    HttpStatusCode StatusCode,
    string Endpoint,
    string? ErrorCode,
    string? ErrorMessage,
    string? RequestId,
    string Body)
{
    internal string Describe()
    {
        var what = (ErrorCode, ErrorMessage) switch
        {
            (null, null) => "",
            (_, null) => $" {ErrorCode}",
            (null, _) => $": {ErrorMessage}",
            _ => $" {ErrorCode}: {ErrorMessage}",
        };
        var request = RequestId is null ? "" : $" (request {RequestId})";
        return $"Intercom {Endpoint} failed with {(int)StatusCode}{what}{request}";
    }
}

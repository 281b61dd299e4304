using System.Net.Http.Headers;

namespace Rapport.Contract.Tests.OpenApi;

/// <summary>One request and its response, as they went over the wire.</summary>
internal sealed record HttpExchange(
    HttpMethod Method,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> RequestHeaders,
    string? RequestBody,
    int StatusCode,
    IReadOnlyDictionary<string, string> ResponseHeaders,
    string? ResponseBody)
{
    public string Path => PathAndQuery.Split('?', 2)[0];

    public string Query => PathAndQuery.Split('?', 2) is [_, var query] ? query : "";

    public string? RequestHeader(string name) => RequestHeaders.GetValueOrDefault(name);

    public string? ResponseHeader(string name) => ResponseHeaders.GetValueOrDefault(name);

    /// <summary>Reads both bodies into memory, so the caller can still read the response afterwards.</summary>
    public static async Task<HttpExchange> CaptureAsync(
        HttpRequestMessage request,
        HttpResponseMessage response,
        string? requestBody,
        CancellationToken cancellationToken = default)
    {
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var responseBody = await response.Content.ReadAsStringAsync(cancellationToken);
        return new HttpExchange(
            request.Method,
            request.RequestUri is { IsAbsoluteUri: true } uri ? uri.PathAndQuery : request.RequestUri?.OriginalString ?? "/",
            Flatten(request.Headers, request.Content?.Headers),
            requestBody,
            (int)response.StatusCode,
            Flatten(response.Headers, response.Content.Headers),
            responseBody);
    }

    /// <summary>Buffers the request body so it can be read here and still be sent.</summary>
    public static async Task<string?> ReadRequestBodyAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        if (request.Content is null)
        {
            return null;
        }

        await request.Content.LoadIntoBufferAsync(cancellationToken);
        return await request.Content.ReadAsStringAsync(cancellationToken);
    }

    private static Dictionary<string, string> Flatten(HttpHeaders headers, HttpHeaders? contentHeaders)
    {
        var flat = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers.NonValidated)
        {
            flat[name] = string.Join(", ", values);
        }

        if (contentHeaders is not null)
        {
            foreach (var (name, values) in contentHeaders.NonValidated)
            {
                flat[name] = string.Join(", ", values);
            }
        }

        return flat;
    }
}

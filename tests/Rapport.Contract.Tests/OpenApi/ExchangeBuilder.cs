namespace Rapport.Contract.Tests.OpenApi;

/// <summary>Hand-made exchanges for the validator's own specs: a bearer token and JSON content types unless told otherwise.</summary>
internal static class ExchangeBuilder
{
    public static HttpExchange Exchange(
        string method,
        string pathAndQuery,
        int status,
        string? responseBody = null,
        string? requestBody = null,
        IReadOnlyDictionary<string, string>? requestHeaders = null,
        string responseContentType = "application/json")
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Authorization"] = "Bearer test_token",
            ["Accept"] = "application/json",
        };
        if (requestBody is not null)
        {
            headers["Content-Type"] = "application/json; charset=utf-8";
        }

        foreach (var (name, value) in requestHeaders ?? new Dictionary<string, string>())
        {
            if (value.Length == 0)
            {
                headers.Remove(name);
            }
            else
            {
                headers[name] = value;
            }
        }

        var responseHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (responseBody is not null)
        {
            responseHeaders["Content-Type"] = responseContentType;
        }

        return new HttpExchange(new HttpMethod(method), pathAndQuery, headers, requestBody, status, responseHeaders, responseBody);
    }
}

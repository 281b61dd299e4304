using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Rapport.Contract.Tests.OpenApi;

namespace Rapport.Contract.Tests.Simulator;

/// <summary>Plain HTTP to the simulator, as any Intercom integration would send it; keeps every exchange.</summary>
internal sealed class RawApi(Uri baseAddress, string token = "sim_token") : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    public List<HttpExchange> Exchanges { get; } = [];

    public async Task<(HttpExchange Exchange, JsonElement Json)> SendAsync(
        HttpMethod method,
        string pathAndQuery,
        string? body = null,
        string? bearer = null,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer ?? token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("Intercom-Version", "2.16");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var exchange = await HttpExchange.CaptureAsync(request, response, body, cancellationToken);
        Exchanges.Add(exchange);
        var json = string.IsNullOrWhiteSpace(exchange.ResponseBody) ? default : ParseOrDefault(exchange.ResponseBody);
        return (exchange, json);
    }

    public Task<(HttpExchange Exchange, JsonElement Json)> GetAsync(string pathAndQuery, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, pathAndQuery, cancellationToken: cancellationToken);

    /// <summary>The simulator's own control API (<c>/_simulator/...</c>): not Intercom's, so not recorded.</summary>
    public async Task ControlAsync(HttpMethod method, string path, string body, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();

    private static JsonElement ParseOrDefault(string text)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }
}

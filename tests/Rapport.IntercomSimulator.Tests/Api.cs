using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Rapport.IntercomSimulator.Tests;

/// <summary>A raw HttpClient over loopback against a started simulator; answers are parsed JSON plus status and headers.</summary>
internal sealed class Api(IntercomSimulatorServer server, string? token = "sim_token") : IDisposable
{
    private readonly HttpClient _http = Create(server, token);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Task<Reply> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<Reply> PostAsync(string path, string? json = null) => SendAsync(HttpMethod.Post, path, json);

    public Task<Reply> PutAsync(string path, string json) => SendAsync(HttpMethod.Put, path, json);

    public Task<Reply> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public async Task<Reply> SendAsync(HttpMethod method, string path, string? json = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (json is not null) { request.Content = new StringContent(json, Encoding.UTF8, "application/json"); }
        configure?.Invoke(request);
        using var response = await _http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new Reply(response.StatusCode, body, response.Headers, text);
    }

    public void Dispose() => _http.Dispose();

    private static HttpClient Create(IntercomSimulatorServer server, string? token)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null) { http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token); }
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return http;
    }
}

internal sealed record Reply(HttpStatusCode Status, JsonElement Body, HttpResponseHeaders Headers, string Text)
{
    public string ErrorCode => Body.GetProperty("errors")[0].GetProperty("code").GetString()!;

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? values.Single() : null;

    public IEnumerable<JsonElement> Data => Body.GetProperty("data").EnumerateArray();

    public List<string> Ids => Data.Select(d => d.GetProperty("id").GetString()!).ToList();
}

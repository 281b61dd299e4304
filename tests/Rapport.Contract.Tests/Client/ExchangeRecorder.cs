using System.Collections.Concurrent;
using Rapport.Contract.Tests.OpenApi;

namespace Rapport.Contract.Tests.Client;

/// <summary>
/// Sits in the client's handler chain (inside its rate-limit gate and retries), so every attempt that goes over the wire
/// is recorded exactly as sent and received.
/// </summary>
internal sealed class ExchangeRecorder(ConcurrentQueue<HttpExchange> exchanges) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requestBody = await HttpExchange.ReadRequestBodyAsync(request, cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        exchanges.Enqueue(await HttpExchange.CaptureAsync(request, response, requestBody, cancellationToken));
        return response;
    }
}

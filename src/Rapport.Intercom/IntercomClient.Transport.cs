using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Polly;
using Rapport.Intercom.Http;
using Rapport.Intercom.Json;

namespace Rapport.Intercom;

public sealed partial class IntercomClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private Task<T> GetAsync<T>(string path, Func<JsonElement, T> parse, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, body: null, idempotent: true, parse, cancellationToken);

    /// <summary>One call: send, read and parse inside the retry pipeline; <paramref name="parse"/> must clone what it keeps.</summary>
    private async Task<T> SendAsync<T>(HttpMethod method, string path, byte[]? body, bool idempotent, Func<JsonElement, T> parse, CancellationToken cancellationToken)
    {
        var endpoint = $"{method} /{path.Split('?', 2)[0]}";
        var pipeline = idempotent ? _retries.Idempotent : _retries.NotIdempotent;
        var log = new RetryLog();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(IntercomResilience.Log, log);
        try
        {
            return await pipeline.ExecuteAsync(
                static (context, state) => state.Client.AttemptAsync(state.Method, state.Path, state.Body, state.Endpoint, state.Parse, context.CancellationToken),
                context,
                (Client: this, Method: method, Path: path, Body: body, Endpoint: endpoint, Parse: parse)).ConfigureAwait(false);
        }
        catch (Exception exception) when ((exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested) && Translate(exception, endpoint) is { } failure)
        {
            if (log.GaveUpAt is { } gaveUp && _retries.Patience is { } patience)
            {
                throw new IntercomPatienceExceededException($"Intercom {endpoint}", log.Failures, gaveUp.FailingFor, patience, failure, gaveUp.NextDelay);
            }

            if (ReferenceEquals(failure, exception))
            {
                throw;
            }

            throw failure;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>What a failed call tells its caller: Intercom's own errors as they are, the transport's as one line; null for a bug.</summary>
    private IntercomException? Translate(Exception exception, string endpoint) => exception switch
    {
        IntercomException intercom => intercom,
        TimeoutException => new IntercomUnreachableException(_options.ApiBase, $"{endpoint} got no answer within {_options.RequestTimeout.TotalSeconds:0.#} s", exception),
        HttpRequestException => new IntercomUnreachableException(_options.ApiBase, $"{endpoint}: {exception.Message}", exception),
        IOException => new IntercomUnreachableException(_options.ApiBase, $"{endpoint}: the connection broke while reading the response ({exception.Message})", exception),
        JsonException => new IntercomInvalidResponseException(endpoint, $"malformed JSON ({exception.Message})", exception),
        OperationCanceledException => new IntercomUnreachableException(_options.ApiBase, $"{endpoint} was aborted by the HTTP stack", exception),
        _ => null,
    };

    private async ValueTask<T> AttemptAsync<T>(HttpMethod method, string path, byte[]? body, string endpoint, Func<JsonElement, T> parse, CancellationToken cancellationToken)
    {
        await _rateLimitGate.EnterAsync(cancellationToken).ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await SendOnceAsync(method, path, body, endpoint, parse, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{endpoint} timed out after {_options.RequestTimeout}.", exception);
        }
    }

    private async Task<T> SendOnceAsync<T>(HttpMethod method, string path, byte[]? body, string endpoint, Func<JsonElement, T> parse, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = JsonContentType } };
        }

        HttpResponseMessage? response = null;
        try
        {
            Statistics.AddRequestSent();
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _rateLimitGate.Exit(response);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Statistics.AddRateLimited();
                }

                throw await IntercomErrors.ReadAsync(response, endpoint, _options.ApiBase, cancellationToken).ConfigureAwait(false);
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (bytes.Length == 0)
            {
                // 202 with no body (POST /events): parsers that need an object fail on the undefined element as on bad JSON.
                return parse(default);
            }

            using var document = JsonDocument.Parse(bytes);
            try
            {
                return parse(document.RootElement);
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                throw new IntercomInvalidResponseException(endpoint, exception.Message, exception);
            }
        }
    }

    private static IReadOnlyList<T> Items<T>(JsonElement root, Func<JsonElement, T> parse, params ReadOnlySpan<string> arrayProperties) =>
        [.. root.GetArray(arrayProperties).Select(parse)];

    private static string Escape(string value) => Uri.EscapeDataString(value);
}

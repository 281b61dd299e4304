using Microsoft.AspNetCore.Http.Features;
using Rapport.IntercomSimulator.Faults;
using Rapport.IntercomSimulator.RateLimiting;

namespace Rapport.IntercomSimulator.Http;

/// <summary>What Intercom does around every API call: bearer auth, the version header, 404s as error.list,
/// the 10-second rate-limit window with its headers, plus the simulator's injected faults and counters.</summary>
internal sealed class ApiGate(SimulatorRuntime runtime) : IMiddleware
{
    // components.schemas.intercom_version.enum of the 2.16 spec.
    private static readonly HashSet<string> Versions =
        ["1.0", "1.1", "1.2", "1.3", "1.4", "2.0", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "2.10", "2.11", "2.12", "2.13", "2.14", "2.15", "2.16"];

    private readonly string _expectedAuthorization = "Bearer " + runtime.Options.AccessToken;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/_simulator"))
        {
            await next(context);
            return;
        }

        var endpoint = context.GetEndpoint() as RouteEndpoint;
        var isApi = endpoint?.Metadata.GetMetadata<ApiRoute>() is not null;
        var isPublic = endpoint?.Metadata.GetMetadata<PublicRoute>() is not null;
        runtime.Stats.CountRequest(isApi || isPublic ? $"{context.Request.Method} {endpoint!.RoutePattern.RawText}" : $"{context.Request.Method} (unmatched)");
        if (isPublic)
        {
            await RunAsync(context, next);
            return;
        }

        // Rate-limit headers go on authenticated responses only (Intercom's rate limiting page).
        if (!IsAuthorized(context.Request.Headers.Authorization.ToString()))
        {
            await JsonBody.Error(401, "unauthorized", "Access Token Invalid").ExecuteAsync(context);
            return;
        }

        var fault = runtime.Faults.Take(context.Request.Path.Value ?? "/");
        if (fault is not null) { runtime.Stats.CountFault(); }
        switch (fault?.Kind)
        {
            case FaultKind.DropConnection:
                context.Abort();
                return;
            case FaultKind.RateLimit:
                await RejectAsync(context, runtime.RateLimit.Take(consume: false) ?? new(false, 1, 0, NextWindow()));
                return;
            case FaultKind.ServerError:
                await JsonBody.Error(fault.Value.Status, "server_error", "Request failed due to an internal network error. Please restart the scroll operation.").ExecuteAsync(context);
                return;
            case FaultKind.Slow:
                await Task.Delay(fault.Value.Delay, context.RequestAborted);
                break;
        }

        var decision = runtime.RateLimit.Take();
        if (decision is { } d)
        {
            if (!d.Allowed)
            {
                await RejectAsync(context, d);
                return;
            }

            SetRateHeaders(context, d);
        }

        var version = context.Request.Headers["Intercom-Version"];
        if (version.Count > 0 && !Versions.Contains(version.ToString()))
        {
            await JsonBody.Error(400, "intercom_version_invalid", "Requested resource is not available in current API version.").ExecuteAsync(context);
            return;
        }

        if (!isApi)
        {
            // Intercom answers an unknown path and an unsupported method alike with 404 (its HTTP responses page).
            await JsonBody.Error(404, "not_found", "Resource Not Found").ExecuteAsync(context);
            return;
        }

        if (fault?.Kind == FaultKind.TruncatedBody)
        {
            await TruncateAsync(context, next);
            return;
        }

        await RunAsync(context, next);
    }

    // The app's access token or any token minted by the OAuth exchange; they all draw on the one per-app budget
    // (Intercom's rate limiting page).
    private bool IsAuthorized(string authorization) =>
        string.Equals(authorization, _expectedAuthorization, StringComparison.Ordinal)
        || (authorization.StartsWith("Bearer ", StringComparison.Ordinal) && runtime.OAuth.IsToken(authorization["Bearer ".Length..]));

    private static async Task RunAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (ApiException error) when (!context.Response.HasStarted)
        {
            await JsonBody.Error(error.Status, error.Code, error.Message, error.Field).ExecuteAsync(context);
        }
    }

    // Sends the headers and half of the JSON with the full Content-Length, then aborts: the client sees an incomplete body.
    private static async Task TruncateAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        await RunAsync(context, next);
        context.Response.Body = original;
        var length = (int)buffer.Length;
        context.Response.ContentLength = length;
        await original.WriteAsync(buffer.GetBuffer().AsMemory(0, length / 2), context.RequestAborted);
        await original.FlushAsync(context.RequestAborted);
        context.Features.Get<IHttpResponseBodyFeature>()?.Stream.Flush();
        context.Abort();
    }

    private async Task RejectAsync(HttpContext context, RateLimitWindow.Decision decision)
    {
        runtime.Stats.CountRateLimited();
        SetRateHeaders(context, decision with { Remaining = 0 });
        await JsonBody.Error(429, "rate_limit_exceeded", $"Exceeded rate limit of {decision.Limit} in 10_seconds").ExecuteAsync(context);
    }

    private long NextWindow()
    {
        var now = runtime.Time.GetUtcNow().ToUnixTimeSeconds();
        return now - (now % 10) + 10;
    }

    private static void SetRateHeaders(HttpContext context, RateLimitWindow.Decision decision)
    {
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = decision.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = decision.Reset.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

using System.Text.Json;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Webhooks;

/// <summary>The webhook subscription under /_simulator/webhooks. Intercom has no API for it (Developer Hub only,
/// Intercom's webhook documentation): this is the simulator's stand-in for that page.</summary>
internal static class WebhookEndpoints
{
    public static void MapWebhooks(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/_simulator/webhooks");
        webhooks.MapGet("", (WebhookDispatcher dispatcher) => JsonBody.Create(w => Write(w, dispatcher)));
        webhooks.MapPut("", ConfigureAsync);
        webhooks.MapDelete("", (WebhookDispatcher dispatcher) =>
        {
            dispatcher.Configure(null);
            return Results.NoContent();
        });
        webhooks.MapPost("/ping", (WebhookDispatcher dispatcher) => dispatcher.Ping() is { } id
            ? JsonBody.Create(w => { w.WriteStartObject(); w.WriteString("id", id); w.WriteEndObject(); }, StatusCodes.Status202Accepted)
            : JsonBody.Error(400, "no_subscription", "No active webhook subscription"));
    }

    private static async Task<IResult> ConfigureAsync(HttpContext context, WebhookDispatcher dispatcher)
    {
        try
        {
            var body = await RequestJson.ReadObjectAsync(context);
            var url = body.OptionalString("url") is { } text
                ? Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : throw ApiException.Invalid($"'{text}' is not an absolute URL", "url")
                : null;
            List<string>? topics = null;
            if (body.TryGetProperty("topics", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                topics = [.. list.EnumerateArray().Select(t => t.GetString() ?? "")];
            }

            dispatcher.Configure(url, topics);
            return JsonBody.Create(w => Write(w, dispatcher));
        }
        catch (ApiException error)
        {
            return JsonBody.Error(error.Status, error.Code, error.Message, error.Field);
        }
        catch (ArgumentException error)
        {
            return JsonBody.Error(400, "parameter_invalid", error.Message);
        }
    }

    private static void Write(Utf8JsonWriter w, WebhookDispatcher dispatcher)
    {
        var subscription = dispatcher.Subscription;
        w.WriteStartObject();
        w.WriteString("url", subscription.Url?.ToString());
        w.WriteBoolean("active", subscription.Active);
        w.WriteStartArray("topics");
        foreach (var topic in subscription.Topics) { w.WriteStringValue(topic); }
        w.WriteEndArray();
        w.WriteStartArray("deliveries");
        foreach (var delivery in dispatcher.Deliveries)
        {
            w.WriteStartObject();
            w.WriteString("id", delivery.Id);
            w.WriteString("topic", delivery.Topic);
            w.WriteString("status", delivery.Status);
            w.WriteNumber("attempts", delivery.Attempts);
            w.WriteStartArray("status_codes");
            foreach (var code in delivery.StatusCodes) { w.WriteNumberValue(code); }
            w.WriteEndArray();
            w.WriteUnix("created_at", delivery.CreatedAt);
            w.WriteUnixOrNull("first_sent_at", delivery.FirstSentAt);
            w.WriteUnixOrNull("last_attempt_at", delivery.LastAttemptAt);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}

using System.Text.Json;

namespace Rapport.IntercomSimulator.Http;

internal static class RequestJson
{
    /// <summary>Reads the body as a JSON object; malformed JSON is a 400, as Intercom answers invalid JSON
    /// (https://developers.intercom.com/docs/references/rest-api/errors/http-responses).</summary>
    public static async Task<JsonElement> ReadObjectAsync(HttpContext context, bool optional = false)
    {
        var cancellationToken = context.RequestAborted;
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return optional ? default : throw new ApiException(400, "parameter_not_found", "Request body is missing");
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new ApiException(400, "bad_request", "The request body must be a JSON object");
        }
        catch (JsonException)
        {
            throw new ApiException(400, "bad_request", "There was a problem in the JSON you submitted");
        }
    }

    public static string? OptionalString(this JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Null => null,
                _ => throw ApiException.Invalid($"{name} must be a string", name),
            }
            : null;

    public static bool Has(this JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out _);

    public static long? OptionalInteger(this JsonElement body, string name)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) { return null; }
        if (v.ValueKind != JsonValueKind.Number) { throw ApiException.Invalid($"{name} must be an integer", name); }

        // monthly_spend: "floats are truncated" (spec create_or_update_company_request).
        return v.TryGetInt64(out var l) ? l : (long)Math.Truncate(v.GetDouble());
    }

    public static bool? OptionalBoolean(this JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                _ => throw ApiException.Invalid($"{name} must be a boolean", name),
            }
            : null;

    public static DateTimeOffset? OptionalUnix(this JsonElement body, string name) =>
        body.OptionalInteger(name) is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}

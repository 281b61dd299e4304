using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Rapport.IntercomSimulator.Http;

/// <summary>A JSON response written with Utf8JsonWriter straight from the workspace objects (no DTO layer, no reflection).</summary>
internal sealed class JsonBody(ReadOnlyMemory<byte> body, int status) : IResult
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public ReadOnlyMemory<byte> Body { get; } = body;

    public static JsonBody Create(Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return new JsonBody(buffer.WrittenMemory, status);
    }

    public static JsonBody Error(int status, string code, string message, string? field = null) => Create(
        w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "error.list");
            w.WriteString("request_id", Guid.NewGuid().ToString());
            w.WriteStartArray("errors");
            w.WriteStartObject();
            w.WriteString("code", code);
            w.WriteString("message", message);
            if (field is not null) { w.WriteString("field", field); }
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        },
        status);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = Body.Length;
        return response.Body.WriteAsync(Body, httpContext.RequestAborted).AsTask();
    }
}

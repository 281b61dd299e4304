namespace Rapport.IntercomSimulator.Http;

/// <summary>Thrown by handlers; the gate turns it into Intercom's <c>error.list</c> body with this status.</summary>
internal sealed class ApiException(int status, string code, string message, string? field = null) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string? Field { get; } = field;

    public static ApiException NotFound(string code = "not_found", string message = "Resource Not Found") => new(404, code, message);

    public static ApiException Invalid(string message, string? field = null) => new(400, "parameter_invalid", message, field);
}

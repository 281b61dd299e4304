namespace Rapport.Intercom;

/// <summary>
/// The body of POST /events (spec 2.16 <c>create_data_event_request</c>): the event name, when it happened, and one of
/// <see cref="Id"/> (Intercom's contact id; required for leads), <see cref="UserId"/> or <see cref="Email"/>. At most 10
/// metadata keys are kept, and no nested objects (Intercom's API reference, "Submit a data event").
/// </summary>
public sealed record IntercomDataEventCreate
{
    public required string EventName { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string? Id { get; init; }
    public string? UserId { get; init; }
    public string? Email { get; init; }
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}

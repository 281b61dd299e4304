namespace Rapport.IntercomSimulator.Events;

/// <summary>A data event (spec <c>data_event</c>) of one contact. Metadata values are kept as text, as the spec types them.</summary>
public sealed record SimulatedDataEvent(string EventName, DateTimeOffset CreatedAt, string ContactId, IReadOnlyDictionary<string, string> Metadata);

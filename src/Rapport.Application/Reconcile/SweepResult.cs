using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rapport.Application.Reconcile;

/// <summary>What one reconciliation sweep found and healed.</summary>
/// <param name="Trigger">"timer", or who asked for it.</param>
/// <param name="Missed">Per kind, what Intercom had newer than the hub (or the hub lacked): changes whose webhooks never
/// arrived, or were not applied.</param>
/// <param name="Read">Per kind, what the sweep read from Intercom to find them.</param>
/// <param name="Notes">Kinds not compared, and why (Import users and companies off, a first import with nothing to
/// compare with).</param>
/// <param name="Error">Why the sweep stopped, when it failed; what it applied before stays applied.</param>
public sealed record SweepResult(
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string Trigger,
    SweepCounts Missed,
    SweepCounts Read,
    IReadOnlyList<string> Notes,
    long ApiCalls,
    string? Error)
{
    public bool Failed => Error is not null;
}

/// <summary>Counts per kind; null where the sweep did not compare that kind.</summary>
public sealed record SweepCounts(int? Companies, int? Users, int? Conversations)
{
    public static SweepCounts None { get; } = new(null, null, null);

    public int Total => (Companies ?? 0) + (Users ?? 0) + (Conversations ?? 0);
}

/// <summary>Everything the sweeps have healed since the first one: the running "missed by webhooks" total.</summary>
public sealed record SweepTotals(int Sweeps, long Companies, long Users, long Conversations, DateTimeOffset? Since)
{
    public static SweepTotals Empty { get; } = new(0, 0, 0, 0, null);

    public long Total => Companies + Users + Conversations;

    public SweepTotals Add(SweepResult result) => new(
        Sweeps + 1,
        Companies + (result.Missed.Companies ?? 0),
        Users + (result.Missed.Users ?? 0),
        Conversations + (result.Missed.Conversations ?? 0),
        Since ?? result.StartedAt);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SweepResult))]
[JsonSerializable(typeof(SweepTotals))]
internal sealed partial class SweepJsonContext : JsonSerializerContext;

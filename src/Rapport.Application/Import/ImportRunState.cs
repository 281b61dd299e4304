using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rapport.Application.Import;

/// <summary>
/// An import in progress, checkpointed with every contact batch so that a crashed import resumes where it stopped,
/// with the counts it had. Companies are read by scroll, which Intercom cannot resume, so that phase restarts whole;
/// the segments phase is idempotent and also restarts whole. Phases run in order: companies, contacts, segments, users.
/// </summary>
internal sealed record ImportRunState(
    string RunId,
    DateTimeOffset StartedAt,
    bool Incremental,
    string Phase,
    CompanyCounts? Companies,
    string? ContactsCursor,
    int ContactsSeen,
    int Leads,
    long ApiCalls,
    long RateLimited,
    int ContactsWritten = 0)
{
    public const string CompaniesPhase = "companies";
    public const string ContactsPhase = "contacts";
    public const string SegmentsPhase = "segments";
    public const string UsersPhase = "users";
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ImportRunState))]
[JsonSerializable(typeof(ImportSummary))]
internal sealed partial class SyncJsonContext : JsonSerializerContext;

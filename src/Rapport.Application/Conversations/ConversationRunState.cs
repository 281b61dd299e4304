using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rapport.Application.Conversations;

/// <summary>A conversations run in progress, saved with every batch so that a crash resumes at the page it stopped on.</summary>
/// <param name="Since">Null on the first run (every conversation); else the search reads those updated since.</param>
internal sealed record ConversationRunState(
    DateTimeOffset StartedAt,
    DateTimeOffset? Since,
    string? Cursor,
    int Seen,
    int Stored,
    int Stale,
    Dictionary<string, int> Excluded,
    int Unattached,
    List<string> AmbiguousEmails,
    int PartsStored,
    int BotParts,
    int Truncated);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ConversationRunState))]
internal sealed partial class ConversationJsonContext : JsonSerializerContext;

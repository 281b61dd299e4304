using System.Text.Json.Serialization;

namespace Rapport.Intercom;

/// <summary>The author of a part or a source: <see cref="Type"/> user, lead, admin, bot or team (no enum in the spec).</summary>
public sealed record IntercomAuthor
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
    public bool? FromAiAgent { get; init; }
    public bool? IsAiAnswer { get; init; }

    [JsonIgnore]
    public bool IsBot => string.Equals(Type, "bot", StringComparison.Ordinal);

    [JsonIgnore]
    public bool IsContact => Type is "user" or "lead" or "contact";
}

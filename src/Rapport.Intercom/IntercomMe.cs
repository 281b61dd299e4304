using System.Text.Json;
using System.Text.Json.Serialization;
using Rapport.Intercom.Json;

namespace Rapport.Intercom;

/// <summary>GET /me: the admin the token acts as, with its app (spec 2.16 <c>admin_with_app</c>).</summary>
public sealed record IntercomMe
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
    public string? Email { get; init; }

    /// <summary>Intercom warns against trusting an unverified email for sign-in.</summary>
    public bool? EmailVerified { get; init; }

    public bool? HasInboxSeat { get; init; }
    public IntercomApp? App { get; init; }

    [JsonIgnore]
    public JsonElement Raw { get; init; }

    public static IntercomMe Parse(JsonElement json) =>
        IntercomJson.Parse(json, IntercomJsonContext.Default.IntercomMe) with { Raw = json.Clone() };
}

/// <summary>The workspace: <see cref="IdCode"/> is the workspace id (webhooks' <c>app_id</c>).</summary>
public sealed record IntercomApp(string? IdCode, string? Name, string? Region, string? Timezone)
{
    public DateTimeOffset? CreatedAt { get; init; }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rapport.Web.Integration;

/// <summary>
/// The connected workspace as stored in the hub's sync state: who connected it, how and when, and the access token
/// encrypted with Data Protection (<see cref="ProtectedToken"/>), which never leaves <see cref="IntercomConnections"/>.
/// </summary>
internal sealed record IntercomConnectionRecord
{
    public const string StateKey = "intercom.connection";

    public required string Region { get; init; }

    public required string ApiUrl { get; init; }

    public required string Method { get; init; }

    public string? WorkspaceName { get; init; }

    /// <summary>Intercom's <c>app.id_code</c>: the workspace id in links and webhooks.</summary>
    public string? AppId { get; init; }

    /// <summary>The Intercom admin the token acts as.</summary>
    public string? AdminEmail { get; init; }

    public required string ConnectedBy { get; init; }

    public required DateTimeOffset ConnectedAt { get; init; }

    public required string ProtectedToken { get; init; }

    public Uri CompanyLink(string intercomId) =>
        new(IntercomRegions.AppHost(Region), $"a/apps/{Uri.EscapeDataString(AppId ?? "")}/companies/{Uri.EscapeDataString(intercomId)}");

    public Uri UserLink(string intercomId) =>
        new(IntercomRegions.AppHost(Region), $"a/apps/{Uri.EscapeDataString(AppId ?? "")}/users/{Uri.EscapeDataString(intercomId)}/all-conversations");

    public string ToJson() => JsonSerializer.Serialize(this, IntegrationJsonContext.Default.IntercomConnectionRecord);

    public static IntercomConnectionRecord? FromJson(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, IntegrationJsonContext.Default.IntercomConnectionRecord);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IntercomConnectionRecord))]
[JsonSerializable(typeof(OAuthStatePayload))]
internal sealed partial class IntegrationJsonContext : JsonSerializerContext;

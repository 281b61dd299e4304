using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rapport.IntercomSpecDigest;

/// <summary>Where a digest came from: the file's path in Intercom's repository and the commit it was read at.</summary>
public sealed record DigestSource(string Path, string Commit);

/// <summary>
/// The digest of Intercom's OpenAPI description that the contract tests check exchanges against: the structural facts
/// (paths, methods, parameters with their types, enums, formats and bounds, request and response schemas with their
/// required lists and nullability, security, status codes) and the example values the tests replay, with every
/// description, summary, title, tag and extension left out. It is still an OpenAPI 3.0 document, so the tests load it
/// with the same reader as the original.
/// </summary>
public static partial class SpecDigest
{
    public const string Version = "2.16";
    public const string UpstreamRepository = "https://github.com/intercom/Intercom-OpenAPI";
    public const string UpstreamPath = "descriptions/2.16/api.intercom.io.yaml";

    /// <summary>
    /// The operations whose examples the contract tests replay: every operation Rapport's client sends (the test
    /// project's ClientOperations) and PUT /admins/{admin_id}/away, whose example contradicts its own schema. A client
    /// method that sends a new operation needs it here, or its example spec fails for lack of examples.
    /// </summary>
    public static readonly IReadOnlySet<string> ExampleOperations = new HashSet<string>(StringComparer.Ordinal)
    {
        "GET /me", "GET /companies/scroll", "POST /companies/list", "GET /companies/{company_id}", "GET /companies",
        "PUT /companies/{company_id}", "GET /contacts", "POST /contacts/search", "GET /contacts/{contact_id}",
        "GET /contacts/{contact_id}/companies", "PUT /contacts/{contact_id}", "GET /segments", "GET /tags", "GET /admins",
        "GET /data_attributes", "POST /data_attributes", "PUT /data_attributes/{data_attribute_id}", "GET /conversations",
        "POST /conversations/search", "GET /conversations/{conversation_id}", "POST /conversations/{conversation_id}/reply",
        "POST /messages", "GET /events", "POST /events", "PUT /admins/{admin_id}/away",
    };

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Examples keep their characters as written (no \u003C for '<'), so a diff of the digest reads as the spec does.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Make(JsonNode spec, DigestSource source)
    {
        if (spec is not JsonObject root || root["openapi"] is null || root["paths"] is not JsonObject)
        {
            throw new InvalidDataException("not an OpenAPI description: 'openapi' or 'paths' is missing");
        }

        var version = root["info"]?["version"]?.ToString();
        if (version != Version)
        {
            throw new InvalidDataException($"info.version is '{version}', but this digest is of version {Version}");
        }

        var digest = new JsonObject
        {
            ["openapi"] = Copy(root["openapi"]),
            ["info"] = Info(root["info"]!.AsObject()),
            ["x-digest"] = new JsonObject
            {
                ["of"] = $"{UpstreamRepository}/blob/{source.Commit}/{source.Path}",
                ["commit"] = source.Commit,
                ["made-by"] = "scripts/intercom-spec-digest.sh",
                ["examples-for"] = new JsonArray([.. ExampleOperations.Order(StringComparer.Ordinal).Select(o => JsonValue.Create(o))]),
            },
        };
        foreach (var (key, value) in root)
        {
            switch (key)
            {
                case "servers":
                    digest[key] = Array(value, Server);
                    break;
                case "security":
                    digest[key] = Copy(value);
                    break;
                case "paths":
                    digest[key] = new JsonObject(value!.AsObject().Select(p => KeyValuePair.Create(p.Key, (JsonNode?)PathItem(p.Key, p.Value!))));
                    break;
                case "components":
                    digest[key] = Components(value!.AsObject());
                    break;
            }
        }

        return digest.ToJsonString(Indented) + "\n";
    }

    private static JsonObject Info(JsonObject info) => new()
    {
        ["title"] = Copy(info["title"]),
        ["version"] = Copy(info["version"]),
        ["license"] = info["license"] is JsonObject license ? new JsonObject { ["name"] = Copy(license["name"]) } : null,
    };

    private static JsonNode Server(JsonNode server) => Keep(server, "url", "variables");

    private static JsonObject Components(JsonObject components)
    {
        var digest = new JsonObject();
        foreach (var (key, value) in components)
        {
            var kept = key switch
            {
                "schemas" => Map(value, Schema),
                // Shared error responses carry the error examples every operation's 4xx replays.
                "responses" => Map(value, r => Response(r, keepExamples: true)),
                "parameters" or "headers" => Map(value, p => Parameter(p, keepExamples: false)),
                "requestBodies" => Map(value, b => RequestBody(b, keepExamples: false)),
                "securitySchemes" => Map(value, s => Without(s, "description")),
                _ => null,
            };
            if (kept is not null)
            {
                digest[key] = kept;
            }
        }

        return digest;
    }
}

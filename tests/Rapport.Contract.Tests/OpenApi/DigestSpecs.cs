using System.Text.Json.Nodes;
using Rapport.IntercomSpecDigest;

namespace Rapport.Contract.Tests.OpenApi;

/// <summary>The committed digest is the oracle of every contract spec: it must be what the script makes, and facts only.</summary>
public sealed class DigestSpecs
{
    private static readonly string[] Prose = ["description", "summary", "title", "externalDocs", "tags"];

    // Maps whose keys are names (a schema called "tags", a field called "description"), not keywords.
    private static readonly string[] NameMaps = ["properties", "schemas", "paths", "responses", "content", "headers", "securitySchemes", "requestBodies"];

    [Fact]
    public void The_committed_digest_is_what_the_script_makes_from_the_official_spec()
    {
        var officials = SpecFile.Officials();
        Assert.SkipWhen(
            officials.Count == 0,
            $"No official spec file here to compare the digest with: set {SpecFile.OfficialVariable} to Intercom-OpenAPI's "
            + $"{SpecDigest.UpstreamPath} to check it.");
        var committed = File.ReadAllText(SpecFile.Digest);
        var commit = JsonNode.Parse(committed)!["x-digest"]!["commit"]!.GetValue<string>();

        foreach (var official in officials)
        {
            var made = SpecDigest.Make(SpecReader.Read(official), new DigestSource(SpecDigest.UpstreamPath, commit));

            (made == committed).ShouldBeTrue(
                $"The digest made from {Path.GetFileName(official)} differs from the committed one: run "
                + $"scripts/intercom-spec-digest.sh {official} {commit} and commit the result.");
        }
    }

    [Fact]
    public void The_digest_records_the_spec_version_and_the_upstream_commit()
    {
        var digest = JsonNode.Parse(File.ReadAllText(SpecFile.Digest))!;

        digest["info"]!["version"]!.GetValue<string>().ShouldBe("2.16");
        digest["x-digest"]!["commit"]!.GetValue<string>().ShouldMatch("^[0-9a-f]{40}$");
        digest["x-digest"]!["of"]!.GetValue<string>().ShouldEndWith(SpecDigest.UpstreamPath);
    }

    [Fact]
    public void The_digest_holds_no_descriptions_summaries_or_other_prose_of_the_spec()
    {
        var digest = JsonNode.Parse(File.ReadAllText(SpecFile.Digest))!;

        var prose = ProseKeywords(digest, "$", inNames: false, inData: false).ToList();

        // info.title is the one name OpenAPI requires; a response's required description is kept empty.
        prose.ShouldBe(["$.info.title"]);
    }

    [Fact]
    public void The_script_keeps_structure_and_drops_prose_from_a_spec_it_is_given()
    {
        var spec = SpecReader.FromYaml("""
            openapi: 3.0.1
            info: {title: Intercom API, version: '2.16', description: A long text}
            tags: [{name: Admins, description: Everything about your Admins}]
            paths:
              /me:
                get:
                  summary: Identify an admin
                  tags: [Admins]
                  parameters:
                  - {name: Intercom-Version, in: header, description: The version, schema: {type: string, example: '2.16'}}
                  responses:
                    '401': {description: Unauthorized, content: {application/json: {examples: {Bad: {value: {type: error.list}}}}}}
                    '200':
                      description: Successful response
                      content:
                        application/json:
                          schema:
                            type: object
                            title: Admin
                            required: [id]
                            properties:
                              id: {type: string, description: The id, example: '1', nullable: true}
                              description: {type: string, maxLength: 40.0}
            """);

        var digest = JsonNode.Parse(SpecDigest.Make(spec, new DigestSource(SpecDigest.UpstreamPath, new string('a', 40))))!;

        var get = digest["paths"]!["/me"]!["get"]!;
        get["summary"].ShouldBeNull();
        get["tags"].ShouldBeNull();
        digest["tags"].ShouldBeNull();
        get["parameters"]![0]!.ToJsonString().ShouldBe("""{"name":"Intercom-Version","in":"header","schema":{"type":"string"}}""");
        get["responses"]!.AsObject().Select(r => r.Key).ShouldBe(["200", "401"]);
        var schema = get["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        schema.ToJsonString().ShouldBe(
            """{"type":"object","required":["id"],"properties":{"id":{"type":"string","nullable":true},"description":{"type":"string","maxLength":40}}}""");
        // GET /me is replayed by the tests, so its examples stay.
        get["responses"]!["401"]!["content"]!["application/json"]!["examples"]!["Bad"]!["value"]!["type"]!.GetValue<string>().ShouldBe("error.list");
    }

    private static IEnumerable<string> ProseKeywords(JsonNode? node, string path, bool inNames, bool inData)
    {
        if (inData)
        {
            yield break;
        }

        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                foreach (var found in ProseKeywords(array[i], $"{path}[{i}]", inNames: false, inData: false))
                {
                    yield return found;
                }
            }
        }
        else if (node is JsonObject json)
        {
            foreach (var (key, value) in json)
            {
                var keyPath = $"{path}.{key}";
                if (!inNames && Prose.Contains(key) && value is not null && !(value is JsonValue text && text.ToString().Length == 0))
                {
                    yield return keyPath;
                }

                // Examples are data.
                var childInData = !inNames && key is "example" or "examples" or "enum" or "default" or "x-digest";
                foreach (var found in ProseKeywords(value, keyPath, inNames: !inNames && NameMaps.Contains(key), childInData))
                {
                    yield return found;
                }
            }
        }
    }
}

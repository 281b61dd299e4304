using System.Text.Json;
using Microsoft.OpenApi;

namespace Rapport.Contract.Tests.OpenApi;

public sealed class SchemaValidatorSpecs(SpecFixture spec)
{
    private IOpenApiSchema Schema(string name) => spec.Contract.Document.Components!.Schemas![name];

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void A_wrong_type_deep_in_a_document_is_reported_with_its_json_path()
    {
        var contact = Json("""{"type":"contact","id":"c1","companies":{"type":"list","data":[{"type":"company","id":42,"url":"/companies/42"}]}}""");

        var violations = SchemaValidator.Validate(Schema("contact"), contact);

        violations.Select(v => v.ToString()).ShouldBe(["$.companies.data[0].id: expected string, got number"]);
    }

    [Fact]
    public void An_integer_must_be_whole_and_a_number_need_not_be()
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["size"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                ["score"] = new OpenApiSchema { Type = JsonSchemaType.Number },
            },
        };

        var whole = SchemaValidator.Validate(schema, Json("""{"size":12,"score":1.5}"""));
        var wholeWithPoint = SchemaValidator.Validate(schema, Json("""{"size":12.0,"score":2}"""));
        var fraction = SchemaValidator.Validate(schema, Json("""{"size":12.5,"score":2}"""));

        whole.ShouldBeEmpty();
        wholeWithPoint.ShouldBeEmpty();
        fraction.Select(v => v.ToString()).ShouldBe(["$.size: expected integer, got number 12.5"]);
    }

    [Fact]
    public void Null_passes_only_where_the_spec_says_nullable()
    {
        // contact.name is "nullable: true"; contact.email is not.
        var contact = Json("""{"type":"contact","id":"c1","name":null,"email":null}""");

        var violations = SchemaValidator.Validate(Schema("contact"), contact);

        violations.Select(v => v.ToString()).ShouldBe(["$.email: expected string, got null"]);
    }

    [Fact]
    public void A_nullable_reference_accepts_null_and_still_checks_a_value()
    {
        // admin_with_app.app is {"$ref": "#/components/schemas/app", "nullable": true}.
        var withNull = Json("""{"type":"admin","id":"1","app":null}""");
        var withBadApp = Json("""{"type":"admin","id":"1","app":{"id_code":7}}""");

        SchemaValidator.Validate(Schema("admin_with_app"), withNull).ShouldBeEmpty();
        SchemaValidator.Validate(Schema("admin_with_app"), withBadApp)
            .Select(v => v.ToString()).ShouldBe(["$.app.id_code: expected string, got number"]);
    }

    [Fact]
    public void Missing_required_properties_are_named()
    {
        var error = Json("""{"request_id":null,"errors":[{"message":"no code"}]}""");

        var violations = SchemaValidator.Validate(Schema("error"), error);

        violations.Select(v => v.ToString()).ShouldBe(
        [
            "$: missing required property 'type'",
            "$.errors[0]: missing required property 'code'",
        ]);
    }

    [Fact]
    public void Unknown_properties_fail_only_where_additionalProperties_is_false()
    {
        var closed = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema> { ["name"] = new OpenApiSchema { Type = JsonSchemaType.String } },
        };

        var open = SchemaValidator.Validate(Schema("company"), Json("""{"type":"company","id":"1","brand_new_field":[1,2]}"""));
        var rejected = SchemaValidator.Validate(closed, Json("""{"name":"a","nickname":"b"}"""));

        open.ShouldBeEmpty();
        rejected.Select(v => v.ToString()).ShouldBe(["$.nickname: property not allowed (additionalProperties: false)"]);
    }

    [Fact]
    public void Custom_attributes_may_hold_any_data_attribute_type()
    {
        // company.custom_attributes says additionalProperties {type: string}; the spec's own example is this object.
        var company = Json("""{"type":"company","id":"1","custom_attributes":{"paid_subscriber":true,"monthly_spend":155.5,"team_mates":9}}""");

        var violations = SchemaValidator.Validate(Schema("company"), company);

        violations.ShouldBeEmpty();
    }

    [Fact]
    public void A_value_outside_the_enum_is_reported_with_the_allowed_values()
    {
        var sort = Json("""{"query":{"field":"name","operator":"=","value":"x"},"sort":{"field":"name","order":"upwards"}}""");

        var violations = SchemaValidator.Validate(Schema("contact_search_request"), sort, SchemaDirection.Request);

        violations.Select(v => v.ToString()).ShouldBe(["""$.sort.order: expected one of ["ascending", "descending"], got "upwards" """.TrimEnd()]);
    }

    [Fact]
    public void oneOf_passes_when_any_alternative_fits_and_explains_the_closest_when_none_does()
    {
        var single = Json("""{"query":{"field":"updated_at","operator":">","value":1700000000}}""");
        var group = Json("""{"query":{"operator":"AND","value":[{"field":"role","operator":"=","value":"user"},{"field":"updated_at","operator":">","value":1700000000}]}}""");
        var neither = Json("""{"query":{"operator":"XOR","value":[]}}""");

        var ofSingle = SchemaValidator.Validate(Schema("contact_search_request"), single, SchemaDirection.Request);
        var ofGroup = SchemaValidator.Validate(Schema("contact_search_request"), group, SchemaDirection.Request);
        var ofNeither = SchemaValidator.Validate(Schema("contact_search_request"), neither, SchemaDirection.Request);

        ofSingle.ShouldBeEmpty();
        ofGroup.ShouldBeEmpty();
        var violation = ofNeither.ShouldHaveSingleItem();
        violation.Path.ShouldBe("$.query");
        violation.Message.ShouldStartWith("matches none of oneOf [single_filter_search_request, multiple_filter_search_request]");
        violation.Message.ShouldContain("\"XOR\"");
    }

    [Fact]
    public void allOf_applies_every_part()
    {
        var schema = new OpenApiSchema
        {
            AllOf =
            [
                new OpenApiSchema { Type = JsonSchemaType.Object, Required = new HashSet<string> { "id" } },
                new OpenApiSchema { Properties = new Dictionary<string, IOpenApiSchema> { ["id"] = new OpenApiSchema { Type = JsonSchemaType.String } } },
            ],
        };

        SchemaValidator.Validate(schema, Json("""{"id":"a"}""")).ShouldBeEmpty();
        SchemaValidator.Validate(schema, Json("""{"id":1}""")).Select(v => v.ToString()).ShouldBe(["$.id: expected string, got number"]);
        SchemaValidator.Validate(schema, Json("{}")).Select(v => v.ToString()).ShouldBe(["$: missing required property 'id'"]);
    }

    [Fact]
    public void Date_time_strings_must_parse_while_unix_seconds_stay_integers()
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["iso"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
                ["unix"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "date-time" },
            },
        };

        SchemaValidator.Validate(schema, Json("""{"iso":"2026-11-23T10:00:00Z","unix":1700000000}""")).ShouldBeEmpty();
        SchemaValidator.Validate(schema, Json("""{"iso":"last tuesday","unix":"1700000000"}"""))
            .Select(v => v.ToString()).ShouldBe(["""$.iso: expected a date-time, got "last tuesday" """.TrimEnd(), "$.unix: expected integer, got string"]);
    }

    [Fact]
    public void Read_only_properties_are_not_required_in_a_request()
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "id", "name" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["id"] = new OpenApiSchema { Type = JsonSchemaType.String, ReadOnly = true },
                ["name"] = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        };

        SchemaValidator.Validate(schema, Json("""{"name":"a"}"""), SchemaDirection.Request).ShouldBeEmpty();
        SchemaValidator.Validate(schema, Json("""{"name":"a"}"""), SchemaDirection.Response)
            .Select(v => v.ToString()).ShouldBe(["$: missing required property 'id'"]);
    }
}

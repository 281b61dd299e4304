using static Rapport.Contract.Tests.OpenApi.ExchangeBuilder;

namespace Rapport.Contract.Tests.OpenApi;

public sealed class OpenApiContractSpecs(SpecFixture spec)
{
    private const string Company = """{"type":"company","id":"5f4d3c1c","company_id":"acme","name":"Acme","custom_attributes":{}}""";
    private const string ErrorList = """{"type":"error.list","request_id":null,"errors":[{"code":"not_found","message":"Resource Not Found"}]}""";

    private IEnumerable<string> Check(HttpExchange exchange) => spec.Contract.Validate(exchange).Select(v => v.ToString());

    [Fact]
    public void A_violation_names_the_side_the_operation_the_status_and_the_json_path()
    {
        var response = """{"type":"contact","id":"c1","companies":{"type":"list","data":[{"type":"company","id":42}]}}""";

        var violations = Check(Exchange("GET", "/contacts/c1", 200, response));

        violations.ShouldBe(["response GET /contacts/{contact_id} 200 $.companies.data[0].id: expected string, got number"]);
    }

    [Fact]
    public void A_conforming_exchange_has_no_violations()
    {
        var exchange = Exchange(
            "PUT",
            "/companies/5f4d3c1c",
            200,
            Company,
            """{"name":"Acme","size":12,"custom_attributes":{"health":"green"}}""",
            new Dictionary<string, string> { ["Intercom-Version"] = "2.16" });

        Check(exchange).ShouldBeEmpty();
    }

    [Fact]
    public void A_path_outside_the_spec_and_an_undeclared_method_are_reported()
    {
        var unknownPath = Check(Exchange("GET", "/companies/5f4d3c1c/invoices", 200, "{}"));
        var unknownMethod = Check(Exchange("PATCH", "/companies/5f4d3c1c", 200, Company, "{}"));

        unknownPath.ShouldBe(["request GET /companies/5f4d3c1c/invoices path: matches no path of the spec"]);
        unknownMethod.ShouldBe(["request PATCH /companies/5f4d3c1c (/companies/{company_id}) method: not declared for this path (declared: GET, PUT, DELETE)"]);
    }

    [Theory]
    [InlineData("GET", "/companies/scroll?scroll_param=abc", "GET /companies/scroll")]
    [InlineData("GET", "/companies/5f4d3c1c", "GET /companies/{company_id}")]
    [InlineData("POST", "/companies/list?per_page=50", "POST /companies/list")]
    [InlineData("GET", "/contacts/find_by_external_id/u-1", "GET /contacts/find_by_external_id/{external_id}")]
    [InlineData("GET", "/contacts/c1/companies", "GET /contacts/{contact_id}/companies")]
    public void Literal_path_segments_win_over_parameters(string method, string pathAndQuery, string operation)
    {
        var key = spec.Contract.Identify(new HttpMethod(method), pathAndQuery);

        key?.ToString().ShouldBe(operation);
    }

    [Fact]
    public void Query_parameters_must_be_declared_unless_Intercom_documents_them_elsewhere()
    {
        var documented = Check(Exchange("GET", "/contacts?per_page=150&starting_after=WzE3MDAwMDAwMDAsImMxIl0%3D", 200, """{"type":"list","data":[]}"""));
        var undeclared = Check(Exchange("GET", "/companies?limit=10", 200, """{"type":"list","data":[]}"""));

        documented.ShouldBeEmpty();
        undeclared.ShouldBe(["request GET /companies query limit: not declared for this operation"]);
    }

    [Fact]
    public void Query_values_must_have_the_declared_type_enum_and_bounds()
    {
        var wrongType = Check(Exchange("GET", "/companies?per_page=ten", 200, """{"type":"list","data":[]}"""));
        var wrongEnum = Check(Exchange("GET", "/data_attributes?model=ticket", 200, """{"type":"list","data":[]}"""));
        var tooMany = Check(Exchange("GET", "/contacts?per_page=500", 200, """{"type":"list","data":[]}"""));

        wrongType.ShouldBe(["request GET /companies query per_page: expected integer, got string"]);
        wrongEnum.ShouldBe(["""request GET /data_attributes query model: expected one of ["contact", "company"], got "ticket" """.TrimEnd()]);
        tooMany.ShouldBe(["request GET /contacts query per_page: expected at most 150, got 500"]);
    }

    [Fact]
    public void Required_query_parameters_must_be_present_and_exploded_objects_are_checked_whole()
    {
        var complete = Check(Exchange("GET", "/events?type=user&user_id=u-1&summary=true", 200, """{"type":"event.summary","events":[]}"""));
        var missing = spec.Contract.Validate(Exchange("GET", "/events?summary=true", 200, """{"type":"event.summary","events":[]}"""));

        complete.ShouldBeEmpty();
        missing.Select(v => v.Where).ShouldBe(["query filter", "query type"], ignoreOrder: true);
        missing.Single(v => v.Where == "query type").Message.ShouldBe("required, missing");
    }

    [Fact]
    public void The_version_header_is_optional_but_must_be_a_known_version()
    {
        var absent = Check(Exchange("GET", "/me", 200, """{"type":"admin","id":"1"}"""));
        var unknown = Check(Exchange("GET", "/me", 200, """{"type":"admin","id":"1"}""", requestHeaders: new Dictionary<string, string> { ["Intercom-Version"] = "2.99" }));

        absent.ShouldBeEmpty();
        unknown.ShouldHaveSingleItem().ShouldStartWith("request GET /me header Intercom-Version: expected one of [\"1.0\"");
    }

    [Fact]
    public void A_request_without_a_bearer_token_is_reported()
    {
        var violations = Check(Exchange("GET", "/me", 200, """{"type":"admin","id":"1"}""", requestHeaders: new Dictionary<string, string> { ["Authorization"] = "" }));

        violations.ShouldBe(["request GET /me header Authorization: expected 'Bearer <token>' (securitySchemes.bearerAuth)"]);
    }

    [Fact]
    public void Request_bodies_are_checked_against_the_operation_schema()
    {
        var wrongType = Check(Exchange("PUT", "/companies/5f4d3c1c", 200, Company, """{"size":"big"}"""));
        var unexpected = Check(Exchange("GET", "/companies/5f4d3c1c", 200, Company, """{"size":1}"""));
        var notJson = Check(Exchange("PUT", "/companies/5f4d3c1c", 200, Company, "size=1"));

        wrongType.ShouldBe(["request PUT /companies/{company_id} $.size: expected integer, got string"]);
        unexpected.ShouldBe(["request GET /companies/{company_id} body: sent 10 characters, but the operation declares no request body"]);
        notJson.ShouldHaveSingleItem().ShouldStartWith("request PUT /companies/{company_id} body: not valid JSON");
    }

    [Fact]
    public void A_status_the_operation_does_not_declare_is_reported()
    {
        var violations = Check(Exchange("GET", "/me", 404, ErrorList));

        violations.ShouldBe(["response GET /me 404 status: not declared for this operation (declared: 200)"]);
    }

    [Fact]
    public void Rate_limit_and_server_errors_are_allowed_everywhere_but_must_be_error_lists()
    {
        var rateLimited = Check(Exchange("GET", "/contacts", 429, """{"type":"error.list","errors":[{"code":"rate_limit_exceeded"}]}"""));
        var notAnErrorList = Check(Exchange("GET", "/contacts", 503, """{"message":"down"}"""));

        rateLimited.ShouldBeEmpty();
        notAnErrorList.ShouldBe(
        [
            "response GET /contacts 503 $: missing required property 'type'",
            "response GET /contacts 503 $: missing required property 'errors'",
        ]);
    }

    [Fact]
    public void Error_responses_are_checked_against_the_error_schema()
    {
        var good = Check(Exchange("GET", "/companies/nope", 404, ErrorList));
        var bad = Check(Exchange("GET", "/companies/nope", 404, """{"type":"error.list","errors":[{"code":404}]}"""));

        good.ShouldBeEmpty();
        bad.ShouldBe(["response GET /companies/{company_id} 404 $.errors[0].code: expected string, got number"]);
    }

    [Fact]
    public void Response_bodies_must_be_present_when_declared_and_of_a_declared_media_type()
    {
        var missing = Check(Exchange("GET", "/companies/5f4d3c1c", 200));
        var html = Check(Exchange("GET", "/companies/5f4d3c1c", 200, "<html></html>", responseContentType: "text/html"));
        var unexpected = Check(Exchange("POST", "/events", 202, "{}", """{"event_name":"x","created_at":1700000000,"user_id":"u-1"}"""));

        missing.ShouldBe(["response GET /companies/{company_id} 200 body: missing; the response declares application/json"]);
        html.ShouldBe(["response GET /companies/{company_id} 200 header Content-Type: 'text/html' is not declared (declared: application/json)"]);
        unexpected.ShouldBe(["response POST /events 202 body: got 2 characters, but the response declares no body"]);
    }
}

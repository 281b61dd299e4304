using System.Net;
using System.Text.Json.Nodes;

namespace Rapport.Intercom.Tests;

public sealed class ResilienceSpecs
{
    [Theory]
    [InlineData("server_error", 3)]
    [InlineData("truncated_body", 2)]
    [InlineData("drop_connection", 2)]
    [InlineData("slow", 2)]
    [InlineData("rate_limit", 1)]
    public async Task Each_transient_fault_is_retried_and_the_read_equals_a_clean_one(string kind, int count)
    {
        var ct = TestContext.Current.CancellationToken;
        // The timeout leaves a loaded CI machine room for clean requests (an extra retry would break the count below);
        // a "slow" fault outlasts it.
        await using var intercom = await SimulatedIntercom.StartAsync(configure: o => o.RequestTimeout = TimeSpan.FromSeconds(2.5), cancellationToken: ct);
        var clean = await ReadAllContactsAsync(intercom.Client, ct);

        await intercom.InjectFaultAsync(kind, count, "/contacts", delayMs: 3500, cancellationToken: ct);
        var faulted = await ReadAllContactsAsync(intercom.Client, ct);

        faulted.Count.ShouldBe(clean.Count);
        for (var i = 0; i < clean.Count; i++)
        {
            JsonNode.DeepEquals(faulted[i], clean[i]).ShouldBeTrue();
        }

        if (kind == "slow")
        {
            // A timeout is a race with the machine's load: a clean request that also outlasts it is one more retry.
            intercom.Client.Statistics.Retries.ShouldBeGreaterThanOrEqualTo(count);
        }
        else
        {
            intercom.Client.Statistics.Retries.ShouldBe(count);
        }
    }

    [Fact]
    public async Task With_a_patience_a_run_of_server_errors_past_the_retry_count_is_retried_through()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(configure: o => o.MaxRetryDelay = TimeSpan.FromMilliseconds(200), cancellationToken: ct);
        var clean = await ReadAllContactsAsync(intercom.Client, ct);
        await intercom.InjectFaultAsync("server_error", 12, "/contacts", cancellationToken: ct);

        var faulted = await ReadAllContactsAsync(intercom.Client.WithRetryPatience(TimeSpan.FromMinutes(1)), ct);

        faulted.Count.ShouldBe(clean.Count);
        intercom.Client.Statistics.Retries.ShouldBe(12);
    }

    [Fact]
    public async Task Past_its_patience_a_call_stops_naming_the_request_how_long_it_failed_and_the_last_failure()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(configure: o => o.MaxRetryDelay = TimeSpan.FromMilliseconds(200), cancellationToken: ct);
        await intercom.InjectFaultAsync("server_error", 10_000, "/contacts", cancellationToken: ct);
        var patient = intercom.Client.WithRetryPatience(TimeSpan.FromSeconds(2));

        var error = await Should.ThrowAsync<IntercomPatienceExceededException>(() => ReadAllContactsAsync(patient, ct));

        error.Message.ShouldStartWith("Gave up on Intercom GET /contacts after ", Case.Sensitive, error.Message);
        error.Message.ShouldContain(" s of failures (", Case.Sensitive, error.Message);
        error.Message.ShouldContain("would pass the patience of 2 s. Last failure: Intercom GET /contacts failed with 50", Case.Sensitive, error.Message);
        error.Failures.ShouldBeGreaterThan(7, "more than the default six retries");
        // It gives up before a wait would pass the patience; only the failing call in flight may run past it on a busy machine.
        error.FailingFor.ShouldBeGreaterThan(TimeSpan.FromSeconds(1));
        error.FailingFor.ShouldBeLessThan(TimeSpan.FromSeconds(3));
        error.InnerException.ShouldBeAssignableTo<IntercomApiException>().ShouldNotBeNull().ErrorCode.ShouldBe("server_error");
    }

    [Fact]
    public async Task An_update_is_idempotent_and_retried()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        var company = intercom.Workspace.Companies[0];
        await intercom.InjectFaultAsync("drop_connection", 1, "/companies", cancellationToken: ct);

        var updated = await intercom.Client.UpdateCompanyAsync(company.Id, new IntercomCompanyUpdate { Industry = "Rockets", Size = 42 }, ct);

        updated.Industry.ShouldBe("Rockets");
        intercom.Workspace.FindCompany(company.Id)!.Size.ShouldBe(42);
        intercom.Client.Statistics.Retries.ShouldBe(1);
    }

    [Fact]
    public async Task A_create_is_not_retried_when_Intercom_may_have_received_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        await intercom.InjectFaultAsync("server_error", 1, "/data_attributes", cancellationToken: ct);
        var create = new IntercomDataAttributeCreate { Name = "health_score", Model = "company", DataType = "integer" };

        var error = await Should.ThrowAsync<IntercomApiException>(() => intercom.Client.CreateDataAttributeAsync(create, ct));

        error.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        intercom.Server.Stats.RequestsTo("POST /data_attributes").ShouldBe(1);
        intercom.Client.Statistics.Retries.ShouldBe(0);
    }

    [Fact]
    public async Task A_create_is_retried_after_a_429_because_Intercom_did_not_act_on_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        await intercom.InjectFaultAsync("rate_limit", 1, "/data_attributes", cancellationToken: ct);
        var create = new IntercomDataAttributeCreate { Name = "health_score", Model = "company", DataType = "integer", Description = "0-100" };

        var created = await intercom.Client.CreateDataAttributeAsync(create, ct);

        created.Name.ShouldBe("health_score");
        created.FullName.ShouldBe("custom_attributes.health_score");
        (await intercom.Client.ListDataAttributesAsync("company", ct)).Count(attribute => attribute.Name == "health_score").ShouldBe(1);
    }

    private static async Task<List<JsonNode>> ReadAllContactsAsync(IntercomClient client, CancellationToken ct) =>
        await client.ListContactsAsync(cancellationToken: ct)
            .SelectMany(page => page.Items.ToAsyncEnumerable())
            .Select(contact => JsonNode.Parse(contact.Raw.GetRawText())!)
            .ToListAsync(ct);
}

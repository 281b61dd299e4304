using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace Rapport.IntercomSimulator.Tests;

public sealed class WriteSpecs
{
    [Fact]
    public async Task Posting_a_new_company_id_creates_and_posting_it_again_updates_without_counting_a_create()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        var existing = server.Workspace.Companies.First(c => c.CompanyId is not null);

        var created = await api.PostAsync("/companies", """{"company_id":"new-1","name":"Nouvelle Société","plan":"Pro","monthly_spend":99.9,"size":12}""");
        var again = await api.PostAsync("/companies", """{"company_id":"new-1","name":"Renamed"}""");
        var upsert = await api.PostAsync("/companies", $$"""{"company_id":"{{existing.CompanyId}}","industry":"Mining"}""");

        created.Status.ShouldBe(HttpStatusCode.OK);
        created.Body.GetProperty("monthly_spend").GetInt64().ShouldBe(99);
        created.Body.GetProperty("plan").GetProperty("name").GetString().ShouldBe("Pro");
        again.Body.GetProperty("id").GetString().ShouldBe(created.Body.GetProperty("id").GetString());
        again.Body.GetProperty("name").GetString().ShouldBe("Renamed");
        upsert.Body.GetProperty("id").GetString().ShouldBe(existing.Id);
        server.Stats.CompaniesCreated.ShouldBe(1);
        (await api.GetAsync("/_simulator/stats")).Body.GetProperty("creates").GetProperty("companies").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Updating_a_company_by_id_bumps_updated_at_and_never_creates()
    {
        var time = new FakeTimeProvider(SimulatorServers.Now);
        await using var server = await SimulatorServers.StartAsync(time: time);
        using var api = new Api(server);
        var company = server.Workspace.Companies[0];
        time.Advance(TimeSpan.FromHours(1));

        var updated = await api.PutAsync($"/companies/{company.Id}", """{"name":"Updated","monthly_spend":250}""");
        var missing = await api.PutAsync("/companies/000000000000000000000000", """{"name":"Ghost"}""");

        updated.Body.GetProperty("updated_at").GetInt64().ShouldBe(time.GetUtcNow().ToUnixTimeSeconds());
        updated.Body.GetProperty("monthly_spend").GetInt32().ShouldBe(250);
        missing.Status.ShouldBe(HttpStatusCode.NotFound);
        missing.ErrorCode.ShouldBe("company_not_found");
        server.Stats.CompaniesCreated.ShouldBe(0);
    }

    [Fact]
    public async Task Custom_attributes_need_a_definition_and_are_typed_by_it()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        var company = server.Workspace.Companies[0];

        var undefined = await api.PutAsync($"/companies/{company.Id}", """{"custom_attributes":{"health_score":80}}""");
        var definition = await api.PostAsync("/data_attributes", """{"name":"health_score","model":"company","data_type":"integer"}""");
        var duplicate = await api.PostAsync("/data_attributes", """{"name":"health_score","model":"company","data_type":"integer"}""");
        var wrongType = await api.PutAsync($"/companies/{company.Id}", """{"custom_attributes":{"health_score":"high"}}""");
        var written = await api.PutAsync($"/companies/{company.Id}", """{"custom_attributes":{"health_score":80}}""");

        undefined.Status.ShouldBe(HttpStatusCode.BadRequest);
        undefined.ErrorCode.ShouldBe("parameter_invalid");
        definition.Body.GetProperty("full_name").GetString().ShouldBe("custom_attributes.health_score");
        duplicate.ErrorCode.ShouldBe("parameter_invalid");
        wrongType.Status.ShouldBe(HttpStatusCode.BadRequest);
        written.Body.GetProperty("custom_attributes").GetProperty("health_score").GetInt32().ShouldBe(80);
        server.Workspace.FindCompany(company.Id)!.CustomAttributes["health_score"].ShouldBe(80L);
        var id = definition.Body.GetProperty("id").GetInt32();
        (await api.PutAsync($"/data_attributes/{id}", """{"archived":true}""")).Body.GetProperty("archived").GetBoolean().ShouldBeTrue();
        (await api.PutAsync("/data_attributes/1", """{"archived":true}""")).ErrorCode.ShouldBe("field_not_found");
    }

    [Fact]
    public async Task Attaching_and_detaching_keeps_user_count_and_links_consistent()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        var company = server.Workspace.Companies[0];
        var contact = server.Workspace.Contacts.First(c => !c.CompanyIds.Contains(company.Id));
        var before = company.UserCount;

        var attached = await api.PostAsync($"/contacts/{contact.Id}/companies", $$"""{"id":"{{company.Id}}"}""");
        var missing = await api.PostAsync($"/contacts/{contact.Id}/companies", """{"id":"000000000000000000000000"}""");
        var inline = await api.GetAsync($"/contacts/{contact.Id}");
        var detached = await api.DeleteAsync($"/contacts/{contact.Id}/companies/{company.Id}");

        attached.Body.GetProperty("user_count").GetInt32().ShouldBe(before + 1);
        missing.Status.ShouldBe(HttpStatusCode.NotFound);
        inline.Body.GetProperty("companies").GetProperty("data").EnumerateArray().ShouldContain(c => c.GetProperty("id").GetString() == company.Id);
        detached.Body.GetProperty("user_count").GetInt32().ShouldBe(before);
        server.Workspace.FindContact(contact.Id)!.CompanyIds.ShouldNotContain(company.Id);
    }

    [Fact]
    public async Task A_contact_cannot_join_more_than_1000_companies()
    {
        await using var server = await SimulatorServers.StartAsync(companies: 0, contacts: 0);
        using var api = new Api(server);
        var contact = server.Workspace.AddContact();
        for (var i = 0; i < 1000; i++) { server.Workspace.Attach(contact.Id, server.Workspace.AddCompany().Id); }
        var oneMore = server.Workspace.AddCompany();

        var reply = await api.PostAsync($"/contacts/{contact.Id}/companies", $$"""{"id":"{{oneMore.Id}}"}""");

        reply.Status.ShouldBe(HttpStatusCode.BadRequest);
        reply.ErrorCode.ShouldBe("contact_company_limit_exceeded");
    }

    [Fact]
    public async Task Contacts_are_created_counted_and_updated()
    {
        var time = new FakeTimeProvider(SimulatorServers.Now);
        await using var server = await SimulatorServers.StartAsync(time: time);
        using var api = new Api(server);

        var created = await api.PostAsync("/contacts", """{"role":"user","external_id":"ext-42","email":"zoë@example.com","name":"Zoë"}""");
        var duplicate = await api.PostAsync("/contacts", """{"role":"user","external_id":"ext-42"}""");
        time.Advance(TimeSpan.FromMinutes(5));
        var id = created.Body.GetProperty("id").GetString();
        var updated = await api.PutAsync($"/contacts/{id}", """{"name":"Zoé","custom_attributes":{"logins":3}}""");

        created.Body.GetProperty("email_domain").GetString().ShouldBe("example.com");
        duplicate.Status.ShouldBe(HttpStatusCode.Conflict);
        updated.Body.GetProperty("name").GetString().ShouldBe("Zoé");
        updated.Body.GetProperty("updated_at").GetInt64().ShouldBe(time.GetUtcNow().ToUnixTimeSeconds());
        server.Stats.ContactsCreated.ShouldBe(1);
    }

    [Fact]
    public async Task Deleting_a_company_detaches_its_contacts()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        var company = server.Workspace.Companies.First(c => c.UserCount > 0);
        var member = company.ContactIds[0];

        var deleted = await api.DeleteAsync($"/companies/{company.Id}");

        deleted.Body.GetProperty("deleted").GetBoolean().ShouldBeTrue();
        server.Workspace.FindCompany(company.Id).ShouldBeNull();
        server.Workspace.FindContact(member)!.CompanyIds.ShouldNotContain(company.Id);
    }

    [Fact]
    public async Task The_control_api_sets_fields_the_public_api_cannot()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        var company = server.Workspace.Companies[0];

        await api.PostAsync($"/_simulator/companies/{company.Id}", """{"last_request_at":1700000000,"session_count":7}""");

        var reply = await api.GetAsync($"/companies/{company.Id}");
        reply.Body.GetProperty("last_request_at").GetInt64().ShouldBe(1700000000);
        reply.Body.GetProperty("session_count").GetInt32().ShouldBe(7);
    }
}

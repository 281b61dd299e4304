using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rapport.Intercom.Tests;

public sealed class RawSpecs
{
    [Fact]
    public async Task A_company_keeps_every_field_Intercom_sent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        var expected = intercom.Workspace.Companies.First(company => company.CustomAttributes.Count > 0 && company.TagIds.Count > 0);

        var company = await intercom.Client.GetCompanyAsync(expected.Id, ct);
        var reference = await intercom.GetRawAsync($"companies/{expected.Id}", ct);

        JsonNode.DeepEquals(JsonNode.Parse(company.Raw.GetRawText()), reference).ShouldBeTrue();
        company.CompanyId.ShouldBe(expected.CompanyId);
        company.Name.ShouldBe(expected.Name);
        company.LastRequestAt.ShouldBe(Seconds(expected.LastRequestAt));
        company.UserCount.ShouldBe(expected.UserCount);
        company.Tags.Select(tag => tag.Id).ShouldBe(expected.TagIds, ignoreOrder: true);
        company.CustomAttributes.Keys.ShouldBe(expected.CustomAttributes.Keys, ignoreOrder: true);
    }

    [Fact]
    public async Task Every_contact_of_a_page_keeps_its_own_complete_object()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);

        var page = await intercom.Client.ListContactsAsync(cancellationToken: ct).FirstAsync(ct);
        var reference = (await intercom.GetRawAsync("contacts?per_page=150", ct))["data"]!.AsArray();

        page.Items.Count.ShouldBe(reference.Count);
        for (var i = 0; i < page.Items.Count; i++)
        {
            JsonNode.DeepEquals(JsonNode.Parse(page.Items[i].Raw.GetRawText()), reference[i]).ShouldBeTrue($"contact {page.Items[i].Id}");
        }

        var contact = page.Items.First(c => c.Companies is { TotalCount: > 0 });
        var expected = intercom.Workspace.FindContact(contact.Id)!;
        contact.Email.ShouldBe(expected.Email);
        contact.ExternalId.ShouldBe(expected.ExternalId);
        contact.LastSeenAt.ShouldBe(Seconds(expected.LastSeenAt));
        contact.Companies!.Ids.ShouldBe(expected.CompanyIds.Take(10), ignoreOrder: true);
    }

    [Fact]
    public async Task Raw_outlives_the_response_it_came_from()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);

        var admins = await intercom.Client.ListAdminsAsync(ct);
        GC.Collect();

        admins.ShouldNotBeEmpty();
        admins.ShouldAllBe(admin => admin.Raw.ValueKind == JsonValueKind.Object && admin.Raw.GetProperty("id").GetString() == admin.Id);
    }

    private static DateTimeOffset? Seconds(DateTimeOffset? time) =>
        time is { } t ? DateTimeOffset.FromUnixTimeSeconds(t.ToUnixTimeSeconds()) : null;
}

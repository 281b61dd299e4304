namespace Rapport.Intercom.Tests;

public sealed class WriteSpecs
{
    [Fact]
    public async Task A_company_update_sends_only_the_given_fields_and_custom_attributes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        await intercom.Client.CreateDataAttributeAsync(new IntercomDataAttributeCreate { Name = "health", Model = "company", DataType = "integer" }, ct);
        var company = intercom.Workspace.Companies[1];

        var updated = await intercom.Client.UpdateCompanyAsync(
            company.Id,
            new IntercomCompanyUpdate { MonthlySpend = 990, CustomAttributes = new Dictionary<string, object?> { ["health"] = 87 } },
            ct);

        updated.MonthlySpend.ShouldBe(990);
        updated.Name.ShouldBe(company.Name);
        updated.CustomAttributes["health"].GetInt32().ShouldBe(87);
    }

    [Fact]
    public async Task A_contact_update_round_trips_times_as_unix_seconds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        var contact = intercom.Workspace.Contacts.First(c => c.Role == "user");
        var seen = DateTimeOffset.FromUnixTimeSeconds(1_760_000_000);

        var updated = await intercom.Client.UpdateContactAsync(contact.Id, new IntercomContactUpdate { Name = "Ada Lovelace", LastSeenAt = seen }, ct);

        updated.Name.ShouldBe("Ada Lovelace");
        updated.LastSeenAt.ShouldBe(seen);
        intercom.Workspace.FindContact(contact.Id)!.LastSeenAt.ShouldBe(seen);
    }

    [Fact]
    public async Task A_duplicate_data_attribute_is_a_validation_error()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        var create = new IntercomDataAttributeCreate { Name = "tier", Model = "company", DataType = "options", Options = ["gold", "silver"] };
        await intercom.Client.CreateDataAttributeAsync(create, ct);

        var error = await Should.ThrowAsync<IntercomValidationException>(() => intercom.Client.CreateDataAttributeAsync(create, ct));

        error.ErrorCode.ShouldBe("parameter_invalid");
    }

    [Fact]
    public async Task Workspace_lookups_return_the_workspace()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);

        var me = await intercom.Client.GetMeAsync(ct);
        var admins = await intercom.Client.ListAdminsAsync(ct);
        var tags = await intercom.Client.ListTagsAsync(ct);
        var segments = await intercom.Client.ListSegmentsAsync(includeCount: true, ct);

        me.App.ShouldNotBeNull().IdCode.ShouldBe(intercom.Workspace.AppId);
        admins.Select(admin => admin.Id).ShouldBe(intercom.Workspace.Admins.Select(admin => admin.Id), ignoreOrder: true);
        admins.ShouldContain(admin => admin.HasInboxSeat == true);
        tags.Select(tag => tag.Name).ShouldBe(intercom.Workspace.Tags.Select(tag => tag.Name), ignoreOrder: true);
        segments.Count.ShouldBe(intercom.Workspace.Segments.Count);
        segments.ShouldAllBe(segment => segment.Count != null);
    }
}

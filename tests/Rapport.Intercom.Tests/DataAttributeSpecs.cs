namespace Rapport.Intercom.Tests;

/// <summary>Data attributes as the push uses them: names with spaces, typed values, archiving, and the workspace's limit.</summary>
public sealed class DataAttributeSpecs
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_name_with_spaces_is_accepted_and_a_name_with_punctuation_is_refused_naming_the_rule()
    {
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: Ct);

        var created = await intercom.Client.CreateDataAttributeAsync(new IntercomDataAttributeCreate { Name = "Rapport Active Risk Indicators", Model = "company", DataType = "string" }, Ct);
        var refused = await Should.ThrowAsync<IntercomValidationException>(() =>
            intercom.Client.CreateDataAttributeAsync(new IntercomDataAttributeCreate { Name = "!nv@l!d n@me", Model = "company", DataType = "string" }, Ct));

        created.FullName.ShouldBe("custom_attributes.Rapport Active Risk Indicators");
        refused.ErrorMessage.ShouldNotBeNull().ShouldContain("alphanumeric characters, currency symbols, and hyphens");
        IntercomDataAttributeNames.Problem("Rapport Active Risk Indicators").ShouldBeNull();
        IntercomDataAttributeNames.Problem("!nv@l!d n@me").ShouldNotBeNull().ShouldContain("'!'");
    }

    [Fact]
    public async Task Custom_attribute_values_are_typed_as_Intercom_documents_them_not_as_strings()
    {
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: Ct);
        (string Name, string Type)[] attributes = [("Seats", "integer"), ("Owner", "boolean"), ("Renews", "date")];
        foreach (var (name, type) in attributes)
            await intercom.Client.CreateDataAttributeAsync(new IntercomDataAttributeCreate { Name = name, Model = "company", DataType = type }, Ct);
        var company = intercom.Workspace.Companies[0];
        var renews = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

        var updated = await intercom.Client.UpdateCompanyAsync(company.Id, new IntercomCompanyUpdate
        {
            CustomAttributes = new Dictionary<string, object?> { ["Seats"] = 12L, ["Owner"] = true, ["Renews"] = renews },
        }, Ct);
        var stringForInteger = await Should.ThrowAsync<IntercomValidationException>(() => intercom.Client.UpdateCompanyAsync(
            company.Id, new IntercomCompanyUpdate { CustomAttributes = new Dictionary<string, object?> { ["Seats"] = "12" } }, Ct));
        var unknown = await Should.ThrowAsync<IntercomValidationException>(() => intercom.Client.UpdateCompanyAsync(
            company.Id, new IntercomCompanyUpdate { CustomAttributes = new Dictionary<string, object?> { ["Never created"] = 1L } }, Ct));

        updated.CustomAttributes["Seats"].GetInt64().ShouldBe(12);
        updated.CustomAttributes["Owner"].GetBoolean().ShouldBeTrue();
        updated.CustomAttributes["Renews"].GetInt64().ShouldBe(1_800_000_000);
        stringForInteger.ErrorMessage.ShouldNotBeNull().ShouldContain("must be of type integer");
        unknown.ErrorMessage.ShouldNotBeNull().ShouldContain("'Never created' does not exist");
    }

    [Fact]
    public async Task An_archived_attribute_is_listed_only_with_archived_ones_and_can_be_unarchived()
    {
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: Ct);
        var created = await intercom.Client.CreateDataAttributeAsync(new IntercomDataAttributeCreate { Name = "Old Metric", Model = "company", DataType = "integer" }, Ct);

        var archived = await intercom.Client.UpdateDataAttributeAsync(created.Id!.Value, new IntercomDataAttributeUpdate { Archived = true }, Ct);
        var live = await intercom.Client.ListDataAttributesAsync("company", Ct);
        var all = await intercom.Client.ListDataAttributesAsync("company", includeArchived: true, Ct);
        var unarchived = await intercom.Client.UpdateDataAttributeAsync(created.Id!.Value, new IntercomDataAttributeUpdate { Archived = false }, Ct);
        var missing = await Should.ThrowAsync<IntercomNotFoundException>(() =>
            intercom.Client.UpdateDataAttributeAsync(999_999_999, new IntercomDataAttributeUpdate { Archived = true }, Ct));

        archived.Archived.ShouldBe(true);
        live.ShouldNotContain(a => a.Name == "Old Metric");
        all.ShouldContain(a => a.Name == "Old Metric" && a.Archived == true);
        unarchived.Archived.ShouldBe(false);
        missing.ErrorCode.ShouldBe("field_not_found");
    }

    [Fact]
    public async Task Creating_past_250_live_custom_attributes_is_refused_until_one_is_archived()
    {
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: Ct);
        var live = intercom.Workspace.DataAttributes.Count(a => a.Custom && !a.Archived);
        for (var i = live; i < IntercomDataAttributeNames.WorkspaceLimit; i++)
            intercom.Workspace.DefineDataAttribute("contact", $"Filler {i}", "string");
        var one = new IntercomDataAttributeCreate { Name = "One Too Many", Model = "company", DataType = "integer" };

        var refused = await Should.ThrowAsync<IntercomValidationException>(() => intercom.Client.CreateDataAttributeAsync(one, Ct));
        var filler = intercom.Workspace.DataAttributes.First(a => a.Name == $"Filler {live}");
        await intercom.Client.UpdateDataAttributeAsync(filler.Id!.Value, new IntercomDataAttributeUpdate { Archived = true }, Ct);
        var created = await intercom.Client.CreateDataAttributeAsync(one, Ct);

        refused.ErrorMessage.ShouldNotBeNull().ShouldContain("limit of 250");
        created.Name.ShouldBe("One Too Many");
    }
}

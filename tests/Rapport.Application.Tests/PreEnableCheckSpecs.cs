namespace Rapport.Application.Tests;

public sealed class PreEnableCheckSpecs
{
    [Fact]
    public async Task The_check_lists_exactly_the_companies_without_company_id_and_the_users_without_user_id()
    {
        await using var harness = await ImportHarness.StartAsync();
        var good = harness.Company("good", users: 2);
        var noId = harness.Workspace.AddCompany(c => c.Name = "Nameless Inc");
        var userWithoutId = harness.User(null, good.Id);
        var lead = harness.User(null, good.Id);
        harness.Workspace.UpdateContact(lead.Id, c => c.Role = "lead");

        var report = await harness.CheckAsync();

        report.Passed.ShouldBeFalse();
        report.CompaniesChecked.ShouldBe(2);
        report.CompaniesWithoutCompanyId.Select(c => (c.IntercomId, c.Name)).ShouldBe([(noId.Id, "Nameless Inc")]);
        report.UsersChecked.ShouldBe(3);
        report.LeadsIgnored.ShouldBe(1);
        report.UsersWithoutUserId.Select(u => (u.IntercomId, u.Email)).ShouldBe([(userWithoutId.Id, userWithoutId.Email)]);
    }

    [Fact]
    public async Task The_check_passes_when_every_company_and_user_has_its_id_and_reports_shared_emails()
    {
        await using var harness = await ImportHarness.StartAsync();
        var company = harness.Company("acme", users: 1);
        var twin = harness.User("twin", company.Id);
        harness.Workspace.UpdateContact(twin.Id, c => c.Email = "acme-user-0@example.com");

        var report = await harness.CheckAsync();

        report.Passed.ShouldBeTrue();
        report.SharedEmails.ShouldHaveSingleItem().Email.ShouldBe("acme-user-0@example.com");
    }
}

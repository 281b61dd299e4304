using Rapport.Hub.Sources;

namespace Rapport.Hub.Tests.Sources;

/// <summary>What a company seen in a source does to its account, decided before anything is written.</summary>
public sealed class CompanyAccountsSpecs
{
    [Fact]
    public void A_qualified_company_with_an_external_id_attaches_to_the_account_of_that_id()
    {
        var effect = CompanyAccounts.Decide(Decision("acme", qualified: true), storedAccountId: null, accountId: 7);

        effect.ShouldBe(new CompanyAccountEffect(CompanyAccountAction.Attach));
    }

    [Fact]
    public void A_company_whose_external_id_changed_leaves_its_old_account_to_be_rechecked()
    {
        var effect = CompanyAccounts.Decide(Decision("acme-2", qualified: true), storedAccountId: 3, accountId: 7);

        effect.ShouldBe(new CompanyAccountEffect(CompanyAccountAction.Attach, 3, "its company now has another external id"));
    }

    [Fact]
    public void A_company_never_imported_and_not_qualified_is_ignored()
    {
        CompanyAccounts.Decide(Decision("acme", qualified: false), storedAccountId: null, accountId: null)
            .ShouldBe(new CompanyAccountEffect(CompanyAccountAction.Ignore));
        CompanyAccounts.Decide(Decision(null, qualified: true), storedAccountId: null, accountId: null)
            .ShouldBe(new CompanyAccountEffect(CompanyAccountAction.Ignore));
    }

    [Theory]
    [InlineData("acme", "fewer than 2 seats", "fewer than 2 seats")]
    [InlineData("acme", null, "no longer qualifies")]
    [InlineData(null, null, "no external id")]
    public void A_company_imported_before_that_no_longer_qualifies_detaches_with_its_reason(string? externalId, string? reason, string expected)
    {
        var effect = CompanyAccounts.Decide(Decision(externalId, qualified: externalId is null, reason), storedAccountId: 3, accountId: null);

        effect.ShouldBe(new CompanyAccountEffect(CompanyAccountAction.Detach, 3, expected));
    }

    [Fact]
    public void Only_a_qualified_company_with_an_external_id_makes_an_account()
    {
        CompanyAccounts.MakesAccount(Decision("acme", qualified: true)).ShouldBeTrue();
        CompanyAccounts.MakesAccount(Decision("acme", qualified: false)).ShouldBeFalse();
        CompanyAccounts.MakesAccount(Decision(null, qualified: true)).ShouldBeFalse();
    }

    [Fact]
    public void An_account_making_company_needs_its_account()
    {
        Should.Throw<ArgumentNullException>(() => CompanyAccounts.Decide(Decision("acme", qualified: true), null, null));
    }

    private static CompanyDecision Decision(string? externalId, bool qualified, string? reason = null) => new(
        new SourceCompany("intercom", "c-1", externalId, "Acme", null, null, null, null, null, null, null, null, null, null, [], [], "{}", "{}"),
        qualified,
        reason);
}

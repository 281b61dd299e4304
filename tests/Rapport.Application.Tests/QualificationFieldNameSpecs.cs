using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Rapport.Hub.Rules;
using Rapport.Intercom;
using Rapport.Application.Import;

namespace Rapport.Application.Tests;

/// <summary>A qualification rule may use the account model's spelling of a company's fields: both name the same value.</summary>
public sealed class QualificationFieldNameSpecs
{
    private static readonly IntercomCompany Acme = new()
    {
        Id = "abc",
        CompanyId = "acme",
        Plan = new IntercomPlan("p1", "Pro"),
        MonthlySpend = 250m,
        CustomAttributes = new Dictionary<string, JsonElement> { ["tier"] = JsonDocument.Parse("\"gold\"").RootElement },
    };

    private static bool Qualifies(string rule) =>
        Condition.Parse(rule).Evaluate(new CompanyFields(Acme, new FakeTimeProvider())).Matched;

    [Theory]
    [InlineData("custom_attributes.tier = gold", "traits.intercom.tier = gold")]
    [InlineData("plan = Pro", "traits.intercom.plan = Pro")]
    [InlineData("monthly_spend > 200", "traits.intercom.monthly_spend > 200")]
    [InlineData("company_id = acme", "external_id = acme")]
    public void Both_spellings_of_a_field_qualify_the_same_company(string qualification, string model)
    {
        Qualifies(qualification).ShouldBeTrue();
        Qualifies(model).ShouldBeTrue();
        Qualifies($"not ({model})").ShouldBeFalse();
    }
}

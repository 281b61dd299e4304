using Rapport.Hub.Model;
using Rapport.Hub.Rules;
using static Rapport.Hub.Tests.Model.Models;

namespace Rapport.Hub.Tests.Rules;

/// <summary>The qualification rules and the account model read one condition language: each accepts the other's spellings.</summary>
public sealed class FieldNameSpecs
{
    [Theory]
    [InlineData("custom_attributes.tier", "traits.intercom.tier")]
    [InlineData("company_id", "external_id")]
    [InlineData("monthly_spend", "traits.intercom.monthly_spend")]
    [InlineData("last_request_at", "last_seen")]
    [InlineData("traits.stripe.mrr", "traits.stripe.mrr")]
    [InlineData("plan", "plan")]
    public void A_qualification_field_reads_as_the_models_field(string qualification, string model) =>
        FieldNames.ToModel(qualification).ShouldBe(model);

    [Theory]
    [InlineData("traits.intercom.tier", "custom_attributes.tier")]
    [InlineData("traits.intercom.plan", "plan")]
    [InlineData("traits.intercom.monthly_spend", "monthly_spend")]
    [InlineData("external_id", "company_id")]
    [InlineData("source_segments", "segments")]
    [InlineData("Custom_Attributes.Tier", "custom_attributes.Tier")]
    [InlineData("PLAN", "plan")]
    public void A_model_field_reads_as_the_qualification_field(string model, string qualification) =>
        FieldNames.ToCompany(model).ShouldBe(qualification);

    [Fact]
    public void A_model_rule_written_with_custom_attributes_validates_and_reads_the_intercom_trait()
    {
        var catalog = new ModelCatalog(["plan"], ["intercom.tier"], []);
        var definitions = new ModelDefinitions
        {
            Segments = [new SegmentDefinition { Name = "Gold", Rule = "custom_attributes.tier = gold" }],
        };
        var model = AccountModel.Create(definitions, catalog).Model.ShouldNotBeNull();
        var gold = new AccountInputs(new Accounts.AccountId(1)) { Traits = { ["intercom.tier"] = "Gold" } };
        var silver = new AccountInputs(new Accounts.AccountId(2)) { Traits = { ["intercom.tier"] = "silver" } };

        model.Evaluate(gold, null, Now).Segments.ShouldBe(["Gold"]);
        model.Evaluate(silver, null, Now).Segments.ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_custom_attribute_in_a_model_rule_is_named_as_the_trait_it_stands_for()
    {
        var catalog = new ModelCatalog(["plan"], ["intercom.tier"], []);
        var definitions = new ModelDefinitions { Segments = [new SegmentDefinition { Name = "Gold", Rule = "custom_attributes.teir = gold" }] };

        AccountModel.Create(definitions, catalog).Problems.Single().Message.ShouldContain("unknown trait 'intercom.teir'");
    }
}

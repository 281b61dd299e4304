using Rapport.Hub.Rules;

namespace Rapport.Hub.Tests.Rules;

public sealed class OperatorSpecs
{
    private readonly DictionaryFieldSource _acme = Companies.Acme();

    [Theory]
    [InlineData("plan = Pro", true)]
    [InlineData("plan = pro", true)]
    [InlineData("plan = \"PRO\"", true)]
    [InlineData("plan = Free", false)]
    [InlineData("plan != Free", true)]
    [InlineData("plan != pro", false)]
    [InlineData("name = \"acme corp\"", true)]
    [InlineData("company_id = \"007\"", true)]
    [InlineData("company_id = \"7\"", false)]
    [InlineData("company_id = 7", true)]
    public void Strings_compare_without_case(string rule, bool expected) =>
        _acme.Matches(rule).ShouldBe(expected);

    [Theory]
    [InlineData("monthly_spend = 120.5", true)]
    [InlineData("monthly_spend = 120.50", true)]
    [InlineData("monthly_spend > 100", true)]
    [InlineData("monthly_spend > 120.5", false)]
    [InlineData("monthly_spend >= 120.5", true)]
    [InlineData("monthly_spend < 120.5", false)]
    [InlineData("monthly_spend <= 120.5", true)]
    [InlineData("user_count < 1e2", true)]
    [InlineData("user_count > -1", true)]
    [InlineData("user_count != 42", false)]
    [InlineData("monthly_spend > \"100\"", true)]
    public void Numbers_compare_numerically(string rule, bool expected) =>
        _acme.Matches(rule).ShouldBe(expected);

    [Theory]
    [InlineData("custom_attributes.seats = 25", true)]
    [InlineData("custom_attributes.seats = 25.0", true)]
    [InlineData("custom_attributes.seats > 9", true)]
    [InlineData("custom_attributes.seats < 100", true)]
    [InlineData("custom_attributes.seats > \"9\"", true)]
    [InlineData("custom_attributes.seats in [10, 25]", true)]
    public void A_numeric_string_field_compares_as_a_number(string rule, bool expected) =>
        _acme.Matches(rule).ShouldBe(expected);

    [Theory]
    [InlineData("custom_attributes.active = true", true)]
    [InlineData("custom_attributes.active = false", false)]
    [InlineData("custom_attributes.active != false", true)]
    [InlineData("custom_attributes.active = \"TRUE\"", true)]
    [InlineData("custom_attributes.active > false", false)]
    public void Booleans_equal_booleans_and_have_no_order(string rule, bool expected) =>
        _acme.Matches(rule).ShouldBe(expected);

    [Theory]
    [InlineData("name contains acme", true)]
    [InlineData("name contains \"ME CO\"", true)]
    [InlineData("name contains Globex", false)]
    [InlineData("name not contains Globex", true)]
    [InlineData("website contains example.com", true)]
    [InlineData("session_count contains 13", false)]
    public void Contains_finds_a_substring_in_a_string(string rule, bool expected) =>
        _acme.Matches(rule).ShouldBe(expected);

    [Theory]
    [InlineData("tags contains vip", true)]
    [InlineData("tags contains VIP", true)]
    [InlineData("tags contains vi", false)]
    [InlineData("tags not contains churned", true)]
    [InlineData("tags not contains beta", false)]
    [InlineData("segments contains anything", false)]
    public void Contains_finds_a_member_of_a_list(string rule, bool expected) =>
        _acme.Matches(rule).ShouldBe(expected);

    [Theory]
    [InlineData("plan in [Free, Pro]", true)]
    [InlineData("plan in [\"free\", \"pro\"]", true)]
    [InlineData("plan in [Free, Starter]", false)]
    [InlineData("plan not in [Free, Starter]", true)]
    [InlineData("plan in []", false)]
    [InlineData("user_count in [41, 42, 43]", true)]
    [InlineData("custom_attributes.tier in [\"gold\", \"silver\"]", true)]
    [InlineData("tags in [gold, vip]", true)]
    [InlineData("tags not in [gold, churned]", true)]
    public void In_matches_any_item_of_the_list(string rule, bool expected) =>
        _acme.Matches(rule).ShouldBe(expected);

    [Theory]
    [InlineData("website exists", true)]
    [InlineData("website not exists", false)]
    [InlineData("tags exists", true)]
    [InlineData("segments exists", false)]
    [InlineData("size exists", false)]
    [InlineData("size not exists", true)]
    [InlineData("no_such_field exists", false)]
    [InlineData("no_such_field not exists", true)]
    public void Exists_means_the_field_has_a_value(string rule, bool expected) =>
        _acme.Matches(rule).ShouldBe(expected);

    [Fact]
    public void A_blank_string_does_not_exist()
    {
        var company = new DictionaryFieldSource { ["website"] = "  " };

        company.Matches("website exists").ShouldBeFalse();
    }

    [Theory]
    [InlineData("plan > 5")]
    [InlineData("plan = 5")]
    [InlineData("plan = true")]
    [InlineData("plan < 2024-01-01")]
    [InlineData("name > Acme")]
    [InlineData("tags = vip")]
    [InlineData("tags > 1")]
    [InlineData("last_seen = Pro")]
    [InlineData("last_seen contains 2024")]
    [InlineData("custom_attributes.active = 1")]
    [InlineData("monthly_spend contains 1")]
    public void Incompatible_types_do_not_match_and_do_not_throw(string rule) =>
        _acme.Matches(rule).ShouldBeFalse();

    [Theory]
    [InlineData("plan != 5")]
    [InlineData("tags != vip")]
    [InlineData("monthly_spend not contains 1")]
    public void Negative_operators_are_the_exact_negation_so_incompatible_types_pass_them(string rule) =>
        _acme.Matches(rule).ShouldBeTrue();
}

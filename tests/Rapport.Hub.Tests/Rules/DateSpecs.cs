using Rapport.Hub.Rules;

namespace Rapport.Hub.Tests.Rules;

public sealed class DateSpecs
{
    // 2024-05-01T10:30:00Z
    private readonly DictionaryFieldSource _acme = Companies.Acme();

    [Theory]
    [InlineData("last_seen = 2024-05-01", true)]
    [InlineData("last_seen = \"2024-05-01\"", true)]
    [InlineData("last_seen = 2024-05-02", false)]
    [InlineData("last_seen != 2024-05-01", false)]
    [InlineData("last_seen > 2024-04-30", true)]
    [InlineData("last_seen > 2024-05-01", false)]
    [InlineData("last_seen >= 2024-05-01", true)]
    [InlineData("last_seen <= 2024-05-01", true)]
    [InlineData("last_seen < 2024-05-01", false)]
    [InlineData("last_seen < 2024-05-02", true)]
    public void A_date_only_value_is_the_whole_UTC_day(string rule, bool expected) =>
        _acme.Matches(rule).ShouldBe(expected);

    [Theory]
    [InlineData("last_seen > \"2024-05-01T10:00:00Z\"", true)]
    [InlineData("last_seen < \"2024-05-01T10:00:00Z\"", false)]
    [InlineData("last_seen = \"2024-05-01T10:30:00Z\"", true)]
    [InlineData("last_seen = \"2024-05-01T12:30:00+02:00\"", true)]
    [InlineData("last_seen > \"2024-05-01T12:00:00+02:00\"", true)]
    [InlineData("last_seen > \"2024-05-01T10:30:00\"", false)]
    public void A_timestamp_value_is_an_instant(string rule, bool expected) =>
        _acme.Matches(rule).ShouldBe(expected);

    [Theory]
    [InlineData("last_seen > 1714557600", true)] // 2024-05-01T10:00:00Z
    [InlineData("last_seen = 1714559400", true)] // 2024-05-01T10:30:00Z
    [InlineData("last_seen < 1714557600", false)]
    public void Unix_seconds_compare_with_dates(string rule, bool expected) =>
        _acme.Matches(rule).ShouldBe(expected);

    [Theory]
    [InlineData("custom_attributes.renewal_at = 2025-01-01", true)]
    [InlineData("custom_attributes.renewal_at < 2025-02-01", true)]
    [InlineData("custom_attributes.renewal_at > \"2024-12-31T23:59:59Z\"", true)]
    [InlineData("custom_attributes.renewal_at > 1735689599", true)]
    public void A_unix_seconds_attribute_compares_with_iso_dates(string rule, bool expected) =>
        _acme.Matches(rule).ShouldBe(expected);

    [Fact]
    public void Iso_strings_on_both_sides_compare_as_dates()
    {
        var company = new DictionaryFieldSource { ["custom_attributes.trial_ends"] = "2024-06-15T08:00:00Z" };

        company.Matches("custom_attributes.trial_ends > 2024-06-14").ShouldBeTrue();
        company.Matches("custom_attributes.trial_ends = 2024-06-15").ShouldBeTrue();
        company.Matches("custom_attributes.trial_ends < 2024-06-15").ShouldBeFalse();
    }

    [Theory]
    [InlineData("last_seen > yesterday")]
    [InlineData("last_seen > \"05/01/2024\"")]
    [InlineData("last_seen = 2024-13-01")]
    public void A_value_that_is_not_an_iso_date_never_matches_a_date(string rule) =>
        _acme.Matches(rule).ShouldBeFalse();

    [Fact]
    public void A_date_built_in_code_becomes_its_iso_text()
    {
        var rule = new FieldCondition("last_seen", RuleOperator.GreaterThan, new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero));

        rule.ToString().ShouldBe("last_seen > 2024-05-01T00:00:00Z");
        rule.IsMatch(_acme).ShouldBeTrue();
    }
}

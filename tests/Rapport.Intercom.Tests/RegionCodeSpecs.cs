namespace Rapport.Intercom.Tests;

/// <summary>The region codes of the config file, the command line and the connect form, and the API host each one means.</summary>
public sealed class RegionCodeSpecs
{
    [Theory]
    [InlineData("us", IntercomRegion.UnitedStates, "https://api.intercom.io/")]
    [InlineData("eu", IntercomRegion.Europe, "https://api.eu.intercom.io/")]
    [InlineData("au", IntercomRegion.Australia, "https://api.au.intercom.io/")]
    [InlineData(" EU ", IntercomRegion.Europe, "https://api.eu.intercom.io/")]
    [InlineData("", IntercomRegion.UnitedStates, "https://api.intercom.io/")]
    [InlineData("  ", IntercomRegion.UnitedStates, "https://api.intercom.io/")]
    [InlineData(null, IntercomRegion.UnitedStates, "https://api.intercom.io/")]
    public void A_known_or_empty_code_is_a_region_with_its_API_host(string? code, IntercomRegion expected, string host)
    {
        var region = IntercomRegionCodes.Parse(code);

        region.ShouldBe(expected);
        IntercomRegionCodes.TryParse(code, out var tried).ShouldBeTrue();
        tried.ShouldBe(expected);
        IntercomClientOptions.BaseAddressFor(region).ShouldBe(new Uri(host));
    }

    [Theory]
    [InlineData("mars")]
    [InlineData("us-east-1")]
    public void An_unknown_code_is_refused_naming_it_and_the_allowed_codes(string code)
    {
        IntercomRegionCodes.TryParse(code, out _).ShouldBeFalse();
        var error = Should.Throw<FormatException>(() => IntercomRegionCodes.Parse(code));

        error.Message.ShouldBe($"'{code}' is not an Intercom region: use us, eu or au");
    }

    [Theory]
    [InlineData(IntercomRegion.UnitedStates)]
    [InlineData(IntercomRegion.Europe)]
    [InlineData(IntercomRegion.Australia)]
    public void A_region_s_code_parses_back_to_it(IntercomRegion region) =>
        IntercomRegionCodes.Parse(IntercomRegionCodes.Code(region)).ShouldBe(region);
}

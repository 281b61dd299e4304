using System.Security.Cryptography;
using System.Text;
using Rapport.Intercom.Webhooks;

namespace Rapport.Intercom.Tests;

public sealed class WebhookSignatureSpecs
{
    private const string Secret = "sim_secret";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"notification_event","id":"notif_1","topic":"ping","data":{"item":{"type":"ping","message":"héllo"}}}""");

    [Fact]
    public void A_signature_computed_independently_with_HMACSHA1_is_valid_and_matches_Sign()
    {
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(Secret));
        var header = "sha1=" + Convert.ToHexString(hmac.ComputeHash(Body)).ToLowerInvariant();

        var valid = IntercomWebhookSignature.IsValid(Body, header, Secret);
        var upperCase = IntercomWebhookSignature.IsValid(Body, header.ToUpperInvariant().Replace("SHA1=", "sha1=", StringComparison.Ordinal), Secret);

        valid.ShouldBeTrue();
        upperCase.ShouldBeTrue();
        IntercomWebhookSignature.Sign(Body, Secret).ShouldBe(header);
    }

    [Fact]
    public void The_RFC_2202_test_vector_signs_as_published()
    {
        // RFC 2202 §3, test case 2: key "Jefe", data "what do ya want for nothing?".
        var signature = IntercomWebhookSignature.Sign("what do ya want for nothing?"u8, "Jefe");

        signature.ShouldBe("sha1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    }

    [Fact]
    public void A_flipped_byte_in_the_body_or_another_secret_fails()
    {
        var header = IntercomWebhookSignature.Sign(Body, Secret);
        var tampered = (byte[])Body.Clone();
        tampered[^3] ^= 0x01;

        IntercomWebhookSignature.IsValid(tampered, header, Secret).ShouldBeFalse();
        IntercomWebhookSignature.IsValid(Body, header, "other_secret").ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha1=")]
    [InlineData("sha256=0000000000000000000000000000000000000000")]
    [InlineData("sha1=zz1b1f2d3c4e5f60718293a4b5c6d7e8f9001122")]
    [InlineData("sha1=4f1b1f2d3c4e5f60718293a4b5c6d7e8f90011")]
    [InlineData("4f1b1f2d3c4e5f60718293a4b5c6d7e8f9001122aa")]
    [InlineData("sha1=4f1b1f2d3c4e5f60718293a4b5c6d7e8f9001122")]
    public void A_missing_malformed_or_wrong_header_is_false_not_an_exception(string? header)
    {
        var valid = IntercomWebhookSignature.IsValid(Body, header, Secret);

        valid.ShouldBeFalse();
    }
}

using System.Diagnostics.Metrics;
using System.Security.Cryptography;

namespace Rapport.Web.Auth;

/// <summary>
/// Checks a password against a teammate's stored hash, or against a stand-in hash when no teammate has the email: an
/// unknown email then costs the same PBKDF2 work as a wrong password, so response times do not tell which emails exist
/// (without the stand-in, an unknown email was answered in 0 ms against 53 ms for a wrong password). Each check is
/// counted on the <c>Rapport.Auth</c> meter (<c>rapport.auth.password_verifications</c>, e.g.
/// <c>dotnet-counters monitor -n rapport --counters Rapport.Auth</c>), which shows a guessing run as it happens.
/// </summary>
internal sealed class PasswordVerifier
{
    public const string MeterName = "Rapport.Auth";

    // The hash of a secret nobody knows, made once with the same hasher (and so the same work factor) as real ones.
    private static readonly Lazy<string> StandIn = new(() => Passwords.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));

    private readonly Counter<long> _verifications;

    public PasswordVerifier(IMeterFactory meters) =>
        _verifications = meters.Create(MeterName).CreateCounter<long>(
            "rapport.auth.password_verifications", unit: "{verification}", description: "Password hashes verified, for known and unknown emails alike");

    /// <returns>True only when <paramref name="hash"/> is a teammate's and <paramref name="password"/> matches it.</returns>
    public bool Verify(string? hash, string? password)
    {
        _verifications.Add(1);
        var matches = Passwords.Verify(hash ?? StandIn.Value, password ?? "");
        return matches && hash is not null;
    }
}

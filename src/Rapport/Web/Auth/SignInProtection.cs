using Rapport.Hub.Security;

namespace Rapport.Web.Auth;

/// <summary>
/// How hard Rapport makes guessing passwords. Every request that tries a password (the sign-in form, changing
/// one's password) counts against its client address with the account, and against the address alone; past either
/// limit it is answered 429 before the password is looked at. Independently, <see cref="Lock"/> locks an account after
/// repeated failures from anywhere.
/// </summary>
public sealed record SignInProtection
{
    /// <summary>Password attempts per minute from one address on one account (the sixth within a minute is refused).</summary>
    public int AttemptsPerAccountPerMinute { get; init; } = 5;

    /// <summary>Password attempts per minute from one address, whichever accounts they try.</summary>
    public int AttemptsPerAddressPerMinute { get; init; } = 20;

    public SignInLockPolicy Lock { get; init; } = SignInLockPolicy.Default;
}

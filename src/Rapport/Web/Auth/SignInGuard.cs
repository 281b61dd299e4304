using Rapport.Hub.Team;
using Rapport.Web.Audit;
using Rapport.Hub.Security;

namespace Rapport.Web.Auth;

/// <summary>
/// Every check of a teammate's password goes through here: a locked account is refused before its password is looked
/// at, a known and an unknown email take the same path (one hash verified, one failure counted), and the failure that
/// reaches the limit locks the email (<see cref="SignInProtection.Lock"/>).
/// </summary>
internal sealed class SignInGuard(ISignInStore signInStore, ITeamStore teamStore, PasswordVerifier verifier, IAuditLog audit, RapportWebOptions options)
{
    public async Task<PasswordAttempt> CheckAsync(string? email, string? password, CancellationToken cancellationToken = default)
    {
        var key = email?.Trim() ?? "";
        if (key.Length > 0 && await signInStore.FindSignInLockAsync(key, cancellationToken) is { } lockedUntil)
            return new PasswordAttempt(null, lockedUntil, KnownEmail: null);

        var credentials = key.Length > 0 ? await teamStore.FindTeammateByEmailAsync(key, cancellationToken) : null;
        if (verifier.Verify(credentials?.PasswordHash, password) && credentials is not null)
        {
            await signInStore.ClearFailedSignInsAsync(key, cancellationToken);
            return new PasswordAttempt(credentials.Teammate, null, KnownEmail: true);
        }

        var lockedNow = key.Length > 0 ? await signInStore.RecordFailedSignInAsync(key, options.SignIn.Lock, cancellationToken) : null;
        var attempt = new PasswordAttempt(null, lockedNow, KnownEmail: credentials is not null);
        if (lockedNow is not null)
            await audit.RecordAsync(AuditActions.AccountLocked, key, $"until {attempt.LockedUntilText} after {options.SignIn.Lock.Failures} failed sign-ins");
        return attempt;
    }
}

/// <param name="Teammate">Set when the password was right.</param>
/// <param name="LockedUntil">Set when the account is locked, already or by this failure.</param>
/// <param name="KnownEmail">Whether a teammate has the email; null when a lock refused the attempt before looking.</param>
internal sealed record PasswordAttempt(Teammate? Teammate, DateTimeOffset? LockedUntil, bool? KnownEmail)
{
    /// <summary>When the lock ends, in UTC as every page shows times: "14:15 UTC".</summary>
    public string? LockedUntilText => LockedUntil?.UtcDateTime.ToString("HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What the page says of a lock.</summary>
    public string? LockMessage => LockedUntilText is { } until ? $"This account is locked until {until} after repeated failed sign-ins." : null;

    /// <summary>Why the attempt failed, for the audit log (Admins may know which emails exist).</summary>
    public string FailureDetail => KnownEmail switch
    {
        null => "refused: the account is locked",
        true => "wrong password",
        false => "no teammate has this email",
    };
}

using Rapport.Hub.Security;

namespace Rapport.Hub.Storage;

/// <summary>
/// Failed sign-ins counted per email, whether or not a teammate has it, so that a lock says nothing about which emails
/// exist. Emails compare without regard to case or surrounding spaces.
/// </summary>
public partial interface IHubStore
{
    /// <summary>Until when the email is locked; null when it is not locked now.</summary>
    Task<DateTimeOffset?> FindSignInLockAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Counts a failed sign-in; returns until when the email is locked when this failure locks it, else null.</summary>
    Task<DateTimeOffset?> RecordFailedSignInAsync(string email, SignInLockPolicy policy, CancellationToken cancellationToken = default);

    /// <summary>A successful sign-in starts the count afresh.</summary>
    Task ClearFailedSignInsAsync(string email, CancellationToken cancellationToken = default);
}

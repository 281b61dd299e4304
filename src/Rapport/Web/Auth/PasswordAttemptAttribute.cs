namespace Rapport.Web.Auth;

/// <summary>
/// Marks a page whose POST (to <see cref="Handler"/>, or any handler) tries a password, so that the sign-in limits count
/// it (<see cref="SignInLimits"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class PasswordAttemptAttribute : Attribute
{
    /// <summary>The page handler that takes the password; null: every POST of the page.</summary>
    public string? Handler { get; init; }
}

namespace Rapport.Hub.Security;

/// <summary>
/// When repeated failed sign-ins lock an email: <paramref name="Failures"/> of them within <paramref name="Duration"/> of
/// the first lock it for <paramref name="Duration"/>. Zero failures: never locked.
/// </summary>
public sealed record SignInLockPolicy(int Failures, TimeSpan Duration)
{
    public static SignInLockPolicy Default { get; } = new(10, TimeSpan.FromMinutes(15));

    public bool Locks => Failures > 0;
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Rapport.Hub.Team;

namespace Rapport.Web.Auth;

/// <summary>ASP.NET Core Identity's hasher (PBKDF2, salted, versioned) without the rest of Identity.</summary>
internal static class Passwords
{
    private static readonly PasswordHasher<Teammate> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(null!, hash, password) is not PasswordVerificationResult.Failed;

    /// <summary>
    /// A password for a new teammate or the first admin: 16 characters a person can type. Drawn again in the (vanishingly
    /// unlikely) case that it breaks a rule, so that a generated password is always one the teammate could have chosen.
    /// </summary>
    public static string Generate()
    {
        while (true)
        {
            var password = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
            if (PasswordRules.Problem(password, null) is null)
                return password;
        }
    }
}

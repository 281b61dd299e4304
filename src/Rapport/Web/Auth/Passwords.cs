using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Rapport.Hub.Team;

namespace Rapport.Web.Auth;

/// <summary>ASP.NET Core Identity's hasher (PBKDF2, salted, versioned) without the rest of Identity.</summary>
internal static class Passwords
{
    public const int MinimumLength = 10;

    private static readonly PasswordHasher<Teammate> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(null!, hash, password) is not PasswordVerificationResult.Failed;

    /// <summary>A password for a new teammate or the first admin: 16 characters a person can type.</summary>
    public static string Generate() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);

    public static string? Problem(string? password) =>
        string.IsNullOrEmpty(password) || password.Length < MinimumLength ? $"a password needs at least {MinimumLength} characters" : null;
}

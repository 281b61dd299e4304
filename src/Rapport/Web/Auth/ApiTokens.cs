using System.Security.Cryptography;
using System.Text;

namespace Rapport.Web.Auth;

/// <summary>
/// Personal API tokens: <c>rpt_</c> + 32 random bytes, base64url. Only a SHA-256 of the token is stored (a token is
/// already high-entropy, so a slow hash adds nothing), and it is shown once.
/// </summary>
internal static class ApiTokens
{
    public const string Prefix = "rpt_";

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool LooksLikeToken(string value) => value.StartsWith(Prefix, StringComparison.Ordinal) && value.Length > Prefix.Length + 20;
}

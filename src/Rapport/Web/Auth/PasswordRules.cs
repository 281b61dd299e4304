using System.Collections.Frozen;

namespace Rapport.Web.Auth;

/// <summary>
/// What a new password must not be, wherever one is set (the first admin, one's own profile), each refusal saying why:
/// shorter than <see cref="MinimumLength"/>, one character repeated, on a list of common passwords, or made of the email
/// or of the product's name (so <c>aaaaaaaaaa</c> does not pass). "Made of" means that once those words are taken
/// out, fewer than <see cref="MinimumOtherLetters"/> letters are left: <c>Rapport2026!</c> is refused, a sentence that
/// happens to hold the word is not.
/// </summary>
internal static class PasswordRules
{
    public const int MinimumLength = 10;

    public const string ProductName = "Rapport";

    private const int MinimumOtherLetters = 4;

    // Pieces of an email shorter than this (the "jo" of jo.smith@…) are left in a password: too short to guess from.
    private const int MinimumEmailPiece = 3;

    private static readonly FrozenSet<string> Common = LoadCommon();

    /// <summary>Why <paramref name="password"/> cannot be the password of <paramref name="email"/>; null when it can.</summary>
    public static string? Problem(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
            return $"a password needs at least {MinimumLength} characters";
        if (password.All(c => c == password[0]))
            return "a password of one character repeated is easy to guess";
        if (Common.Contains(password))
            return "that password is on a list of the most common passwords";

        var lower = password.ToLowerInvariant();
        if (lower.Contains(ProductName.ToLowerInvariant(), StringComparison.Ordinal) && MadeOf(lower, [ProductName.ToLowerInvariant(), .. EmailWords(email)]))
            return $"a password made of the name {ProductName} is easy to guess";
        if (MadeOf(lower, EmailWords(email)))
            return "a password made of the email address (or the part before @) is easy to guess";
        return null;
    }

    private static bool MadeOf(string password, IEnumerable<string> words)
    {
        var rest = password;
        var removed = false;
        foreach (var word in words.OrderByDescending(w => w.Length))
        {
            removed |= rest.Contains(word, StringComparison.Ordinal);
            rest = rest.Replace(word, "", StringComparison.Ordinal);
        }

        return removed && rest.Count(char.IsLetter) < MinimumOtherLetters;
    }

    /// <summary>The email itself, the part before @, its pieces (ada and lovelace of ada.lovelace) and the domain's names but the last.</summary>
    private static IEnumerable<string> EmailWords(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
            yield break;
        var lower = email.Trim().ToLowerInvariant();
        yield return lower;
        var at = lower.LastIndexOf('@');
        var local = at < 0 ? lower : lower[..at];
        yield return local;
        var labels = at < 0 ? [] : lower[(at + 1)..].Split('.');
        foreach (var piece in local.Split(['.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries).Concat(labels.SkipLast(labels.Length > 1 ? 1 : 0)))
        {
            if (piece.Length >= MinimumEmailPiece)
                yield return piece;
        }
    }

    private static FrozenSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("Rapport.Web.Auth.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is not embedded in the build.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
                passwords.Add(line.Trim());
        }

        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}

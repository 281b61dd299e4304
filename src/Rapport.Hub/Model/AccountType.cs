namespace Rapport.Hub.Model;

/// <summary>An account's lifecycle type; rules spell them <c>subscribed</c>, <c>trial</c>, <c>unqualified_trial</c>, <c>churned</c>.</summary>
public enum AccountType
{
    Subscribed,
    Trial,
    UnqualifiedTrial,
    Churned,
}

public static class AccountTypes
{
    public static IReadOnlyList<string> Names { get; } = ["subscribed", "trial", "unqualified_trial", "churned"];

    public static string ToName(this AccountType type) => Names[(int)type];
}

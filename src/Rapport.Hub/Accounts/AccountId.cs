namespace Rapport.Hub.Accounts;

/// <summary>The hub's own id of an account (a customer company), independent of any source.</summary>
public readonly record struct AccountId(long Value)
{
    public static AccountId Parse(string text) => new(long.Parse(text, System.Globalization.CultureInfo.InvariantCulture));

    public static bool TryParse(string? text, out AccountId id)
    {
        var ok = long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value);
        id = new AccountId(value);
        return ok;
    }

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

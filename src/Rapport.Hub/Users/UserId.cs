namespace Rapport.Hub.Users;

/// <summary>The hub's own id of a user (a person at one or more accounts), independent of any source.</summary>
public readonly record struct UserId(long Value)
{
    public static UserId Parse(string text) => new(long.Parse(text, System.Globalization.CultureInfo.InvariantCulture));

    public static bool TryParse(string? text, out UserId id)
    {
        var ok = long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value);
        id = new UserId(value);
        return ok;
    }

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

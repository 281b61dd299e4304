namespace Rapport.Intercom;

/// <summary>Whose events to list: GET /events takes exactly one of <c>intercom_user_id</c> (works for leads too),
/// <c>user_id</c> or <c>email</c> (spec 2.16 GET /events).</summary>
public sealed record IntercomEventUser
{
    private IntercomEventUser(string parameter, string value) => (Parameter, Value) = (parameter, value);

    public string Parameter { get; }

    public string Value { get; }

    public static IntercomEventUser ByIntercomId(string id) => new("intercom_user_id", Require(id));

    public static IntercomEventUser ByUserId(string userId) => new("user_id", Require(userId));

    public static IntercomEventUser ByEmail(string email) => new("email", Require(email));

    internal string Query => $"{Parameter}={Uri.EscapeDataString(Value)}";

    private static string Require(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return value;
    }
}

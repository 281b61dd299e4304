namespace Rapport.Hub.Push;

/// <summary>
/// A data attribute a push has written on <paramref name="Model"/> (<c>company</c> or <c>contact</c>): what makes an
/// attribute stale once the account model stops producing it (a renamed or deleted element or metric).
/// </summary>
/// <param name="DataType">Intercom's data type: string, integer, boolean or date.</param>
/// <param name="ArchivedAt">When Rapport archived it in Intercom (the opt-in), or null.</param>
public sealed record PushedAttribute(string Model, string Name, string DataType, DateTimeOffset FirstPushedAt, DateTimeOffset? ArchivedAt = null);

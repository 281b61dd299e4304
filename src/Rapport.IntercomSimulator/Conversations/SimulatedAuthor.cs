namespace Rapport.IntercomSimulator.Conversations;

/// <summary>Who wrote a part or the source: <see cref="Type"/> user, lead, admin, bot or team.</summary>
public sealed record SimulatedAuthor(string Type, string Id, string? Name, string? Email)
{
    public static SimulatedAuthor For(SimulatedContact contact) => new(contact.Role, contact.Id, contact.Name, contact.Email);

    public static SimulatedAuthor For(SimulatedAdmin admin) => new("admin", admin.Id, admin.Name, admin.Email);
}

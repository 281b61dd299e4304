using Rapport.Hub.Team;
using Rapport.Intercom;

namespace Rapport.Application.Messaging;

/// <summary>
/// Whether a teammate may send to Intercom, and as which admin. Intercom's <c>has_inbox_seat</c> says the admin holds a paid
/// inbox seat (spec 2.16 <c>admin</c>); a teammate maps to an admin by the Intercom admin email set on them, or else by their own.
/// </summary>
/// <param name="Reason">Why not, in words a teammate can act on; null when they can send.</param>
public sealed record SeatCheck(IntercomAdmin? Admin, string? Reason)
{
    public bool CanSend => Reason is null && Admin is not null;

    public static SeatCheck Of(Teammate teammate, IReadOnlyList<IntercomAdmin>? admins)
    {
        ArgumentNullException.ThrowIfNull(teammate);
        if (admins is null)
            return new(null, "Intercom is not connected: an Admin connects it under Settings → Integrations → Intercom.");
        var email = string.IsNullOrWhiteSpace(teammate.IntercomAdminEmail) ? teammate.Email : teammate.IntercomAdminEmail.Trim();
        var admin = admins.FirstOrDefault(a => string.Equals(a.Email, email, StringComparison.OrdinalIgnoreCase));
        if (admin is null)
            return new(null, $"No Intercom teammate has the email {email}: ask an Admin to set your Intercom admin email under Settings → Teammates.");
        if (admin.HasInboxSeat != true)
            return new(admin, $"Your Intercom teammate {admin.Name ?? email} has no inbox seat: an Intercom admin can assign one under Settings → Teammates in Intercom.");
        return new(admin, null);
    }
}

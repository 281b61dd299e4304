using Rapport.Hub.Team;
using Rapport.Web.Audit;
using Rapport.Web.Auth;
using Rapport.Hub.Security;

namespace Rapport.Pages.Me;

/// <summary>The profile's sessions: where the teammate is signed in, and ending the ones they do not recognise.</summary>
internal sealed partial class MeModel
{
    public IReadOnlyList<TeammateSession> ActiveSessions { get; private set; } = [];

    /// <summary>The session this page was asked for in; marked, and not ended from here (signing out does that).</summary>
    public long? CurrentSessionId => User.SessionId();

    public async Task OnPostEndSessionAsync(long id, CancellationToken cancellationToken)
    {
        if (id == CurrentSessionId)
        {
            (Message, MessageIsError) = ("That is the session you are using: sign out to end it.", true);
        }
        else if (await signInStore.EndSessionAsync(Id, id, cancellationToken))
        {
            await audit.RecordAsync(AuditActions.SessionsEnded, null, "1 other session, from the profile");
            Message = "That session was ended: whoever used it has to sign in again.";
        }
        else
        {
            Message = "No such session: it has ended already.";
        }

        await OnGetAsync(cancellationToken);
    }

    public async Task OnPostEndOtherSessionsAsync(CancellationToken cancellationToken)
    {
        var ended = CurrentSessionId is { } current ? await signInStore.EndSessionsAsync(Id, current, cancellationToken) : 0;
        if (ended > 0)
            await audit.RecordAsync(AuditActions.SessionsEnded, null, $"{ended} other {(ended == 1 ? "session" : "sessions")}, from the profile");
        Message = ended switch
        {
            0 => "You had no other session.",
            1 => "Your other session was ended.",
            _ => $"Your {ended} other sessions were ended.",
        };
        await OnGetAsync(cancellationToken);
    }

    private async Task LoadSessionsAsync(CancellationToken cancellationToken) =>
        ActiveSessions = await signInStore.ListSessionsAsync(Id, cancellationToken);
}

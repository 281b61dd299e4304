using System.Collections.Frozen;

namespace Rapport.Web.Audit;

/// <summary>
/// The audit log's actions: a stable dotted name for the API and filters, and how the page says it. A new kind of event
/// is a constant here and a line in <see cref="Names"/>; an action without one shows as its name.
/// </summary>
internal static class AuditActions
{
    public const string SignedIn = "sign_in.succeeded";
    public const string SignInFailed = "sign_in.failed";
    public const string AccountLocked = "sign_in.locked";
    public const string SignedOut = "sign_out";
    public const string SessionsEnded = "sessions.ended";
    public const string PasswordChanged = "password.changed";
    public const string PasswordChangeRefused = "password.change_refused";
    public const string TeammateAdded = "teammate.added";
    public const string TeammateRemoved = "teammate.removed";
    public const string RoleChanged = "teammate.role_changed";
    public const string IntercomAdminChanged = "teammate.intercom_admin_changed";
    public const string TokenCreated = "api_token.created";
    public const string TokenRevoked = "api_token.revoked";
    public const string IntercomConnected = "intercom.connected";
    public const string IntercomDisconnected = "intercom.disconnected";
    public const string IntercomOptionsSaved = "intercom.options_saved";
    public const string SegmentKeyRotated = "segment.write_key_rotated";
    public const string ModelSaved = "model.saved";
    public const string PlaybookEnabled = "playbook.enabled";
    public const string PlaybookDisabled = "playbook.disabled";
    public const string PushStarted = "push.started";
    public const string MasterKeyRotated = "master_key.rotated";
    public const string KeyRingReset = "key_ring.reset";

    private static readonly FrozenDictionary<string, string> Names = new Dictionary<string, string>
    {
        [MasterKeyRotated] = "Master key rotated",
        [KeyRingReset] = "Key ring reset",
        [SignedIn] = "Signed in",
        [SignInFailed] = "Sign-in failed",
        [AccountLocked] = "Account locked",
        [SignedOut] = "Signed out",
        [SessionsEnded] = "Sessions ended",
        [PasswordChanged] = "Password changed",
        [PasswordChangeRefused] = "Password change refused",
        [TeammateAdded] = "Teammate added",
        [TeammateRemoved] = "Teammate removed",
        [RoleChanged] = "Role changed",
        [IntercomAdminChanged] = "Intercom seat mapped",
        [TokenCreated] = "API token created",
        [TokenRevoked] = "API token revoked",
        [IntercomConnected] = "Intercom connected",
        [IntercomDisconnected] = "Intercom disconnected",
        [IntercomOptionsSaved] = "Intercom options saved",
        [SegmentKeyRotated] = "Segment write key rotated",
        [ModelSaved] = "Account model saved",
        [PlaybookEnabled] = "Playbook turned on",
        [PlaybookDisabled] = "Playbook turned off",
        [PushStarted] = "Push to Intercom started",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string Describe(string action) => Names.GetValueOrDefault(action, action);

    /// <summary>A teammate as an entry's subject: their name and email as they are now.</summary>
    public static string Name(Hub.Team.Teammate teammate) => $"{teammate.Name} ({teammate.Email})";
}

namespace Rapport.Hub.Push;

/// <summary>
/// An account whose data Rapport may write back onto a source: the source company it was imported from and the
/// source contacts of its active users. Only what was imported is here, so a push can only update, never create.
/// </summary>
public sealed record PushTarget(long AccountId, string AccountExternalId, string CompanySourceId, IReadOnlyList<PushContact> Contacts);

/// <summary>A source contact (Intercom contact id) and the hub user (external id) it is.</summary>
/// <param name="Flagged">The contact's mirrored custom attributes hold <c>true</c> for the flag asked about.</param>
public sealed record PushContact(string ContactSourceId, string UserExternalId, bool Flagged = false);

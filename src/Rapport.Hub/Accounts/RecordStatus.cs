namespace Rapport.Hub.Accounts;

/// <summary>
/// Whether a hub record is currently imported. Records that stop qualifying are marked inactive with a reason,
/// never deleted: their history, conversations and events stay reachable.
/// </summary>
public enum RecordStatus
{
    Active,
    Inactive,
}

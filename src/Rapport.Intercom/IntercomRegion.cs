namespace Rapport.Intercom;

/// <summary>Where the Intercom workspace's data is hosted; each region has its own API host.</summary>
public enum IntercomRegion
{
    UnitedStates,
    Europe,
    Australia,
}

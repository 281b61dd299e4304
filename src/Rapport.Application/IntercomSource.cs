namespace Rapport.Application;

/// <summary>The names under which Intercom data lives in the hub.</summary>
public static class IntercomSource
{
    /// <summary>The source name on source records and memberships.</summary>
    public const string Name = "intercom";
}

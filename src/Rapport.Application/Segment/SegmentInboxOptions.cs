namespace Rapport.Application.Segment;

/// <summary>How the Segment inbox is applied.</summary>
public sealed class SegmentInboxOptions
{
    /// <summary>
    /// The wait after a call's first failed attempt, doubled after each (1, 2, 4, 8 s by default); its fifth failure sets
    /// it aside.
    /// </summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(1);
}

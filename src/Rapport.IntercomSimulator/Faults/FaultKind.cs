namespace Rapport.IntercomSimulator.Faults;

internal enum FaultKind
{
    RateLimit,
    ServerError,
    Slow,
    TruncatedBody,
    DropConnection,

    /// <summary>No fault: lets requests through so that the faults queued after it start mid-run.</summary>
    Pass,
}

namespace Rapport.IntercomSimulator.Faults;

internal enum FaultKind
{
    RateLimit,
    ServerError,
    Slow,
    TruncatedBody,
    DropConnection,
}

namespace Rapport.Intercom;

/// <summary>No usable answer from the host: connection refused or broken, DNS failure, or timeouts on every attempt.</summary>
public sealed class IntercomUnreachableException(Uri baseAddress, string reason, Exception? innerException = null)
    : IntercomException($"Cannot reach Intercom at {baseAddress}: {reason}", innerException)
{
    public Uri BaseAddress { get; } = baseAddress;
}

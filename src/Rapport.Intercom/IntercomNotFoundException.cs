namespace Rapport.Intercom;

/// <summary>404: the object does not exist (or was archived/deleted).</summary>
public sealed class IntercomNotFoundException(IntercomErrorDetails details) : IntercomApiException(details);

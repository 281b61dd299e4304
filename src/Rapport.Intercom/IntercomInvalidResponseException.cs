namespace Rapport.Intercom;

/// <summary>Intercom answered 2xx with a body that is not the JSON the spec describes.</summary>
public sealed class IntercomInvalidResponseException(string endpoint, string reason, Exception? innerException = null)
    : IntercomException($"Intercom {endpoint} sent an unexpected response: {reason}", innerException)
{
    public string Endpoint { get; } = endpoint;
}

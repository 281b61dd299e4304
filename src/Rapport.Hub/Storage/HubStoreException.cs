namespace Rapport.Hub.Storage;

/// <summary>The store cannot be used as asked (not a Rapport database, unreachable server, newer schema); the message is one line a user can act on.</summary>
public sealed class HubStoreException(string message, Exception? innerException = null) : Exception(message, innerException);

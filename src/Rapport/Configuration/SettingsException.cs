namespace Rapport.Configuration;

/// <summary>The configuration cannot be used; the message is one line naming the file or variable and what is wrong.</summary>
public sealed class SettingsException(string message, Exception? innerException = null) : Exception(message, innerException);

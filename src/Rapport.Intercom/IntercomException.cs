namespace Rapport.Intercom;

/// <summary>Base of every error the Intercom client throws; <see cref="Exception.Message"/> is fit to show a user in one line.</summary>
public abstract class IntercomException : Exception
{
    protected IntercomException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

namespace Rapport.Intercom.Http;

/// <summary>One call's failures so far, kept on its resilience context: what a give-up message reports.</summary>
internal sealed class RetryLog
{
    /// <summary>Stands in when a pipeline runs without a log (never from the client); writes to it are ignored.</summary>
    public static RetryLog None => new();

    /// <summary>Timestamp (<see cref="TimeProvider.GetTimestamp"/>) of the first failed attempt.</summary>
    public long FirstFailure { get; private set; }

    public int Failures { get; private set; }

    /// <summary>The wait before the retry just decided on.</summary>
    public TimeSpan? NextDelay { get; set; }

    /// <summary>Set when the call stopped retrying because the next wait would outlast the patience.</summary>
    public (TimeSpan NextDelay, TimeSpan FailingFor)? GaveUpAt { get; private set; }

    public void Failed(long timestamp)
    {
        if (Failures++ == 0)
        {
            FirstFailure = timestamp;
        }
    }

    public void GaveUp(TimeSpan nextDelay, TimeSpan failingFor) => GaveUpAt = (nextDelay, failingFor);
}

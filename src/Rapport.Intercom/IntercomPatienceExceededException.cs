using System.Globalization;

namespace Rapport.Intercom;

/// <summary>
/// Intercom kept failing (429s, 5xx, timeouts, dropped connections) for longer than the caller was willing to wait: the
/// message names what failed, for how long, and the last failure as Intercom gave it.
/// </summary>
public sealed class IntercomPatienceExceededException : IntercomException
{
    /// <param name="what">What kept failing, e.g. <c>Intercom GET /contacts</c>.</param>
    /// <param name="nextTryIn">When the failures stopped being retried because the next try would come too late: how far off it was.</param>
    public IntercomPatienceExceededException(
        string what, int failures, TimeSpan failingFor, TimeSpan patience, Exception lastFailure, TimeSpan? nextTryIn = null)
        : base(Describe(what, failures, failingFor, patience, lastFailure, nextTryIn), lastFailure)
    {
        What = what;
        Failures = failures;
        FailingFor = failingFor;
        Patience = patience;
    }

    public string What { get; }

    /// <summary>Failed attempts in a row.</summary>
    public int Failures { get; }

    /// <summary>From the first failure of the run to giving up.</summary>
    public TimeSpan FailingFor { get; }

    public TimeSpan Patience { get; }

    /// <summary>"45 s", "2 min 5 s", "1 h 10 min": durations as a person reads them.</summary>
    public static string Duration(TimeSpan duration)
    {
        var seconds = (long)Math.Round(Math.Max(0, duration.TotalSeconds));
        var (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        var parts = new List<string>(3);
        if (h > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{h} h"));
        if (m > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{m} min"));
        if (s > 0 || parts.Count == 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{s} s"));
        return string.Join(' ', parts);
    }

    private static string Describe(string what, int failures, TimeSpan failingFor, TimeSpan patience, Exception lastFailure, TimeSpan? nextTryIn)
    {
        ArgumentNullException.ThrowIfNull(lastFailure);
        var attempts = failures == 1 ? "1 failed attempt" : string.Create(CultureInfo.InvariantCulture, $"{failures} failed attempts in a row");
        var why = nextTryIn is { } next
            ? $"the next try, in {Duration(next)}, would pass the patience of {Duration(patience)}"
            : $"past the patience of {Duration(patience)}";
        return $"Gave up on {what} after {Duration(failingFor)} of failures ({attempts}): {why}. Last failure: {lastFailure.Message}";
    }
}

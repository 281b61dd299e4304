namespace Rapport.Hub.Sync;

/// <summary>One import run: when, how it ended, and its summary as JSON (written by the sync).</summary>
public sealed record ImportRunRecord(string RunId, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Status, string SummaryJson);

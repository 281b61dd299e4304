namespace Rapport.Application.Conversations;

/// <summary>What a completeness audit found and did.</summary>
/// <param name="Checked">Stored conversations compared with Intercom's part count.</param>
/// <param name="Complete">Those that held every part Intercom counts, untouched.</param>
/// <param name="Refetched">Those that fell short and were read again.</param>
/// <param name="Repaired">Re-read ones that now hold every part.</param>
/// <param name="StillIncomplete">Re-read ones still short: Intercom no longer returns their older parts (flagged).</param>
/// <param name="PartsAdded">Parts the re-reads brought in.</param>
/// <param name="NotStored">Conversations Intercom lists that the hub does not hold (left to imports and the sweep).</param>
/// <param name="Incomplete">Ids of the conversations still short, at most 50.</param>
public sealed record ConversationAuditResult(
    int Checked, int Complete, int Refetched, int Repaired, int StillIncomplete, int PartsAdded, int NotStored,
    IReadOnlyList<string> Incomplete);

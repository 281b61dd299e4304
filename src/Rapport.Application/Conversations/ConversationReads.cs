using Rapport.Intercom;

namespace Rapport.Application.Conversations;

/// <summary>Reading conversations whole: list and search items carry no parts.</summary>
internal static class ConversationReads
{
    /// <summary>One GET per conversation, a few at a time, in page order; one deleted in between is skipped.</summary>
    public static async Task<List<IntercomConversation>> FetchAsync(
        IntercomClient intercom, List<string> ids, int concurrency, CancellationToken cancellationToken)
    {
        var fetched = new IntercomConversation?[ids.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ids.Count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                try
                {
                    fetched[i] = await intercom.GetConversationAsync(ids[i], cancellationToken: ct).ConfigureAwait(false);
                }
                catch (IntercomNotFoundException)
                {
                    fetched[i] = null;
                }
            }).ConfigureAwait(false);
        return [.. fetched.OfType<IntercomConversation>()];
    }
}

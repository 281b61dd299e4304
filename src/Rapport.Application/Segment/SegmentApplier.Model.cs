using System.Text.Json.Nodes;
using Rapport.Application.Model;
using Rapport.Hub.Model;
using Rapport.Hub.Segment;
using Rapport.Hub.Sources;

namespace Rapport.Application.Segment;

public sealed partial class SegmentApplier
{
    /// <summary>Recomputes the accounts a batch touched (MRR, trial end or owner may come from Segment traits); null leaves them to the scheduled recompute.</summary>
    public AccountModelService? Model { get; init; }

    /// <summary>After a batch: the accounts of its groups, and of the users its calls name, are recomputed, and no others.</summary>
    private async Task RecomputeTouchedAsync(IReadOnlyList<JsonObject> messages, CancellationToken cancellationToken)
    {
        if (Model is null || messages.Count == 0)
            return;
        HashSet<string> groups = new(StringComparer.Ordinal), users = new(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if ((SegmentMessages.Text(message, "groupId") ?? ContextGroupId(message)) is { } groupId)
                groups.Add(groupId);
            if (SegmentMessages.Text(message, "userId") is { } userId)
                users.Add(userId);
        }

        if (groups.Count + users.Count == 0)
            return;
        var accounts = await modelStore.FindAccountsReachedAsync(SegmentSource.Name, groups, users, users, cancellationToken);
        await Model.RecomputeAsync(accounts, cancellationToken);
    }
}

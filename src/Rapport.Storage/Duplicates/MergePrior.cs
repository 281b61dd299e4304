using System.Text.Json.Serialization;

namespace Rapport.Storage.Merges;

/// <summary>What a merge changed, kept with it so that undo puts every row back as it was.</summary>
internal sealed record MergePrior
{
    public required string Status { get; init; }

    public string? StatusReason { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Source records (accounts) or mirrored contacts (users) that pointed at the merged record.</summary>
    public List<SourceKey> Links { get; init; } = [];

    /// <summary>The merged record's memberships, removed by the merge.</summary>
    public List<MembershipKey> Memberships { get; init; } = [];

    /// <summary>Memberships the merge gave the kept record (the rest it had already).</summary>
    public List<MembershipKey> Added { get; init; } = [];

    public List<long> Events { get; init; } = [];

    public List<long> Conversations { get; init; } = [];

    public List<long> AddedConversations { get; init; } = [];
}

/// <param name="Other">The membership's user (account merge) or account (user merge).</param>
internal sealed record MembershipKey(long Other, string Source, DateTimeOffset CreatedAt);

internal sealed record SourceKey(string Source, string SourceId);

[JsonSerializable(typeof(MergePrior))]
internal sealed partial class MergeJsonContext : JsonSerializerContext;

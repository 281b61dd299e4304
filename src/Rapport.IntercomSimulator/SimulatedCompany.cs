namespace Rapport.IntercomSimulator;

/// <summary>A company of the simulated workspace: every field of the spec's <c>company</c> object.
/// Mutate it only inside <see cref="SimulatorWorkspace.AddCompany"/> or <see cref="SimulatorWorkspace.UpdateCompany"/>.</summary>
public sealed class SimulatedCompany
{
    internal SimulatedCompany(string id) => Id = id;

    /// <summary>Intercom's own id (24 hex).</summary>
    public string Id { get; }

    /// <summary>The integrator's id; null for companies created without one.</summary>
    public string? CompanyId { get; set; }

    public string? Name { get; set; }

    /// <summary>Plan name; the workspace gives each distinct name a stable plan id.</summary>
    public string? Plan { get; set; }

    public long? MonthlySpend { get; set; }

    public int? Size { get; set; }

    public string? Industry { get; set; }

    public string? Website { get; set; }

    public int SessionCount { get; set; }

    /// <summary>Null when nobody from the company was ever seen; "Company last seen" in Intercom.</summary>
    public DateTimeOffset? LastRequestAt { get; set; }

    public DateTimeOffset? RemoteCreatedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Values are string, long/int, double, bool or DateTimeOffset (sent as unix seconds).</summary>
    public Dictionary<string, object?> CustomAttributes { get; } = new(StringComparer.Ordinal);

    public HashSet<string> TagIds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> SegmentIds { get; } = new(StringComparer.Ordinal);

    internal List<string> ContactIdList { get; } = [];

    /// <summary>Ids of the attached contacts, in attachment order.</summary>
    public IReadOnlyList<string> ContactIds => ContactIdList;

    public int UserCount => ContactIdList.Count;
}

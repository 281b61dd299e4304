using Rapport.Hub.Push;

namespace Rapport.Application.Push;

/// <summary>What a push would write: each changed company and user with only its changed values, and every attribute the model produces.</summary>
internal sealed class PushPlan
{
    public int CompanyCount { get; set; }

    public List<CompanyWrite> Companies { get; } = [];

    public List<ContactWrite> Contacts { get; } = [];

    /// <summary>Every custom attribute the current model produces, (model, name) → data type.</summary>
    public Dictionary<(string Model, string Name), string> Produced { get; } = [];

    /// <summary>Every custom attribute some write of this plan carries.</summary>
    public List<PushAttributeChange> Needed { get; } = [];

    /// <summary>Attributes a write needs that Intercom lacks, in first-needed order (filled by the attribute check).</summary>
    public List<PushAttributeChange> Missing { get; } = [];

    /// <summary>Attributes a write needs that Intercom has archived (unarchived before writing).</summary>
    public List<long> ToUnarchive { get; } = [];

    /// <summary>Attributes that must not be written (a different type in Intercom, a name Intercom refuses, a failed create).</summary>
    public HashSet<(string Model, string Name)> Blocked { get; } = [];

    public List<string> Problems { get; } = [];

    public IEnumerable<PushTargetChange> Changes() =>
        Companies.Select(c => c.Change()).Concat(Contacts.Select(c => c.Change()));
}

internal sealed record CompanyWrite(PushTarget Target, Dictionary<string, object?> Old, IReadOnlyDictionary<string, PushValue> Changed)
{
    public PushTargetChange Change() => new("company", Target.CompanySourceId, Target.AccountExternalId,
        [.. Changed.Select(pair => new PushValueChange(pair.Key, PushValue.Show(Old.GetValueOrDefault(pair.Key)), pair.Value.ToString()))]);
}

internal sealed record ContactWrite(string ContactId, string UserExternalId, string Attribute, Dictionary<string, object?> Old, bool Owner)
{
    public PushTargetChange Change() => new("contact", ContactId, UserExternalId,
        [new PushValueChange(Attribute, PushValue.Show(Old.GetValueOrDefault(Attribute)), PushValue.Show(Owner))]);
}

/// <summary>What a running push has done so far; updates land from several tasks at once.</summary>
internal sealed class PushRun(PushSettings settings, bool dryRun)
{
    private int _companiesUpdated;
    private int _usersUpdated;
    private int _writeCalls;

    public PushSettings Settings { get; } = settings;
    public bool DryRun { get; } = dryRun;
    public int CompaniesUpdated => _companiesUpdated;
    public int UsersUpdated => _usersUpdated;
    public int WriteCalls => _writeCalls;
    public int AttributesInUse { get; set; }
    public List<PushAttributeChange> Created { get; } = [];
    public List<PushAttributeChange> Archived { get; } = [];
    public List<PushAttributeChange> Stale { get; } = [];
    public List<PushFailure> Skipped { get; } = [];
    public List<PushFailure> Failures { get; } = [];
    public List<string> Problems { get; } = [];

    public void CompanyUpdated() => Interlocked.Increment(ref _companiesUpdated);

    public void UserUpdated() => Interlocked.Increment(ref _usersUpdated);

    public void WriteCall() => Interlocked.Increment(ref _writeCalls);

    public void Skip(PushFailure skipped)
    {
        lock (Skipped)
            Skipped.Add(skipped);
    }

    public void Fail(PushFailure failure)
    {
        lock (Failures)
            Failures.Add(failure);
    }
}

namespace Rapport.IntercomSimulator;

/// <summary>The simulated workspace's data. Thread-safe: every member takes <see cref="Sync"/>.
/// Every mutation bumps the object's <c>updated_at</c> to "now" (unless the change set it itself),
/// and keeps <c>user_count</c> and the contact↔company links consistent, as Intercom does.</summary>
public sealed partial class SimulatorWorkspace
{
    private readonly TimeProvider _time;
    private readonly List<SimulatedCompany> _companies = [];
    private readonly Dictionary<string, SimulatedCompany> _companiesById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimulatedCompany> _companiesByCompanyId = new(StringComparer.Ordinal);
    private readonly List<SimulatedContact> _contacts = []; // sorted by id (ordinal): the cursor order of GET /contacts
    private readonly Dictionary<string, SimulatedContact> _contactsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _planIds = new(StringComparer.Ordinal);
    private readonly List<SimulatedTag> _tags = [];
    private readonly List<SimulatedSegment> _segments = [];
    private readonly List<SimulatedAdmin> _admins = [];
    private readonly List<SimulatedDataAttribute> _dataAttributes = [];
    private long _idCounter;
    private int _numericIdCounter;

    private readonly uint _idPrefix;

    internal SimulatorWorkspace(TimeProvider time, string appId, uint idPrefix)
    {
        _time = time;
        AppId = appId;
        _idPrefix = idPrefix;
        AddStandardDataAttributes();
    }

    internal Lock Sync { get; } = new();

    /// <summary>The workspace's name (GET /me <c>app.name</c>, the OAuth consent page).</summary>
    internal const string Name = "Rapport Simulator";

    /// <summary>The workspace id (<c>app.id_code</c> of GET /me, <c>app_id</c> of companies).</summary>
    public string AppId { get; }

    public IReadOnlyList<SimulatedCompany> Companies { get { lock (Sync) { return [.. _companies]; } } }

    public IReadOnlyList<SimulatedContact> Contacts { get { lock (Sync) { return [.. _contacts]; } } }

    public IReadOnlyList<SimulatedTag> Tags { get { lock (Sync) { return [.. _tags]; } } }

    public IReadOnlyList<SimulatedSegment> Segments { get { lock (Sync) { return [.. _segments]; } } }

    public IReadOnlyList<SimulatedAdmin> Admins { get { lock (Sync) { return [.. _admins]; } } }

    public IReadOnlyList<SimulatedDataAttribute> DataAttributes { get { lock (Sync) { return [.. _dataAttributes]; } } }

    internal List<SimulatedCompany> CompanyList => _companies;

    internal List<SimulatedContact> ContactList => _contacts;

    internal Contacts.ContactSearchCache SearchCache { get; } = new();

    internal List<SimulatedTag> TagList => _tags;

    internal List<SimulatedSegment> SegmentList => _segments;

    internal List<SimulatedAdmin> AdminList => _admins;

    internal List<SimulatedDataAttribute> DataAttributeList => _dataAttributes;

    internal DateTimeOffset Now => DateTimeOffset.FromUnixTimeSeconds(_time.GetUtcNow().ToUnixTimeSeconds());

    public SimulatedCompany AddCompany(Action<SimulatedCompany>? configure = null)
    {
        lock (Sync)
        {
            using var batch = BeginChanges();
            var company = new SimulatedCompany(NewObjectId()) { CreatedAt = Now, UpdatedAt = Now };
            configure?.Invoke(company);
            if (company.CompanyId is { } cid && _companiesByCompanyId.ContainsKey(cid))
            {
                throw new InvalidOperationException($"A company with company_id '{cid}' already exists.");
            }

            InsertCompany(company);
            DefineMissingAttributes("company", company.CustomAttributes);
            Record(WorkspaceChangeKind.CompanyCreated, company.Id);
            return company;
        }
    }

    public SimulatedContact AddContact(Action<SimulatedContact>? configure = null)
    {
        lock (Sync)
        {
            using var batch = BeginChanges();
            var contact = new SimulatedContact(NewObjectId()) { CreatedAt = Now, UpdatedAt = Now };
            configure?.Invoke(contact);
            InsertContact(contact);
            DefineMissingAttributes("contact", contact.CustomAttributes);
            Record(WorkspaceChangeKind.ContactCreated, contact.Id);
            return contact;
        }
    }

    /// <summary>Adds <paramref name="count"/> users (role user) attached to the company with Intercom id <paramref name="companyId"/>.</summary>
    public IReadOnlyList<SimulatedContact> AddUsers(string companyId, int count, Action<SimulatedContact>? configure = null)
    {
        lock (Sync)
        {
            using var batch = BeginChanges();
            var added = new List<SimulatedContact>(count);
            for (var i = 0; i < count; i++)
            {
                var contact = AddContact(c =>
                {
                    var n = Interlocked.Increment(ref _numericIdCounter);
                    c.Role = "user";
                    c.ExternalId = $"user_{n}";
                    c.Email = $"user{n}@example.com";
                    c.Name = $"User {n}";
                    configure?.Invoke(c);
                });
                Attach(contact.Id, companyId);
                added.Add(contact);
            }

            return added;
        }
    }

    public void Attach(string contactId, string companyId)
    {
        lock (Sync)
        {
            var (contact, company) = (GetContact(contactId), GetCompany(companyId));
            if (contact.CompanyIdList.Contains(companyId))
            {
                return;
            }

            using var batch = BeginChanges();
            contact.CompanyIdList.Add(companyId);
            company.ContactIdList.Add(contactId);
            contact.UpdatedAt = company.UpdatedAt = Now;
            Record(WorkspaceChangeKind.ContactAttached, contactId, companyId);
        }
    }

    public void Detach(string contactId, string companyId)
    {
        lock (Sync)
        {
            var (contact, company) = (GetContact(contactId), GetCompany(companyId));
            if (contact.CompanyIdList.Remove(companyId))
            {
                using var batch = BeginChanges();
                company.ContactIdList.Remove(contactId);
                contact.UpdatedAt = company.UpdatedAt = Now;
                Record(WorkspaceChangeKind.ContactDetached, contactId, companyId);
            }
        }
    }

    public void UpdateCompany(string id, Action<SimulatedCompany> change)
    {
        lock (Sync)
        {
            var company = GetCompany(id);
            using var batch = BeginChanges();
            var (before, companyId) = (company.UpdatedAt, company.CompanyId);
            change(company);
            if (company.CompanyId != companyId)
            {
                if (companyId is not null) { _companiesByCompanyId.Remove(companyId); }
                if (company.CompanyId is not null) { _companiesByCompanyId[company.CompanyId] = company; }
            }

            if (company.UpdatedAt == before) { company.UpdatedAt = Now; }
            DefineMissingAttributes("company", company.CustomAttributes);
            Record(WorkspaceChangeKind.CompanyUpdated, company.Id);
        }
    }

    public void UpdateContact(string id, Action<SimulatedContact> change)
    {
        lock (Sync)
        {
            var contact = GetContact(id);
            using var batch = BeginChanges();
            var (before, tagsBefore) = (contact.UpdatedAt, contact.TagIds.ToArray());
            change(contact);
            if (contact.UpdatedAt == before) { contact.UpdatedAt = Now; }
            DefineMissingAttributes("contact", contact.CustomAttributes);
            Record(WorkspaceChangeKind.ContactUpdated, contact.Id);
            RecordTagChanges(contact, tagsBefore);
        }
    }

    public SimulatedCompany? FindCompany(string id)
    {
        lock (Sync) { return _companiesById.GetValueOrDefault(id); }
    }

    public SimulatedCompany? FindCompanyByCompanyId(string companyId)
    {
        lock (Sync) { return _companiesByCompanyId.GetValueOrDefault(companyId); }
    }

    public SimulatedContact? FindContact(string id)
    {
        lock (Sync) { return _contactsById.GetValueOrDefault(id); }
    }

    public SimulatedContact? FindContactByExternalId(string externalId)
    {
        lock (Sync) { return _contacts.Find(c => c.ExternalId == externalId); }
    }

    /// <summary>Links without touching <c>updated_at</c>: for seeding history.</summary>
    internal static void Link(SimulatedContact contact, SimulatedCompany company)
    {
        if (!contact.CompanyIdList.Contains(company.Id))
        {
            contact.CompanyIdList.Add(company.Id);
            company.ContactIdList.Add(contact.Id);
        }
    }

    internal SimulatedCompany GetCompany(string id) =>
        _companiesById.GetValueOrDefault(id) ?? throw new KeyNotFoundException($"No company with id '{id}'.");

    internal SimulatedContact GetContact(string id) =>
        _contactsById.GetValueOrDefault(id) ?? throw new KeyNotFoundException($"No contact with id '{id}'.");

    internal SimulatedCompany? CompanyByCompanyIdUnlocked(string companyId) => _companiesByCompanyId.GetValueOrDefault(companyId);

    internal SimulatedCompany? CompanyUnlocked(string id) => _companiesById.GetValueOrDefault(id);

    internal SimulatedContact? ContactUnlocked(string id) => _contactsById.GetValueOrDefault(id);

    private void InsertCompany(SimulatedCompany company)
    {
        _companies.Add(company);
        _companiesById[company.Id] = company;
        if (company.CompanyId is { } cid) { _companiesByCompanyId[cid] = company; }
    }

    private void InsertContact(SimulatedContact contact)
    {
        var at = _contacts.Count == 0 || string.CompareOrdinal(_contacts[^1].Id, contact.Id) < 0
            ? _contacts.Count
            : ~_contacts.BinarySearch(contact, ContactIdComparer.Instance);
        _contacts.Insert(at, contact);
        _contactsById[contact.Id] = contact;
    }

    // 24 hex like Intercom's (531ee472cce572a6ec000006): a per-seed prefix, then a counter, so ids are
    // deterministic for a seed and sort by creation (the cursor order of GET /contacts).
    private string NewObjectId() => $"{_idPrefix:x8}{++_idCounter:x16}";

    private sealed class ContactIdComparer : IComparer<SimulatedContact>
    {
        public static readonly ContactIdComparer Instance = new();

        public int Compare(SimulatedContact? x, SimulatedContact? y) => string.CompareOrdinal(x?.Id, y?.Id);
    }
}

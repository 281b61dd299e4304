namespace Rapport.IntercomSimulator.Activity;

internal sealed partial class ActivityGenerator
{
    private static readonly string[] Plans = ["Free", "Starter", "Pro", "Business", "Enterprise"];

    /// <summary>One realistic change, weighted towards what a live workspace does most: users being seen.</summary>
    private void Step()
    {
        lock (workspace.Sync)
        {
            var roll = _random.Next(100);
            var done = roll switch
            {
                < 30 => UserSeen(),
                < 40 => CompanySeen(),
                < 46 => CompanyRenamedOrReplanned(),
                < 52 => UserTagged(),
                < 58 => UserMoved(),
                < 63 => UserCreated(),
                < 66 => LeadCreated(),
                < 74 => EventTracked(),
                _ => ConversationStep(roll),
            };
            if (!done) { LeadCreated(); }
        }
    }

    private SimulatedContact? RandomContact(string role)
    {
        var contacts = workspace.ContactList;
        for (var tries = 0; tries < 8 && contacts.Count > 0; tries++)
        {
            var contact = contacts[_random.Next(contacts.Count)];
            if (contact.Role == role) { return contact; }
        }

        return null;
    }

    private SimulatedCompany? RandomCompany() =>
        workspace.CompanyList is { Count: > 0 } companies ? companies[_random.Next(companies.Count)] : null;

    private bool UserSeen()
    {
        if (RandomContact("user") is not { } user) { return false; }
        workspace.UpdateContact(user.Id, c => c.LastSeenAt = workspace.Now);
        return true;
    }

    private bool CompanySeen()
    {
        if (RandomCompany() is not { } company) { return false; }
        workspace.UpdateCompany(company.Id, c =>
        {
            c.LastRequestAt = workspace.Now;
            c.SessionCount++;
        });
        return true;
    }

    private bool CompanyRenamedOrReplanned()
    {
        if (RandomCompany() is not { } company) { return false; }
        var rename = _random.Next(2) == 0;
        var value = rename ? _names.Company(_random) : Plans[_random.Next(Plans.Length)];
        workspace.UpdateCompany(company.Id, c =>
        {
            if (rename) { c.Name = value; }
            else { c.Plan = value; }
        });
        return true;
    }

    private bool UserTagged()
    {
        var tags = workspace.TagList;
        if (tags.Count == 0 || RandomContact("user") is not { } user) { return false; }
        var tag = tags[_random.Next(tags.Count)];
        workspace.UpdateContact(user.Id, c =>
        {
            if (!c.TagIds.Remove(tag.Id)) { c.TagIds.Add(tag.Id); }
        });
        return true;
    }

    private bool UserMoved()
    {
        if (RandomContact("user") is not { } user) { return false; }
        if (user.CompanyIdList.Count > 1 || (user.CompanyIdList.Count == 1 && _random.Next(2) == 0))
        {
            workspace.Detach(user.Id, user.CompanyIdList[_random.Next(user.CompanyIdList.Count)]);
            return true;
        }

        if (RandomCompany() is not { } company || user.CompanyIdList.Contains(company.Id)) { return false; }
        workspace.Attach(user.Id, company.Id);
        return true;
    }

    private bool UserCreated()
    {
        if (RandomCompany() is not { } company) { return false; }
        var (first, last) = _names.Person(_random);
        var serial = _random.Next(1_000_000);
        var domain = company.Website is { } site && Uri.TryCreate(site, UriKind.Absolute, out var uri) ? uri.Host : "example.com";
        using var batch = workspace.BeginChanges();
        var user = workspace.AddContact(c =>
        {
            c.Role = "user";
            c.Name = $"{first} {last}";
            c.ExternalId = $"live_{serial}";
            c.Email = $"{Local(first)}.{Local(last)}{serial}@{domain}";
            c.SignedUpAt = c.LastSeenAt = workspace.Now;
        });
        workspace.Attach(user.Id, company.Id);
        return true;
    }

    private bool LeadCreated()
    {
        var (first, last) = _names.Person(_random);
        workspace.AddContact(c =>
        {
            c.Role = "lead";
            c.Name = $"{first} {last}";
            c.Email = _random.Next(3) == 0 ? null : $"{Local(first)}{_random.Next(10_000)}@example.org";
        });
        return true;
    }

    // CJK names have no ASCII letters to slug.
    private static string Local(string name) => Seeding.NamePools.Slug(name) is { Length: > 0 } slug ? slug : "person";
}

namespace Rapport.IntercomSimulator.Seeding;

internal static partial class WorkspaceSeeder
{
    private static void SeedContacts(SimulatorWorkspace workspace, NamePools names, Random random, int count, List<SimulatedCompany> companies, DateTimeOffset now)
    {
        var tags = workspace.TagList;
        var userSegments = workspace.SegmentList.Where(s => s.PersonType == "user").ToArray();
        var leadSegments = workspace.SegmentList.Where(s => s.PersonType == "contact").ToArray();
        var admins = workspace.AdminList;

        // About 10% of companies get no users, so POST /companies/list (which omits them) differs from scroll.
        var active = companies.Where(_ => random.Next(10) > 0).ToArray();
        var sharedEmails = Math.Max(2, count / 400);
        var emails = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var n = i + 1;
            var isLead = random.Next(100) < 20;
            var contact = workspace.AddContact(c =>
            {
                var (first, last) = names.Person(random);
                c.Role = isLead ? "lead" : "user";
                c.Name = random.Next(200) == 0 ? $"{first} {last} 😀" : $"{first} {last}";
                c.ExternalId = isLead || random.Next(100) < 8 ? null : Invariant($"usr_{n:D7}");
                var local = $"{NamePools.Slug(first)}.{NamePools.Slug(last)}".Trim('.');
                c.Email = isLead && random.Next(10) < 3 ? null
                    : Invariant($"{(local.Length > 1 ? local : "contact")}{n}@{FreeMail[random.Next(FreeMail.Length)]}");
                if (c.Email is not null && i > 10 && sharedEmails > 0 && random.Next(count / 100 + 1) == 0)
                {
                    c.Email = emails[random.Next(emails.Count)];
                    sharedEmails--;
                }

                if (c.Email is not null) { emails.Add(c.Email); }
                c.Phone = random.Next(10) < 3 ? Invariant($"+1555{random.Next(1000000, 9999999)}") : null;
                c.OwnerId = random.Next(10) < 3 ? admins[random.Next(admins.Count)].Id : null;
                c.CreatedAt = Before(now, random, 1, 1095);
                c.SignedUpAt = isLead ? null : c.CreatedAt;
                c.LastSeenAt = random.Next(100) < 85 ? Between(c.CreatedAt, now, random) : null;
                c.UpdatedAt = Between(c.LastSeenAt ?? c.CreatedAt, now, random);
                c.LastContactedAt = random.Next(4) == 0 ? Between(c.CreatedAt, now, random) : null;
                c.LastRepliedAt = c.LastContactedAt is { } contacted && random.Next(2) == 0 ? Between(contacted, now, random) : null;
                c.HasHardBounced = random.Next(200) == 0;
                c.MarkedEmailAsSpam = random.Next(500) == 0;
                c.UnsubscribedFromEmails = random.Next(20) == 0;
                c.Browser = Browsers[random.Next(Browsers.Length)];
                c.BrowserVersion = Invariant($"{random.Next(100, 130)}.0");
                c.BrowserLanguage = "en";
                c.Os = Systems[random.Next(Systems.Length)];
                (c.Country, c.Region, c.City) = names.Cities[random.Next(names.Cities.Length)];
                for (var t = random.Next(3); t > 0; t--) { c.TagIds.Add(tags[random.Next(tags.Count)].Id); }
                var pool = isLead ? leadSegments : userSegments;
                for (var s = random.Next(isLead ? 2 : 4); s > 0; s--) { c.SegmentIds.Add(pool[random.Next(pool.Length)].Id); }
                c.CustomAttributes["job_role"] = JobRoles[random.Next(JobRoles.Length)];
                c.CustomAttributes["logins"] = (long)random.Next(0, 5000);
                c.CustomAttributes["score"] = Math.Round(random.NextDouble() * 100, 2);
                c.CustomAttributes["beta_tester"] = random.Next(5) == 0;
                c.CustomAttributes["last_invoice_at"] = Between(c.CreatedAt, now, random);
                if (random.Next(3) == 0) { c.CustomAttributes["favorite_color"] = Colors[random.Next(Colors.Length)]; }
            });

            if (isLead || active.Length == 0) { continue; }
            var roll = random.Next(1000);
            var companyCount = roll == 0 ? Math.Min(active.Length, 11 + random.Next(4))
                : roll < 100 ? 0
                : roll < 220 ? Math.Min(active.Length, 2 + random.Next(2))
                : 1;
            for (var k = 0; k < companyCount; k++)
            {
                // Squared uniform: a few companies get many users, most a handful.
                var company = active[(int)(Math.Pow(random.NextDouble(), 2) * active.Length)];
                SimulatorWorkspace.Link(contact, company);
            }
        }

        // Guarantee the has_more case (more than 10 companies inline) exists whatever the dice said.
        if (active.Length <= 10) { return; }
        var target = Math.Max(2, count / 5000);
        var missing = target - workspace.ContactList.Count(c => c.CompanyIdList.Count > 10);
        foreach (var user in workspace.ContactList.Where(c => c.Role == "user" && c.CompanyIdList.Count <= 10).Take(Math.Max(0, missing)).ToArray())
        {
            for (var k = 0; k < active.Length && user.CompanyIdList.Count <= 10; k++)
            {
                SimulatorWorkspace.Link(user, active[k]);
            }
        }
    }
}

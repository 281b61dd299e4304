namespace Rapport.IntercomSimulator.Seeding;

internal static partial class WorkspaceSeeder
{
    private static List<SimulatedCompany> SeedCompanies(SimulatorWorkspace workspace, NamePools names, Random random, int count, DateTimeOffset now)
    {
        var tags = workspace.TagList;
        var segments = workspace.SegmentList.Where(s => s.PersonType == "user").ToArray();
        var admins = workspace.AdminList;
        var companies = new List<SimulatedCompany>(count);
        for (var i = 0; i < count; i++)
        {
            companies.Add(workspace.AddCompany(c =>
            {
                var name = names.Company(random);
                c.Name = random.Next(100) == 0 ? name + " 🚀" : name;
                c.CompanyId = random.Next(100) < 5 ? null : Invariant($"cmp_{i + 1:D6}");
                var slug = NamePools.Slug(name);
                c.Website = random.Next(10) == 0 ? null : $"https://{(slug.Length > 0 ? slug[..Math.Min(slug.Length, 20)] : Invariant($"company{i}"))}.example.com";
                c.Industry = random.Next(10) == 0 ? null : Industries[random.Next(Industries.Length)];
                c.Size = random.Next(10) == 0 ? null : (int)Math.Round(Math.Pow(random.NextDouble(), 3) * 5000) + 1;
                var planIndex = random.Next(Plans.Length + 1);
                c.Plan = planIndex == Plans.Length ? null : Plans[planIndex];
                c.MonthlySpend = c.Plan is null ? 0 : (planIndex * 250) + random.Next(0, 200);
                c.SessionCount = random.Next(0, 20000);
                c.LastRequestAt = random.Next(100) < 8 ? null
                    : random.Next(2) == 0 ? Before(now, random, 0, 90) : Before(now, random, 90, 365);
                c.CreatedAt = Before(c.LastRequestAt ?? now, random, 30, 1095);
                c.UpdatedAt = Between(c.CreatedAt, c.LastRequestAt ?? now, random);
                c.RemoteCreatedAt = random.Next(10) < 7 ? Before(c.CreatedAt, random, 0, 730) : null;
                for (var t = random.Next(4); t > 0; t--) { c.TagIds.Add(tags[random.Next(tags.Count)].Id); }
                for (var s = random.Next(3); s > 0; s--) { c.SegmentIds.Add(segments[random.Next(segments.Length)].Id); }
                c.CustomAttributes["churn_risk"] = Risks[random.Next(Risks.Length)];
                c.CustomAttributes["seats"] = (long)random.Next(1, 500);
                c.CustomAttributes["nps"] = Math.Round(random.NextDouble() * 20 - 10, 1);
                c.CustomAttributes["is_enterprise"] = c.Plan == "Enterprise";
                c.CustomAttributes["renewal_date"] = Before(now, random, -365, 0);
                if (random.Next(3) > 0) { c.CustomAttributes["account_manager"] = admins[random.Next(admins.Count)].Name; }
                if (random.Next(4) == 0) { c.CustomAttributes["trial_ends_at"] = Before(now, random, -30, 30); }
            }));
        }

        return companies;
    }
}

using System.Globalization;

namespace Rapport.IntercomSimulator.Seeding;

/// <summary>Fills a workspace with realistic, seed-deterministic data relative to the TimeProvider's "now".</summary>
internal static partial class WorkspaceSeeder
{
    private static readonly string[] Plans = ["Free", "Starter", "Pro", "Business", "Enterprise"];
    private static readonly string[] Industries = ["Software", "Retail", "Healthcare", "Finance", "Education", "Manufacturing", "Media", "Logistics", "Hospitality", "Énergie"];
    private static readonly string[] Browsers = ["chrome", "firefox", "safari", "edge"];
    private static readonly string[] Systems = ["Windows 11", "OS X 14.4", "Linux", "iOS 17.5", "Android 14"];
    private static readonly string[] Risks = ["low", "medium", "high"];
    private static readonly string[] JobRoles = ["Engineer", "Manager", "Designer", "Founder", "Support", "Sales"];
    private static readonly string[] Colors = ["red", "green", "blue", "紫", "orange"];
    private static readonly string[] FreeMail = ["gmail.com", "outlook.com", "yahoo.co.jp", "proton.me", "web.de"];

    public static SimulatorWorkspace Create(SimulatorOptions options)
    {
        var random = new Random(options.Seed);
        var appId = string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('a' + random.Next(26))));
        var workspace = new SimulatorWorkspace(options.TimeProvider, appId, (uint)(0x5f000000 + random.Next(0x00ffffff)));
        var names = new NamePools(options.Seed);
        var now = workspace.Now;

        SeedCatalog(workspace, names, random);
        var companies = SeedCompanies(workspace, names, random, options.Companies, now);
        SeedContacts(workspace, names, random, options.Contacts, companies, now);
        SeedConversations(workspace, options.Seed, now);
        SeedEvents(workspace, options.Seed, now);
        return workspace;
    }

    private static void SeedCatalog(SimulatorWorkspace workspace, NamePools names, Random random)
    {
        for (var i = 0; i < 6; i++)
        {
            var (first, last) = names.Person(random);
            workspace.AddAdmin($"{first} {last}", $"admin{i + 1}@rapport-sim.example", hasInboxSeat: i < 4, jobTitle: i == 0 ? "Head of Customer Success" : "Customer Success Manager");
        }

        string[] tags = ["VIP", "Churn risk", "Beta", "Enterprise", "Onboarding", "Upsell", "Champion", "Priorité", "重要", "Needs follow-up 🔥"];
        for (var i = 0; i < 30; i++)
        {
            workspace.AddTag(i < tags.Length ? tags[i] : $"Tag {i + 1}");
        }

        for (var i = 0; i < 24; i++)
        {
            workspace.AddSegment(i < 16 ? $"Users segment {i + 1}" : $"Leads segment {i - 15}", i < 16 ? "user" : "contact");
        }

        foreach (var plan in Plans) { workspace.PlanId(plan); }
        (string Model, string Name, string Type)[] attributes =
        [
            ("company", "churn_risk", "string"), ("company", "seats", "integer"), ("company", "nps", "float"),
            ("company", "is_enterprise", "boolean"), ("company", "renewal_date", "date"), ("company", "account_manager", "string"),
            ("company", "trial_ends_at", "date"),
            ("contact", "job_role", "string"), ("contact", "logins", "integer"), ("contact", "score", "float"),
            ("contact", "beta_tester", "boolean"), ("contact", "last_invoice_at", "date"), ("contact", "favorite_color", "string"),
        ];
        foreach (var (model, name, type) in attributes) { workspace.DefineDataAttribute(model, name, type); }
    }

    private static DateTimeOffset Before(DateTimeOffset anchor, Random random, double minDays, double maxDays) =>
        anchor.AddSeconds(-Math.Round((minDays + random.NextDouble() * (maxDays - minDays)) * 86400));

    private static DateTimeOffset Between(DateTimeOffset from, DateTimeOffset to, Random random) =>
        to <= from ? from : from.AddSeconds(Math.Round((to - from).TotalSeconds * random.NextDouble()));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

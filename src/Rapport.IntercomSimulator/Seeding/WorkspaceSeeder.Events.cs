using System.Globalization;
using Rapport.IntercomSimulator.Events;

namespace Rapport.IntercomSimulator.Seeding;

internal static partial class WorkspaceSeeder
{
    /// <summary>Data events for about a third of the users over the last 120 days, so some are past the 90-day list window.</summary>
    private static void SeedEvents(SimulatorWorkspace workspace, int seed, DateTimeOffset now)
    {
        var random = new Random(seed * 13 + 5);
        foreach (var contact in workspace.ContactList)
        {
            if (contact.Role != "user" || random.Next(3) != 0) { continue; }
            var events = workspace.EventListUnlocked(contact.Id);
            for (var n = 1 + random.Next(12); n > 0; n--)
            {
                var name = ConversationPhrases.EventNames[random.Next(ConversationPhrases.EventNames.Length)];
                var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
                if (random.Next(2) == 0) { metadata["plan"] = Plans[random.Next(Plans.Length)]; }
                if (random.Next(3) == 0) { metadata["items"] = random.Next(1, 50).ToString(CultureInfo.InvariantCulture); }
                events.Add(new SimulatedDataEvent(name, Before(now, random, 0.01, 120), contact.Id, metadata));
            }

            events.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
        }
    }
}

using System.Text.Json;

namespace Rapport.IntercomSimulator.Control;

internal static class StatsJson
{
    public static void Write(Utf8JsonWriter w, SimulatorStats stats)
    {
        w.WriteStartObject();
        w.WriteStartObject("requests");
        foreach (var (route, count) in stats.Requests.OrderBy(r => r.Key, StringComparer.Ordinal)) { w.WriteNumber(route, count); }
        w.WriteEndObject();
        w.WriteNumber("total", stats.Total);
        w.WriteNumber("rate_limited", stats.RateLimited);
        w.WriteNumber("faults_injected", stats.FaultsInjected);
        w.WriteStartObject("creates");
        w.WriteNumber("companies", stats.CompaniesCreated);
        w.WriteNumber("contacts", stats.ContactsCreated);
        w.WriteNumber("replies", stats.RepliesCreated);
        w.WriteNumber("messages", stats.MessagesCreated);
        w.WriteEndObject();
        w.WriteStartObject("updates");
        w.WriteNumber("companies", stats.CompaniesUpdated);
        w.WriteNumber("contacts", stats.ContactsUpdated);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rapport.Hub.Sources;
using Rapport.Hub.Model;
using Rapport.Hub.Segment;

namespace Rapport.Application.Segment;

public sealed partial class SegmentApplier
{
    private async Task ApplyGroupAsync(JsonObject message, string? userId, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var groupId = SegmentMessages.Text(message, "groupId")!;
        var traits = SegmentTraits.Merge(
            await sourceStore.FindSourceCompanyTraitsAsync(SegmentSource.Name, groupId, cancellationToken), message["traits"] as JsonObject);
        var seen = Time(message, "timestamp") ?? receivedAt;
        var company = new SourceCompany(
            SegmentSource.Name, groupId, groupId, Trait(traits, "name"), Trait(traits, "plan"),
            Money(traits, "mrr") ?? Money(traits, "monthly_spend"), null, null, Number(traits, "employees"), Trait(traits, "industry"),
            Trait(traits, "website"), TraitTime(traits, "createdAt") ?? TraitTime(traits, "created_at"), seen, seen, [], [],
            traits.ToJsonString(), message.ToJsonString());
        await sourceStore.ApplyCompaniesAsync([new CompanyDecision(company, true, null)], RunId, null, cancellationToken);
        if (userId is null)
            return;

        var contact = await sourceStore.FindSourceContactAsync(SegmentSource.Name, userId, cancellationToken)
            ?? new SourceContact(SegmentSource.Name, userId, userId, null, null, null, seen, seen, [], [], "{}", message.ToJsonString());
        if (!contact.CompanySourceIds.Contains(groupId))
        {
            await sourceStore.MirrorContactsAsync([contact with { CompanySourceIds = [.. contact.CompanySourceIds, groupId] }], RunId, null, cancellationToken);
        }

        await sourceStore.DeriveUsersAsync(SegmentSource.Name, [userId], [groupId], cancellationToken);
    }

    private async Task ApplyIdentifyAsync(JsonObject message, string userId, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var stored = await sourceStore.FindSourceContactAsync(SegmentSource.Name, userId, cancellationToken);
        var traits = SegmentTraits.Merge(stored?.CustomAttributesJson, message["traits"] as JsonObject);
        var name = Trait(traits, "name")
            ?? (string.Join(' ', new[] { Trait(traits, "firstName"), Trait(traits, "lastName") }.OfType<string>()) is { Length: > 0 } full ? full : null);
        var seen = Time(message, "timestamp") ?? receivedAt;
        var contact = new SourceContact(
            SegmentSource.Name, userId, userId, Trait(traits, "email"), name, TraitTime(traits, "createdAt") ?? stored?.CreatedAt, seen, seen,
            [], stored?.CompanySourceIds ?? [], traits.ToJsonString(), message.ToJsonString());
        await sourceStore.MirrorContactsAsync([contact], RunId, null, cancellationToken);
        await sourceStore.DeriveUsersAsync(SegmentSource.Name, [userId], [], cancellationToken);

        if (SegmentMessages.Text(message, "anonymousId") is { } anonymousId)
        {
            // Applied first, marked attached after: a failure in between applies them again with the identify, and their
            // events, keyed by messageId, are stored once.
            var waiting = await segmentStore.ListAnonymousAsync(anonymousId, cancellationToken);
            foreach (var (_, body) in waiting)
            {
                var kept = JsonNode.Parse(body)!.AsObject();
                kept["userId"] = userId;
                kept.Remove("anonymousId"); // a kept identify must not attach the same calls again
                await ApplyOneAsync(kept, (string)kept["type"]!, userId, timeProvider.GetUtcNow(), cancellationToken);
            }

            if (waiting.Count > 0)
                await segmentStore.AttachAnonymousAsync([.. waiting.Select(w => w.Id)], userId, cancellationToken);
        }
    }

    private static string? Trait(JsonObject traits, string name) => SegmentMessages.Text(traits, name);

    /// <summary>A number, or a number's text; null for anything else, such as 1e400, which would stop the inbox if it threw.</summary>
    private static decimal? Money(JsonObject traits, string name) =>
        traits[name] is JsonValue v && (v.GetValueKind() == JsonValueKind.Number
            ? v.TryGetValue<decimal>(out var number) ? number : (decimal?)null
            : decimal.TryParse(v.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : (decimal?)null) is { } money
            ? money : null;

    private static long? Number(JsonObject traits, string name) =>
        traits[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) ? n : null;

    private static DateTimeOffset? TraitTime(JsonObject traits, string name) =>
        Trait(traits, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}

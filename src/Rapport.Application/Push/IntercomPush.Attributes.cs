using Rapport.Hub.Push;
using Rapport.Intercom;
using Rapport.Hub.Model;
using Rapport.Hub.Sync;

namespace Rapport.Application.Push;

public sealed partial class IntercomPush
{
    /// <summary>The workspace's custom data attributes of both models, archived ones included, and how many are live.</summary>
    private sealed class WorkspaceAttributes(Dictionary<(string Model, string Name), IntercomDataAttribute> custom)
    {
        public Dictionary<(string Model, string Name), IntercomDataAttribute> Custom { get; } = custom;

        public int LiveCustom { get; set; } = custom.Values.Count(a => a.Archived != true);
    }

    private async Task<WorkspaceAttributes> AttributesAsync(CancellationToken cancellationToken)
    {
        var custom = new Dictionary<(string Model, string Name), IntercomDataAttribute>();
        foreach (var model in (string[])["company", "contact"])
        {
            var attributes = await client.ListDataAttributesAsync(model, includeArchived: true, cancellationToken).ConfigureAwait(false);
            foreach (var attribute in attributes.Where(a => a.Custom == true || a.Id is not null))
                custom[(model, attribute.Name)] = attribute;
        }

        return new WorkspaceAttributes(custom);
    }

    /// <summary>
    /// Sorts the attributes the writes need into present, archived (to unarchive), missing (to create) and unusable, and
    /// refuses the whole push, before anything is created or written, when creating them would pass Intercom's 250.
    /// </summary>
    private static string? EnsureRoom(PushPlan plan, WorkspaceAttributes attributes, PushRun run)
    {
        var needed = plan.Companies.SelectMany(c => c.Changed)
            .Where(pair => PushAttributes.IsCustom(pair.Key))
            .Select(pair => new PushAttributeChange("company", pair.Key, pair.Value.DataType))
            .Concat(plan.Contacts.Select(c => new PushAttributeChange("contact", c.Attribute, "boolean")))
            .DistinctBy(a => (a.Model, a.Name));
        foreach (var attribute in needed)
        {
            var key = (attribute.Model, attribute.Name);
            if (PushAttributes.NameProblem(attribute.Name) is { } problem)
            {
                run.Problems.Add($"The {attribute.Model} attribute '{attribute.Name}' is not pushed: Intercom refuses the name ({problem}).");
                plan.Blocked.Add(key);
                continue;
            }

            plan.Needed.Add(attribute);
            if (!attributes.Custom.TryGetValue(key, out var existing))
            {
                plan.Missing.Add(attribute);
                continue;
            }

            if (!SameType(existing.DataType, attribute.DataType))
            {
                run.Problems.Add($"Intercom's {attribute.Model} attribute '{attribute.Name}' holds {existing.DataType} values but Rapport pushes {attribute.DataType} values, so it is not written: archive it in Intercom and the next push creates it with the right type.");
                plan.Blocked.Add(key);
            }
            else if (existing.Archived == true && existing.Id is { } id)
            {
                plan.ToUnarchive.Add(id);
            }
        }

        var room = IntercomDataAttributeNames.WorkspaceLimit - attributes.LiveCustom;
        var wanted = plan.Missing.Count + plan.ToUnarchive.Count;
        // A workspace already over the limit (raised on request) is no reason to refuse a push that creates nothing.
        if (wanted == 0 || wanted <= room)
            return null;
        var names = string.Join(", ", plan.Missing.Take(5).Select(a => $"'{a.Name}'")) + (plan.Missing.Count > 5 ? ", …" : "");
        return $"Pushing needs {wanted} more custom data attributes ({names}), but the workspace already uses {attributes.LiveCustom} of Intercom's {IntercomDataAttributeNames.WorkspaceLimit}: "
            + $"archive at least {wanted - room} unused attributes in Intercom, then push again. Nothing was created or written.";
    }

    private static bool SameType(string? intercom, string pushed) =>
        intercom == pushed || (pushed == "date" && intercom == "datetime");

    private async Task CreateAttributesAsync(PushPlan plan, WorkspaceAttributes attributes, PushRun run, CancellationToken cancellationToken)
    {
        foreach (var id in plan.ToUnarchive)
        {
            await client.UpdateDataAttributeAsync(id, new IntercomDataAttributeUpdate { Archived = false }, cancellationToken).ConfigureAwait(false);
            attributes.LiveCustom++;
        }

        foreach (var attribute in plan.Missing)
        {
            try
            {
                var created = await client.CreateDataAttributeAsync(new IntercomDataAttributeCreate
                {
                    Name = attribute.Name,
                    Model = attribute.Model,
                    DataType = attribute.DataType,
                    Description = "Written by Rapport's push of account data.",
                }, cancellationToken).ConfigureAwait(false);
                attributes.Custom[(attribute.Model, attribute.Name)] = created;
                attributes.LiveCustom++;
                run.Created.Add(attribute);
            }
            catch (IntercomValidationException exception)
            {
                run.Problems.Add($"Intercom refused to create the {attribute.Model} attribute '{attribute.Name}', so it is not written: {exception.ErrorMessage ?? exception.Message}");
                plan.Blocked.Add((attribute.Model, attribute.Name));
            }
        }

        var now = timeProvider.GetUtcNow();
        await pushStore.SavePushedAttributesAsync(
            [.. plan.Needed.Where(a => !plan.Blocked.Contains((a.Model, a.Name))).Select(a => new PushedAttribute(a.Model, a.Name, a.DataType, now))],
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The opt-in: archives stale attributes through PUT /data_attributes/{id}, freeing their room.</summary>
    private async Task ArchiveAsync(List<PushAttributeChange> stale, WorkspaceAttributes attributes, PushRun run, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var archived = new List<PushedAttribute>();
        foreach (var attribute in stale)
        {
            if (attributes.Custom.TryGetValue((attribute.Model, attribute.Name), out var existing) && existing.Archived != true && existing.Id is { } id)
            {
                attributes.Custom[(attribute.Model, attribute.Name)] =
                    await client.UpdateDataAttributeAsync(id, new IntercomDataAttributeUpdate { Archived = true }, cancellationToken).ConfigureAwait(false);
                attributes.LiveCustom--;
                run.Archived.Add(attribute);
            }

            // Gone from Intercom or archived there already: nothing left to archive, so it is no longer listed as stale.
            archived.Add(new PushedAttribute(attribute.Model, attribute.Name, attribute.DataType, now, now));
        }

        await pushStore.SavePushedAttributesAsync(archived, cancellationToken).ConfigureAwait(false);
        run.Stale.RemoveAll(s => archived.Exists(a => a.Model == s.Model && a.Name == s.Name));
    }
}

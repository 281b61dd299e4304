using Rapport.Intercom;
using Rapport.Hub.Model;
using Rapport.Hub.Push;
using Rapport.Hub.Sync;

namespace Rapport.Application.Push;

public sealed partial class IntercomPush
{
    private async Task WriteCompaniesAsync(PushPlan plan, PushRun run, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(plan.Companies, Options(cancellationToken), async (write, token) =>
        {
            var values = write.Changed.Where(pair => !plan.Blocked.Contains(("company", pair.Key))).ToList();
            if (values.Count == 0)
                return;
            var custom = values.Where(pair => PushAttributes.IsCustom(pair.Key)).ToDictionary(pair => pair.Key, pair => pair.Value.Value, StringComparer.Ordinal);
            var spend = values.Where(pair => !PushAttributes.IsCustom(pair.Key)).Select(pair => (long?)pair.Value.Value).FirstOrDefault();
            var update = new IntercomCompanyUpdate
            {
                MonthlySpend = spend is { } s ? (int)s : null,
                CustomAttributes = custom.Count > 0 ? custom : null,
            };
            var target = write.Target;
            if (await SendAsync(run, "company", target.CompanySourceId, target.AccountExternalId,
                () => client.UpdateCompanyAsync(target.CompanySourceId, update, token)).ConfigureAwait(false))
            {
                await RecordAsync("company", target.CompanySourceId, write.Old, values.Select(pair => (pair.Key, pair.Value.Value))).ConfigureAwait(false);
                run.CompanyUpdated();
            }
        }).ConfigureAwait(false);

    private async Task WriteContactsAsync(PushPlan plan, PushRun run, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(plan.Contacts, Options(cancellationToken), async (write, token) =>
        {
            if (plan.Blocked.Contains(("contact", write.Attribute)))
                return;
            var update = new IntercomContactUpdate { CustomAttributes = new Dictionary<string, object?> { [write.Attribute] = write.Owner } };
            if (await SendAsync(run, "contact", write.ContactId, write.UserExternalId,
                () => client.UpdateContactAsync(write.ContactId, update, token)).ConfigureAwait(false))
            {
                await RecordAsync("contact", write.ContactId, write.Old, [(write.Attribute, write.Owner)]).ConfigureAwait(false);
                run.UserUpdated();
            }
        }).ConfigureAwait(false);

    /// <summary>
    /// One update. A target Intercom no longer has (404) is skipped and reported; one Intercom refuses (another 4xx) is a
    /// failure with Intercom's error, and the push goes on; anything else (429s that outlived the retries, a revoked
    /// token, Intercom unreachable) stops the push, to be resumed by the next.
    /// </summary>
    private static async Task<bool> SendAsync<T>(PushRun run, string model, string target, string label, Func<Task<T>> send)
    {
        try
        {
            await send().ConfigureAwait(false);
            run.WriteCall();
            return true;
        }
        catch (IntercomNotFoundException exception)
        {
            run.WriteCall();
            run.Skip(new PushFailure(model, target, label, 404, exception.ErrorCode,
                $"Intercom has no {model} {target} any more (deleted?): skipped, nothing created. {exception.ErrorMessage}".Trim()));
            return false;
        }
        catch (IntercomApiException exception) when (exception is not (IntercomRateLimitException or IntercomUnauthorizedException)
            && (int)exception.StatusCode is >= 400 and < 500)
        {
            run.WriteCall();
            run.Fail(new PushFailure(model, target, label, (int)exception.StatusCode, exception.ErrorCode, exception.ErrorMessage ?? exception.Message));
            return false;
        }
    }

    // The write has landed in Intercom: record it even if the caller gave up meanwhile, or the next push would send it again.
    private Task RecordAsync(string model, string target, Dictionary<string, object?> old, IEnumerable<(string Name, object? Value)> written)
    {
        var snapshot = new Dictionary<string, object?>(old, StringComparer.Ordinal);
        foreach (var (name, value) in written)
            snapshot[name] = value;
        return pushStore.SavePushSnapshotAsync(model, target, PushSnapshot.Write(snapshot), CancellationToken.None);
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
}

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Hub.Model;
using Rapport.Application.Push;

namespace Rapport.Web.Tests.Support;

/// <summary>The push of account data onto Intercom, driven through the REST API, with account states written as a recompute writes them.</summary>
public sealed partial class WebHub
{
    public const string PushApi = "/api/v1/integrations/intercom/push";

    /// <summary>The hub's SQLite file, for a command run on the same hub.</summary>
    public string DatabasePath => Path.Combine(_directory, "hub.db");

    /// <summary>The app's push job, whose trigger's quiet period a spec may shorten or stretch.</summary>
    internal IntercomPushJob PushJob => App.Services.GetRequiredService<IntercomPushJob>();

    /// <summary>Writes an account's state now, as the recompute after a change would.</summary>
    public async Task SaveStateAsync(string accountExternalId, decimal mrr, string type, string? owner, CancellationToken cancellationToken)
    {
        var account = (await Store.Browse.FindAccountAsync(accountExternalId, cancellationToken)).ShouldNotBeNull();
        var state = new AccountState(
            account.Id, TimeProvider.System.GetUtcNow(), mrr, "USD", Enum.Parse<AccountType>(type, ignoreCase: true),
            new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase) { ["Slack Integration"] = 1 },
            new Dictionary<string, decimal?>(StringComparer.OrdinalIgnoreCase) { ["Weekly logins"] = 4.5m },
            [new IndicatorState("Churn Risk", IndicatorKind.Risk, true, TimeProvider.System.GetUtcNow(), null, 1)],
            ["Enterprise"],
            new Dictionary<string, decimal?>(StringComparer.OrdinalIgnoreCase),
            6.2m, owner, []);
        await Store.Model.SaveAccountStatesAsync([state], 1, cancellationToken);
    }

    /// <summary>Presses "Push now" through the API and waits until the last run is one that started after the press.</summary>
    public static async Task<JsonElement> PushNowAsync(HttpClient api, CancellationToken cancellationToken)
    {
        var pressed = TimeProvider.System.GetUtcNow().AddSeconds(-1);
        var started = await api.PostAsync(PushApi + "/run", null, cancellationToken);
        started.StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync(cancellationToken));
        JsonElement status = default;
        await EventuallyAsync(async () =>
        {
            status = await api.GetFromJsonAsync<JsonElement>(PushApi + "/status", cancellationToken);
            return !status.GetProperty("running").GetBoolean() && status.GetProperty("lastRun") is { ValueKind: JsonValueKind.Object } last
                && last.GetProperty("startedAt").GetDateTimeOffset() >= pressed;
        }, "the push finished", TimeSpan.FromSeconds(30));
        return status.GetProperty("lastRun");
    }
}

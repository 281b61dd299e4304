using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.IntercomSimulator;

namespace Rapport.Web.Tests.Support;

/// <summary>Starting a hub whose sweep timer is short, and following "Sync now" and sweeps through the REST API.</summary>
public sealed partial class WebHub
{
    public const string IntercomApi = "/api/v1/integrations/intercom";

    /// <summary>As <see cref="StartAsync"/>, with the reconciliation sweep running by itself every <paramref name="sweepInterval"/>.</summary>
    public static Task<WebHub> StartWithSweepEveryAsync(TimeSpan sweepInterval, CancellationToken cancellationToken = default) =>
        StartAsync(null, sweepInterval, cancellationToken);

    /// <summary>Presses "Sync now" through the API and waits for the sync to end; returns its status.</summary>
    public static async Task<JsonElement> SyncNowAsync(HttpClient api, CancellationToken cancellationToken)
    {
        var started = await api.PostAsync(IntercomApi + "/sync", null, cancellationToken);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync(cancellationToken));
        return await FinishedJobAsync(api, "sync", cancellationToken);
    }

    /// <summary>Presses "Reconcile now" through the API and waits for the sweep to end; returns the status card.</summary>
    public static async Task<JsonElement> SweepNowAsync(HttpClient api, CancellationToken cancellationToken)
    {
        var started = await api.PostAsync(IntercomApi + "/sweep", null, cancellationToken);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync(cancellationToken));
        await FinishedJobAsync(api, "sweep", cancellationToken);
        return await api.GetFromJsonAsync<JsonElement>(IntercomApi + "/status", cancellationToken);
    }

    private static async Task<JsonElement> FinishedJobAsync(HttpClient api, string kind, CancellationToken cancellationToken)
    {
        var waited = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var job = (await api.GetFromJsonAsync<JsonElement>(IntercomApi + "/status", cancellationToken)).GetProperty("job");
            if (job.GetProperty("kind").GetString() == kind && job.GetProperty("state").GetString() is "completed" or "failed")
            {
                job.GetProperty("state").GetString().ShouldBe("completed", job.ToString());
                return job;
            }

            if (TimeProvider.System.GetElapsedTime(waited) > TimeSpan.FromSeconds(60))
                throw new Xunit.Sdk.XunitException($"The {kind} did not finish within a minute: {job}");
            await Task.Delay(100, cancellationToken);
        }
    }
}

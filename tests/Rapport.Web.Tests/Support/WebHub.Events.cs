using System.Net;
using System.Net.Http.Json;

namespace Rapport.Web.Tests.Support;

/// <summary>Data events: event import turned on the way an Admin does it, and waiting for webhooks to be applied.</summary>
public sealed partial class WebHub
{
    /// <summary>Connects the simulator, turns on Import users and companies and Import event data through the API (which keeps
    /// the moment event import started), and subscribes the hub to the simulator's webhooks.</summary>
    public async Task EnableEventImportAsync(HttpClient adminApi)
    {
        await ConnectWithTokenAsync(adminApi);
        var response = await adminApi.PutAsJsonAsync("/api/v1/integrations/intercom", new { importUsersAndCompanies = true, importEvents = true, onlyWithIds = true });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Simulator.ConfigureWebhooks(new Uri(BaseAddress, "webhooks/intercom"));
    }

    /// <summary>Waits (real time, at most <paramref name="within"/>, 15 s by default) for what webhooks or a job bring to show.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what = "the condition held", TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(15);
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > limit)
                throw new Xunit.Sdk.XunitException($"Within {limit.TotalSeconds:0} seconds: {what}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}

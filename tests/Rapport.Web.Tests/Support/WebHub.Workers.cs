using Rapport.Application.Messaging;
using Rapport.Application.Playbooks;
using Rapport.Application.Segment;
using Rapport.Application.Background;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Rapport.Web.Tests.Support;

/// <summary>
/// "Nothing more happened" asserted after the worker that would have done it has looked again: a pass that started after
/// the call and finished, however long that takes on a busy machine (at most 30 s), rather than after a fixed delay.
/// </summary>
public sealed partial class WebHub
{
    private static readonly TimeSpan PassLimit = TimeSpan.FromSeconds(30);

    internal Task PlaybookPassAsync() => NextPassAsync(Worker<PlaybookWorker>().Passes, "playbook");

    internal Task OutboundPassAsync() => NextPassAsync(Worker<OutboundWorker>().Passes, "outbound");

    internal Task SegmentPassAsync() => NextPassAsync(Worker<SegmentInboxWorker>().Passes, "Segment inbox");

    internal T Worker<T>() where T : IHostedService => App.Services.GetServices<IHostedService>().OfType<T>().Single();

    private static async Task NextPassAsync(WorkerPasses passes, string worker)
    {
        try
        {
            await passes.NextAsync(TestContext.Current.CancellationToken).WaitAsync(PassLimit, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"The {worker} worker did not finish a pass within {PassLimit.TotalSeconds:0} seconds.");
        }
    }
}

using Microsoft.Extensions.Hosting;
using Rapport.Hub.Retention;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rapport.Application.Retention;

/// <summary>
/// Deletes applied inbox rows older than the retention, on start and every hour on the server's clock. Every node may
/// run it: a row is deleted once, and the tallies add up in one statement.
/// </summary>
public sealed partial class InboxRetentionWorker(
    IRetentionStore store, IOptions<InboxRetentionOptions> options, TimeProvider timeProvider, ILogger<InboxRetentionWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = options.Value.Retention;
        if (retention <= TimeSpan.Zero)
            return;
        using var timer = new PeriodicTimer(Interval, timeProvider);
        try
        {
            do
            {
                try
                {
                    await store.PruneInboxesAsync(timeProvider.GetUtcNow() - retention, stoppingToken);
                }
                catch (Exception error) when (!stoppingToken.IsCancellationRequested)
                {
                    LogPruneFailed(logger, error);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Deleting applied inbox rows past their retention failed; the next pass tries again.")]
    private static partial void LogPruneFailed(ILogger logger, Exception error);
}

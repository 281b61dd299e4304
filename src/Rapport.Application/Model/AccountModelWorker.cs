using Microsoft.Extensions.Hosting;
using Rapport.Hub.Sync;
using Microsoft.Extensions.Logging;

namespace Rapport.Application.Model;

/// <summary>
/// Recomputes every account when the app starts, after each import that finished since the last full recompute (an
/// import writes many accounts at once, webhooks one at a time), and hourly, because rolling windows move with the clock
/// even when nothing arrives.
/// </summary>
public sealed partial class AccountModelWorker(
    ISyncStateStore store, AccountModelService model, TimeProvider timeProvider, ILogger<AccountModelWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Hourly = TimeSpan.FromHours(1);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? lastFull = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var started = timeProvider.GetUtcNow();
                if (lastFull is null || started - lastFull >= Hourly || await ImportFinishedSinceAsync(lastFull.Value, stoppingToken))
                {
                    await model.RecomputeAllAsync(stoppingToken);
                    lastFull = started;
                }

                await Task.Delay(PollInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                LogRecomputeFailed(logger, error);
                await Task.Delay(PollInterval, timeProvider, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task<bool> ImportFinishedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        (await store.ListImportRunsAsync(1, cancellationToken)).FirstOrDefault()?.FinishedAt is { } finished && finished >= since;

    [LoggerMessage(Level = LogLevel.Error, Message = "Recomputing the account model failed; retrying shortly.")]
    private static partial void LogRecomputeFailed(ILogger logger, Exception error);
}

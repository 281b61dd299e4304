using Microsoft.Extensions.DependencyInjection;
using Rapport.Application.Model;
using Spectre.Console;
using Rapport.Hub.Accounts;

namespace Rapport.Cli;

/// <summary>
/// After <c>rapport import</c>, every account's model state is recomputed at once with progress, so the account pages
/// and the API show the imported data without waiting for the next <c>rapport serve</c> start.
/// </summary>
internal static class ImportRecompute
{
    public static async Task RunAsync(IAnsiConsole console, IBrowseStore store, AccountModelService model, CancellationToken cancellationToken)
    {
        var counts = await store.CountAsync(cancellationToken);
        var total = Math.Max(1, counts.ActiveAccounts + counts.InactiveAccounts);
        console.Write(new Rule("Account model"));
        int? written;
        if (console.Profile.Capabilities.Interactive)
        {
            written = await console.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(context =>
                {
                    var task = context.AddTask("Recomputing accounts", maxValue: total);
                    return model.RecomputeAllAsync(new Progress<int>(done => task.Value = done), cancellationToken);
                });
        }
        else
        {
            // A line per tenth, so a log of a large hub stays short.
            var shown = 0L;
            written = await model.RecomputeAllAsync(new InlineProgress(done =>
            {
                if (done * 10 / total <= shown && done < total)
                    return;
                shown = done * 10 / total;
                console.WriteLine($"Recomputing accounts… {done:N0}/{total:N0}");
            }), cancellationToken);
        }

        // Unwrapped, so the command in it pastes whole whatever the terminal's width.
        console.Profile.Out.Writer.WriteLine(written is { } count
            ? $"Account model: {count:N0} accounts recomputed."
            : $"Account model: no definitions saved yet, nothing to recompute ({SelfCommand.For("model load FILE")}, or Settings → Metrics).");
    }

    /// <summary>Reports on the caller's thread, unlike <see cref="Progress{T}"/>, so lines come out in order.</summary>
    private sealed class InlineProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}

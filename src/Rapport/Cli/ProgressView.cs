using Humanizer;
using Rapport.Application.Import;
using Spectre.Console;

namespace Rapport.Cli;

/// <summary>
/// Live progress of a long Intercom read: Spectre.Console bars on a terminal, a plain line per phase when the output is
/// redirected (scripts, CI), so logs stay readable.
/// </summary>
internal static class ProgressView
{
    public static Task<T> RunAsync<T>(IAnsiConsole console, Func<IProgress<ImportProgress>, Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive)
            return work(new PlainProgress(console));

        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(context => work(new BarProgress(context)));
    }

    private sealed class BarProgress(ProgressContext context) : IProgress<ImportProgress>
    {
        private readonly Dictionary<string, ProgressTask> _tasks = [];
        private readonly Lock _gate = new();

        public void Report(ImportProgress value)
        {
            lock (_gate)
            {
                foreach (var (phase, other) in _tasks)
                {
                    if (phase != value.Phase && !other.IsFinished)
                        other.Value = other.MaxValue;
                }
                if (!_tasks.TryGetValue(value.Phase, out var task))
                    _tasks[value.Phase] = task = context.AddTask(value.Phase.Humanize(), maxValue: Math.Max(1, value.Total ?? 1));
                if (value.Total is { } total)
                    task.MaxValue = Math.Max(total, value.Done);
                else if (value.Done >= task.MaxValue)
                    task.IsIndeterminate = true;
                task.Value = value.Done;
                task.Description = $"{value.Phase.Humanize()} {value.Done:N0}{(value.Total is { } t ? $"/{t:N0}" : "")} · {value.ApiCalls:N0} API calls";
            }
        }
    }

    private sealed class PlainProgress(IAnsiConsole console) : IProgress<ImportProgress>
    {
        private string? _phase;

        public void Report(ImportProgress value)
        {
            if (value.Phase == _phase) return;
            _phase = value.Phase;
            console.WriteLine($"{value.Phase.Humanize()}…");
        }
    }
}

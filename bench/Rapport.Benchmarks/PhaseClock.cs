using System.Diagnostics;
using Rapport.Application.Import;

namespace Rapport.Benchmarks;

/// <summary>Prints how long each import phase took, to show where the time goes.</summary>
internal sealed class PhaseClock : IProgress<ImportProgress>
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private string? phase;
    private TimeSpan phaseStart;

    public void Report(ImportProgress value)
    {
        if (value.Phase == phase) return;
        Close();
        (phase, phaseStart) = (value.Phase, clock.Elapsed);
    }

    public void Close()
    {
        if (phase is not null)
            Console.Error.WriteLine($"  {phase}: {(clock.Elapsed - phaseStart).TotalSeconds:F1} s");
    }
}

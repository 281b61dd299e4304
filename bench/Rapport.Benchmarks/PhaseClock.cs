using System.Diagnostics;
using Rapport.Application.Import;

namespace Rapport.Benchmarks;

/// <summary>Prints how long each import phase took, to show where the time goes.</summary>
internal sealed class PhaseClock : IProgress<ImportProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private string? _phase;
    private TimeSpan _phaseStart;

    public void Report(ImportProgress value)
    {
        if (value.Phase == _phase) return;
        Close();
        (_phase, _phaseStart) = (value.Phase, _clock.Elapsed);
    }

    public void Close()
    {
        if (_phase is not null)
            Console.Error.WriteLine($"  {_phase}: {(_clock.Elapsed - _phaseStart).TotalSeconds:F1} s");
    }
}

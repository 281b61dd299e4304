using System.Globalization;
using Rapport.Application.Model;

namespace Rapport.Web.Model;

/// <summary>
/// The points of a small server-rendered SVG line: days along x over the whole span (a missing day leaves a longer
/// step, not a squeeze), values along y between the series' min and max (a flat series draws through the middle).
/// </summary>
internal static class Sparkline
{
    public const int Width = 160;
    public const int Height = 32;
    private const double Pad = 3;

    public static string Points(HistorySeries series, DateOnly from, DateOnly to)
    {
        var span = Math.Max(1, to.DayNumber - from.DayNumber);
        var (min, max) = ((double)(series.Min ?? 0), (double)(series.Max ?? 0));
        return string.Join(' ', series.Points.Select(p =>
        {
            var x = Pad + ((Width - (2 * Pad)) * (p.Day.DayNumber - from.DayNumber) / span);
            var y = max > min ? Height - Pad - ((Height - (2 * Pad)) * ((double)p.Value - min) / (max - min)) : Height / 2.0;
            return string.Create(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#}");
        }));
    }

    public static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>What the chart's title (its tooltip and its accessible name) says.</summary>
    public static string Title(HistorySeries series, int days) => series.Points.Count switch
    {
        0 => $"{series.Name}: no values in the last {days} days",
        1 => $"{series.Name}: one day so far ({series.Points[0].Day:yyyy-MM-dd}), {Number(series.Latest?.Value)}",
        _ => $"{series.Name}: latest {Number(series.Latest?.Value)} on {series.Latest!.Day:yyyy-MM-dd}; min {Number(series.Min)}, max {Number(series.Max)} over the last {days} days",
    };
}

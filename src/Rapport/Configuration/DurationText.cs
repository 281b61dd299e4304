using System.Globalization;

namespace Rapport.Configuration;

/// <summary>Durations as people type them in a flag or the config file: <c>30m</c>, <c>90s</c>, <c>2h</c>, or a bare number of minutes.</summary>
internal static class DurationText
{
    public static TimeSpan Parse(string text, string where)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var (number, unit) = trimmed.Length > 0 && char.IsLetter(trimmed[^1])
            ? (trimmed[..^1].TrimEnd(), char.ToLowerInvariant(trimmed[^1]))
            : (trimmed, 'm');
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0 || unit is not ('s' or 'm' or 'h'))
            throw new SettingsException($"{where}: '{text}' is not a duration such as 30m, 90s or 2h");
        var duration = unit switch { 's' => TimeSpan.FromSeconds(value), 'h' => TimeSpan.FromHours(value), _ => TimeSpan.FromMinutes(value) };
        return duration < TimeSpan.FromDays(7) ? duration : throw new SettingsException($"{where}: '{text}' is longer than a week");
    }
}

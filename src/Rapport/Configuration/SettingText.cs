using System.Globalization;

namespace Rapport.Configuration;

/// <summary>
/// Checks a value as a source read it and writes it in the form the options binder converts (a URL as written, a
/// duration as <c>d.hh:mm:ss</c>, a number in the invariant culture); <paramref name="where"/> starts the message.
/// </summary>
internal static class SettingText
{
    public static string Url(string text, string where) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? text
            : throw new SettingsException($"{where}: '{text}' is not an http(s) URL");

    public static string Duration(string text, string where) =>
        DurationText.Parse(text, where).ToString("c", CultureInfo.InvariantCulture);

    public static string WholeNumber(string text, string where, string? unit) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed.ToString(CultureInfo.InvariantCulture)
            : throw new SettingsException($"{where}: '{text}' is not a whole number of {unit} ≥ 0");

    public static string TrueOrFalse(string text, string where) =>
        bool.TryParse(text, out var parsed) ? parsed ? "true" : "false" : throw new SettingsException($"{where}: '{text}' is not true or false");

    /// <summary>A value from the environment or a flag, which are text whatever the setting.</summary>
    public static string Checked(SettingKey setting, string text, string where) => setting.Form switch
    {
        SettingForm.Url => Url(text, where),
        SettingForm.WholeNumber => WholeNumber(text, where, setting.Unit),
        SettingForm.TrueOrFalse => TrueOrFalse(text, where),
        SettingForm.Duration => Duration(text, where),
        _ => text,
    };
}

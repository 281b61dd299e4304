namespace Rapport.Configuration;

/// <summary>
/// One setting as the sources spell it: <paramref name="Key"/> is its path in the config file (':'-separated, as
/// <c>IConfiguration</c> writes it), <paramref name="Variable"/> its environment variable, <paramref name="Flag"/> its
/// command-line flag. <paramref name="Unit"/> is what a whole number counts, for messages.
/// </summary>
internal sealed record SettingKey(
    string Key, string? Variable = null, string? Flag = null, SettingForm Form = SettingForm.Text, string? Unit = null, bool InFile = true)
{
    /// <summary>Every place the setting can be written, as the user writes them: <c>intercom.region / RAPPORT_INTERCOM_REGION / --region</c>.</summary>
    public string Name => string.Join(" / ", new[] { InFile ? Key.Replace(':', '.') : null, Variable, Flag }.OfType<string>());

    /// <summary>The section in the config file (empty for a top-level key) and the name within it.</summary>
    public (string Section, string Name) FilePath => Key.LastIndexOf(':') is var colon and >= 0 ? (Key[..colon], Key[(colon + 1)..]) : ("", Key);
}

namespace Rapport.Configuration;

/// <summary>What a setting's value looks like, so each source can refuse a malformed one naming where it was written.</summary>
internal enum SettingForm
{
    Text,
    Url,
    WholeNumber,
    TrueOrFalse,
    Duration,

    /// <summary>The qualification rule: text, or in the config file also a JSON object kept as written.</summary>
    Rule,
}

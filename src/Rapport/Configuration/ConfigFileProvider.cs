using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Rapport.Configuration;

/// <summary>
/// Reads the settings of <see cref="SettingKeys"/> from the config file. The file is small and hand-edited, so each value
/// is checked here, where the file and the name are known: errors name the file, the line or key and what is wrong,
/// and what reaches the options binder is already in the form it converts.
/// </summary>
internal sealed class ConfigFileProvider(string path) : ConfigurationProvider
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public override void Load()
    {
        if (!File.Exists(path))
            throw new SettingsException($"config {path}: file not found");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), Lenient);
        }
        catch (JsonException exception)
        {
            throw new SettingsException($"config {path}: not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1})", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new SettingsException($"config {path}: the top level must be an object");
            var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { [SettingKeys.ConfigFile] = Path.GetFullPath(path) };
            foreach (var setting in SettingKeys.All.Where(setting => setting.InFile))
            {
                var (section, name) = setting.FilePath;
                if ((section.Length == 0 ? root : Section(root, section)) is { } parent && Read(parent, name, setting) is { } value)
                    data[setting.Key] = value;
            }
            Data = data;
        }
    }

    private JsonElement? Section(JsonElement root, string name) =>
        Get(root, name, JsonValueKind.Object, "an object");

    private string? Read(JsonElement parent, string name, SettingKey setting) => setting.Form switch
    {
        SettingForm.Text => Get(parent, name, JsonValueKind.String, "a string")?.GetString(),
        SettingForm.Url => Get(parent, name, JsonValueKind.String, "a string")?.GetString() is { } text ? SettingText.Url(text, $"config {path}: '{name}'") : null,
        SettingForm.WholeNumber => Get(parent, name, JsonValueKind.Number, "a whole number") is { } number
            ? number.TryGetInt32(out var whole) && whole >= 0 ? whole.ToString(CultureInfo.InvariantCulture) : throw Wrong(name, "a whole number ≥ 0")
            : null,
        SettingForm.TrueOrFalse => Value(parent, name) is { } flag
            ? flag.ValueKind switch { JsonValueKind.True => "true", JsonValueKind.False => "false", _ => throw Wrong(name, "true or false") }
            : null,
        // A duration as text ("30m", "90s", "2h") or a number of minutes.
        SettingForm.Duration => Value(parent, name) is { } duration
            ? duration.ValueKind switch
            {
                JsonValueKind.String => SettingText.Duration(duration.GetString()!, $"config {path}: '{name}'"),
                JsonValueKind.Number => SettingText.Duration(duration.GetRawText(), $"config {path}: '{name}'"),
                _ => throw Wrong(name, "a duration such as \"30m\", \"90s\" or \"2h\""),
            }
            : null,
        // The rule as text, or its object form kept as JSON for the rule reader.
        SettingForm.Rule => Value(parent, name) is { } rule ? rule.ValueKind == JsonValueKind.String ? rule.GetString() : rule.GetRawText() : null,
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting.Form, "Unknown setting form."),
    };

    private static JsonElement? Value(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private JsonElement? Get(JsonElement parent, string name, JsonValueKind kind, string expected) =>
        Value(parent, name) is { } value ? value.ValueKind == kind ? value : throw Wrong(name, expected) : null;

    private SettingsException Wrong(string name, string expected) => new($"config {path}: '{name}' must be {expected}");
}

using System.Text.Json;

namespace Rapport.Configuration;

/// <summary>
/// Reads <c>rapport.json</c> (or the file given with <c>--config</c>) and the environment. The config file is small and
/// hand-edited, so errors name the file, the line and what is wrong.
/// </summary>
public static class SettingsLoader
{
    public const string DefaultConfigFile = "rapport.json";

    public static RapportSettings Load(string? configPath, Func<string, string?> environment)
    {
        var settings = new RapportSettings();
        var path = configPath ?? (File.Exists(DefaultConfigFile) ? DefaultConfigFile : null);
        if (path is not null)
            settings = ReadFile(path, settings) with { ConfigFile = Path.GetFullPath(path) };
        return FromEnvironment(settings, environment);
    }

    private static RapportSettings ReadFile(string path, RapportSettings settings)
    {
        if (!File.Exists(path))
            throw new SettingsException($"config {path}: file not found");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
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
            var reader = new SectionReader(path);
            settings = settings with { Database = reader.String(root, "database") ?? settings.Database };
            if (reader.Object(root, "intercom") is { } intercom)
            {
                settings = settings with
                {
                    IntercomUrl = reader.Url(intercom, "url") ?? settings.IntercomUrl,
                    Region = reader.String(intercom, "region") ?? settings.Region,
                    Token = reader.String(intercom, "token") ?? settings.Token,
                    IntercomClientId = reader.String(intercom, "clientId") ?? settings.IntercomClientId,
                    IntercomClientSecret = reader.String(intercom, "clientSecret") ?? settings.IntercomClientSecret,
                    IntercomAuthorizeUrl = reader.Url(intercom, "authorizeUrl") ?? settings.IntercomAuthorizeUrl,
                };
            }
            if (reader.Object(root, "web") is { } web)
            {
                settings = settings with
                {
                    Urls = reader.String(web, "urls") ?? settings.Urls,
                    PublicUrl = reader.Url(web, "publicUrl") ?? settings.PublicUrl,
                    TrustedProxies = reader.String(web, "trustedProxies") ?? settings.TrustedProxies,
                    AdminEmail = reader.String(web, "adminEmail") ?? settings.AdminEmail,
                    LockoutFailures = reader.Int(web, "lockoutFailures") ?? settings.LockoutFailures,
                    LockoutMinutes = reader.Int(web, "lockoutMinutes") ?? settings.LockoutMinutes,
                };
            }
            if (reader.Object(root, "import") is { } import)
            {
                settings = settings with
                {
                    LastSeenDays = reader.Int(import, "lastSeenDays") ?? settings.LastSeenDays,
                    OnlyWithIds = reader.Bool(import, "onlyWithIds") ?? settings.OnlyWithIds,
                    Conversations = reader.Bool(import, "conversations") ?? settings.Conversations,
                    SweepMinutes = reader.Int(import, "sweepMinutes") ?? settings.SweepMinutes,
                    ImportPatience = reader.Duration(import, "patience") ?? settings.ImportPatience,
                    Qualification = import.TryGetProperty("qualification", out var rule) && rule.ValueKind != JsonValueKind.Null
                        ? rule.ValueKind == JsonValueKind.String ? rule.GetString() : rule.GetRawText()
                        : settings.Qualification,
                };
            }
            if (reader.Object(root, "security") is { } security)
                settings = settings with { MasterKeyFile = reader.String(security, "masterKeyFile") ?? settings.MasterKeyFile };
            if (reader.Object(root, "retention") is { } retention)
                settings = settings with { InboxRetentionDays = reader.Int(retention, "inboxDays") ?? settings.InboxRetentionDays };
        }
        return settings;
    }

    private static RapportSettings FromEnvironment(RapportSettings settings, Func<string, string?> environment)
    {
        var url = environment("RAPPORT_INTERCOM_URL");
        var publicUrl = environment("RAPPORT_PUBLIC_URL");
        var authorizeUrl = environment("RAPPORT_INTERCOM_AUTHORIZE_URL");
        return settings with
        {
            Urls = environment("RAPPORT_URLS") ?? settings.Urls,
            PublicUrl = publicUrl is null ? settings.PublicUrl : SectionReader.ParseUrl(publicUrl, "RAPPORT_PUBLIC_URL"),
            TrustedProxies = environment("RAPPORT_TRUSTED_PROXIES") ?? settings.TrustedProxies,
            AdminEmail = environment("RAPPORT_ADMIN_EMAIL") ?? settings.AdminEmail,
            AdminPassword = environment("RAPPORT_ADMIN_PASSWORD") ?? settings.AdminPassword,
            IntercomClientId = environment("RAPPORT_INTERCOM_CLIENT_ID") ?? settings.IntercomClientId,
            IntercomClientSecret = environment("RAPPORT_INTERCOM_CLIENT_SECRET") ?? settings.IntercomClientSecret,
            IntercomAuthorizeUrl = authorizeUrl is null ? settings.IntercomAuthorizeUrl : SectionReader.ParseUrl(authorizeUrl, "RAPPORT_INTERCOM_AUTHORIZE_URL"),
            Database = environment("RAPPORT_DATABASE") ?? settings.Database,
            IntercomUrl = url is null ? settings.IntercomUrl : SectionReader.ParseUrl(url, "RAPPORT_INTERCOM_URL"),
            Region = environment("RAPPORT_INTERCOM_REGION") ?? settings.Region,
            Token = environment("RAPPORT_INTERCOM_TOKEN") ?? settings.Token,
            SweepMinutes = WholeNumber(environment, "RAPPORT_SWEEP_MINUTES", "minutes") ?? settings.SweepMinutes,
            MasterKeyFile = environment("RAPPORT_MASTER_KEY_FILE") ?? settings.MasterKeyFile,
            MasterKey = environment("RAPPORT_MASTER_KEY") ?? settings.MasterKey,
            InboxRetentionDays = WholeNumber(environment, "RAPPORT_INBOX_RETENTION_DAYS", "days") ?? settings.InboxRetentionDays,
            LockoutFailures = WholeNumber(environment, "RAPPORT_LOCKOUT_FAILURES", "failures") ?? settings.LockoutFailures,
            LockoutMinutes = WholeNumber(environment, "RAPPORT_LOCKOUT_MINUTES", "minutes") ?? settings.LockoutMinutes,
        };
    }

    private static int? WholeNumber(Func<string, string?> environment, string variable, string unit) =>
        environment(variable) is { } text
            ? int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new SettingsException($"{variable}: '{text}' is not a whole number of {unit} ≥ 0")
            : null;

    private sealed class SectionReader(string path)
    {
        public JsonElement? Object(JsonElement parent, string name) =>
            Get(parent, name, JsonValueKind.Object, "an object") is { } value ? value : null;

        public string? String(JsonElement parent, string name) => Get(parent, name, JsonValueKind.String, "a string")?.GetString();

        public int? Int(JsonElement parent, string name) =>
            Get(parent, name, JsonValueKind.Number, "a whole number") is { } value
                ? value.TryGetInt32(out var number) && number >= 0 ? number : throw Wrong(name, "a whole number ≥ 0")
                : null;

        /// <summary>A duration as text (<c>"30m"</c>, <c>"90s"</c>, <c>"2h"</c>) or a number of minutes.</summary>
        public TimeSpan? Duration(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var value) && value.ValueKind is not JsonValueKind.Null
                ? value.ValueKind switch
                {
                    JsonValueKind.String => DurationText.Parse(value.GetString()!, $"config {path}: '{name}'"),
                    JsonValueKind.Number => DurationText.Parse(value.GetRawText(), $"config {path}: '{name}'"),
                    _ => throw Wrong(name, "a duration such as \"30m\", \"90s\" or \"2h\""),
                }
                : null;

        public bool? Bool(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var value) && value.ValueKind is not JsonValueKind.Null
                ? value.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => throw Wrong(name, "true or false") }
                : null;

        public Uri? Url(JsonElement parent, string name) => String(parent, name) is { } text ? ParseUrl(text, $"config {path}: '{name}'") : null;

        public static Uri ParseUrl(string text, string where) =>
            Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new SettingsException($"{where}: '{text}' is not an http(s) URL");

        private JsonElement? Get(JsonElement parent, string name, JsonValueKind kind, string expected) =>
            parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
                ? value.ValueKind == kind ? value : throw Wrong(name, expected)
                : null;

        private SettingsException Wrong(string name, string expected) => new($"config {path}: '{name}' must be {expected}");
    }
}

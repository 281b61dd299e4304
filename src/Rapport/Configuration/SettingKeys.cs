namespace Rapport.Configuration;

/// <summary>
/// Every setting Rapport reads, once: the config file, the environment and the flags all map onto these keys, and
/// <see cref="RapportSettings"/> binds them. A setting added here is read from every source it names.
/// </summary>
internal static class SettingKeys
{
    public static readonly SettingKey Database = new("database", "RAPPORT_DATABASE", "--database");
    public static readonly SettingKey IntercomUrl = new("intercom:url", "RAPPORT_INTERCOM_URL", "--intercom-url", SettingForm.Url);
    public static readonly SettingKey Region = new("intercom:region", "RAPPORT_INTERCOM_REGION", "--region");
    public static readonly SettingKey Token = new("intercom:token", "RAPPORT_INTERCOM_TOKEN", "--token");
    public static readonly SettingKey ClientId = new("intercom:clientId", "RAPPORT_INTERCOM_CLIENT_ID");
    public static readonly SettingKey ClientSecret = new("intercom:clientSecret", "RAPPORT_INTERCOM_CLIENT_SECRET");
    public static readonly SettingKey AuthorizeUrl = new("intercom:authorizeUrl", "RAPPORT_INTERCOM_AUTHORIZE_URL", Form: SettingForm.Url);
    public static readonly SettingKey Urls = new("web:urls", "RAPPORT_URLS", "--urls");
    public static readonly SettingKey PublicUrl = new("web:publicUrl", "RAPPORT_PUBLIC_URL", Form: SettingForm.Url);
    public static readonly SettingKey TrustedProxies = new("web:trustedProxies", "RAPPORT_TRUSTED_PROXIES");
    public static readonly SettingKey AdminEmail = new("web:adminEmail", "RAPPORT_ADMIN_EMAIL");
    public static readonly SettingKey AdminPassword = new("web:adminPassword", "RAPPORT_ADMIN_PASSWORD", "--admin-password", InFile: false);
    public static readonly SettingKey LockoutFailures = new("web:lockoutFailures", "RAPPORT_LOCKOUT_FAILURES", Form: SettingForm.WholeNumber, Unit: "failures");
    public static readonly SettingKey LockoutMinutes = new("web:lockoutMinutes", "RAPPORT_LOCKOUT_MINUTES", Form: SettingForm.WholeNumber, Unit: "minutes");
    public static readonly SettingKey LastSeenDays = new("import:lastSeenDays", Flag: "--last-seen-days", Form: SettingForm.WholeNumber, Unit: "days");
    public static readonly SettingKey OnlyWithIds = new("import:onlyWithIds", Flag: "--only-with-ids", Form: SettingForm.TrueOrFalse);
    public static readonly SettingKey Conversations = new("import:conversations", Flag: "--conversations", Form: SettingForm.TrueOrFalse);
    public static readonly SettingKey SweepMinutes = new("import:sweepMinutes", "RAPPORT_SWEEP_MINUTES", Form: SettingForm.WholeNumber, Unit: "minutes");
    public static readonly SettingKey Patience = new("import:patience", Flag: "--patience", Form: SettingForm.Duration);
    public static readonly SettingKey Qualification = new("import:qualification", Flag: "--rule", Form: SettingForm.Rule);
    public static readonly SettingKey MasterKeyFile = new("security:masterKeyFile", "RAPPORT_MASTER_KEY_FILE", "--master-key-file");

    /// <summary>The master key itself: from the environment only, as it has no place in a file beside the database.</summary>
    public static readonly SettingKey MasterKey = new("security:masterKey", "RAPPORT_MASTER_KEY", InFile: false);

    public static readonly SettingKey InboxRetentionDays = new("retention:inboxDays", "RAPPORT_INBOX_RETENTION_DAYS", Form: SettingForm.WholeNumber, Unit: "days");

    /// <summary>The config file the settings were read from: set by the file source, not by the user.</summary>
    public const string ConfigFile = "configFile";

    public static readonly IReadOnlyList<SettingKey> All =
    [
        Database, IntercomUrl, Region, Token, ClientId, ClientSecret, AuthorizeUrl,
        Urls, PublicUrl, TrustedProxies, AdminEmail, AdminPassword, LockoutFailures, LockoutMinutes,
        LastSeenDays, OnlyWithIds, Conversations, SweepMinutes, Patience, Qualification,
        MasterKeyFile, MasterKey, InboxRetentionDays,
    ];
}

using System.CommandLine;
using Rapport.Configuration;
using Rapport.Web;
using Rapport.Web.Keys;
using Spectre.Console;

namespace Rapport.Cli;

/// <summary><c>rapport serve</c>: the web app and REST API on the hub's database, until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create(CommonOptions common)
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen, ';'-separated (default {RapportWebOptions.DefaultUrl}; env RAPPORT_URLS)" };
        var adminPassword = new Option<string?>("--admin-password") { Description = "The first admin's password, used only when the hub has no teammate yet (env RAPPORT_ADMIN_PASSWORD; default: generated and printed once)" };
        var command = new Command("serve", "Serve the web app and the REST API");
        common.AddTo(command, intercom: false, masterKey: true);
        command.Options.Add(urls);
        command.Options.Add(adminPassword);
        command.SetAction((result, cancellationToken) => UserErrors.RunAsync(async () =>
        {
            var settings = common.Read(result, (SettingKeys.Urls, result.GetValue(urls)), (SettingKeys.AdminPassword, result.GetValue(adminPassword)));
            await ServeAsync(AnsiConsole.Console, WebOptions(settings), cancellationToken: cancellationToken);
            return ExitCodes.Ok;
        }, CancellationToken.None));
        return command;
    }

    internal static RapportWebOptions WebOptions(RapportSettings settings) => new()
    {
        Database = settings.Database,
        Urls = RapportSettings.ListenUrls(settings.Urls),
        AdminEmail = settings.AdminEmail,
        AdminPassword = settings.AdminPassword,
        PublicUrl = settings.PublicUrl,
        TrustedProxies = Web.Security.TrustedProxies.Parse(settings.TrustedProxies, SettingKeys.TrustedProxies.Name),
        SweepInterval = TimeSpan.FromMinutes(settings.SweepMinutes),
        SignIn = new Web.Auth.SignInProtection { Lock = new(settings.LockoutFailures, TimeSpan.FromMinutes(settings.LockoutMinutes)) },
        ImportPatience = settings.ImportPatience,
        InboxRetention = TimeSpan.FromDays(settings.InboxRetentionDays),
        MasterKeyFile = settings.MasterKeyFile ?? MasterKeyLocation.DefaultFile(settings.Database, settings.ConfigFile),
        MasterKey = settings.MasterKey,
        Intercom = new IntercomAppOptions
        {
            ClientId = settings.IntercomClientId,
            ClientSecret = settings.IntercomClientSecret,
            AuthorizeUrl = settings.IntercomAuthorizeUrl ?? Rapport.Intercom.OAuth.IntercomOAuth.DefaultAuthorizeBase,
            ApiUrl = settings.IntercomUrl,
        },
    };

    /// <summary>
    /// Starts the app, runs <paramref name="started"/> on it, says where it is (and the first admin's password, once, or as
    /// <paramref name="announce"/> says it), and serves until cancelled.
    /// </summary>
    internal static async Task ServeAsync(
        IAnsiConsole console, RapportWebOptions options, Func<RapportWebApp, Task>? started = null, Action<RapportWebApp>? announce = null,
        CancellationToken cancellationToken = default)
    {
        await using var app = await RapportWebApp.CreateAsync(options, cancellationToken);
        await app.StartAsync(cancellationToken);
        if (started is not null)
            await started(app);
        // Whoever announces the app, the operator hears about the master key.
        foreach (var notice in app.KeyRingNotices)
            console.MarkupLineInterpolated($"[yellow]{notice}[/]");
        if (announce is not null)
            announce(app);
        else
            Announce(console, options, app);
        await SimulatorCommand.WaitForCancellationAsync(cancellationToken);
        await app.StopAsync(CancellationToken.None);
    }

    private static void Announce(IAnsiConsole console, RapportWebOptions options, RapportWebApp app)
    {
        console.MarkupLineInterpolated($"Rapport is serving on [bold link]{app.BaseAddress}[/]");
        if (app.GeneratedAdminPassword is { } password)
            console.MarkupLineInterpolated($"First start: sign in as [bold]{options.AdminEmail}[/] with the password [bold]{password}[/] (shown only now; change it under your profile)");
        console.MarkupLine("Ctrl+C to stop.");
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Intercom;
using Rapport.Application.Import;
using Rapport.Application.Settings;
using Rapport.Web;
using Rapport.Web.Integration;

namespace Rapport.Pages.Settings.Integrations;

/// <summary>
/// Settings → Integrations → Intercom: connect (OAuth or a token), the options with their dependencies, the pre-enable
/// check's findings, the qualification preview, and "Sync now". Works without JavaScript; the page's script only makes
/// the dependent checkboxes and the preview live.
/// </summary>
internal sealed partial class IntercomModel(
    IntercomIntegration integration, IntercomConnections connections, IntercomCheck check, CompanyCensus census,
    IntercomSyncJob sync, RapportWebOptions options) : PageModel
{
    public IntegrationStatus Status { get; private set; } = null!;

    /// <summary>The options as shown in the form: the stored ones, or what was just submitted.</summary>
    public IntercomIntegrationSettings Form { get; private set; } = IntercomIntegrationSettings.Default;

    public IntercomCheck.CheckResult? Check { get; private set; }

    public PreviewResult? Preview { get; private set; }

    public string? RuleError { get; private set; }

    public string? Message { get; private set; }

    public bool MessageIsError { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public bool CanUseOAuth => options.Intercom.CanUseOAuth;

    public string Region => Status.Connection?.Region ?? "us";

    public async Task OnGetAsync(bool connected, CancellationToken cancellationToken)
    {
        await LoadAsync(null, cancellationToken);
        if (connected && Status.Connection is { } connection)
            Message = $"Connected to {connection.WorkspaceName} ({connection.AppId}). Now choose what Rapport imports.";
    }

    public async Task OnPostTokenAsync(string? region, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            Fail("Paste an access token first.");
        }
        else if (!IntercomRegionCodes.TryParse(region, out var parsed))
        {
            Fail($"'{region}' is not a region.");
        }
        else
        {
            var (connection, problem) = await connections.ConnectAsync(IntercomRegionCodes.Code(parsed), token.Trim(), "token", User.Describe(), cancellationToken);
            if (connection is not null)
                Message = $"Connected to {connection.WorkspaceName} ({connection.AppId}) with the access token. Now choose what Rapport imports.";
            else
                Fail($"{problem!.What} {problem.ToDo} The previous connection, if any, is unchanged.");
        }
        await LoadAsync(null, cancellationToken);
    }

    public async Task OnPostDisconnectAsync(CancellationToken cancellationToken)
    {
        await connections.DisconnectAsync(cancellationToken);
        Message = "Intercom was disconnected and its token forgotten. The imported accounts and users stay in the hub.";
        await LoadAsync(null, cancellationToken);
    }

    public async Task OnPostSaveAsync(OptionsInput input, CancellationToken cancellationToken)
    {
        var settings = input.ToSettings();
        var outcome = await integration.SaveAsync(settings, cancellationToken);
        if (outcome.Saved)
        {
            Message = settings.ImportUsersAndCompanies
                ? "Saved. Import users and companies is enabled: start a sync below, or wait for the next one."
                : "Saved. Rapport imports conversations only (matched to users by email); no account is linked to Intercom.";
        }
        else
        {
            Problems = outcome.Problems;
            (Message, MessageIsError) = ("Not saved.", true);
        }
        await LoadAsync(settings, cancellationToken);
        Check = outcome.Check ?? Check;
    }

    public async Task OnPostPreviewAsync(OptionsInput input, bool refresh, CancellationToken cancellationToken)
    {
        var settings = input.ToSettings();
        await LoadAsync(settings, cancellationToken);
        if (RuleError is null)
        {
            try
            {
                Preview = await census.GetAsync(refresh, cancellationToken) is { } snapshot ? census.Preview(snapshot, settings) : null;
            }
            catch (IntercomException error)
            {
                Fail($"The companies could not be read from Intercom: {error.Message}");
            }
        }
    }

    public async Task OnPostCheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await check.RunAsync(cancellationToken);
            Message = result is null ? "Connect Intercom first."
                : result.Report.Passed ? "The pre-enable check passed: every company has a company_id and every user a user_id."
                : null;
        }
        catch (IntercomException error)
        {
            Fail($"The check could not read Intercom: {error.Message}");
        }
        await LoadAsync(null, cancellationToken);
    }

    public async Task OnPostSyncAsync(CancellationToken cancellationToken)
    {
        var (_, refusal) = await sync.StartAsync(User.Describe(), cancellationToken);
        if (refusal is not null)
            Fail(refusal);
        else
            Message = "The sync started; its progress shows below.";
        await LoadAsync(null, cancellationToken);
    }

    private async Task LoadAsync(IntercomIntegrationSettings? submitted, CancellationToken cancellationToken)
    {
        Status = await integration.StatusAsync(cancellationToken);
        Form = submitted ?? Status.Settings;
        RuleError = Form.RuleError();
        Check = Status.LastCheck;
        if (Preview is null && RuleError is null && Form.Validate().Count == 0 && await census.PeekAsync(cancellationToken) is { } snapshot)
            Preview = census.Preview(snapshot, Form);
    }

    private void Fail(string message) => (Message, MessageIsError) = (message, true);
}

/// <summary>The options form; unticked checkboxes are simply absent.</summary>
public sealed class OptionsInput
{
    public bool ImportUsersAndCompanies { get; set; }

    public bool ImportEvents { get; set; }

    public bool UpdateCompanies { get; set; }

    public int LastSeenDays { get; set; } = 90;

    public string? Qualification { get; set; }

    public bool OnlyWithIds { get; set; }

    public IntercomIntegrationSettings ToSettings() => new()
    {
        ImportUsersAndCompanies = ImportUsersAndCompanies,
        ImportEvents = ImportEvents,
        UpdateCompanies = UpdateCompanies,
        LastSeenDays = LastSeenDays,
        Qualification = string.IsNullOrWhiteSpace(Qualification) ? null : Qualification.Trim(),
        OnlyWithIds = OnlyWithIds,
    };
}

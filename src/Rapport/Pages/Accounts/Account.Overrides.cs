using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc;
using Rapport.Hub.Model;
using Rapport.Application.Model;
using Rapport.Web.Integration;
using Rapport.Hub.Accounts;
using Rapport.Hub.Conversations;
using Rapport.Hub.Sources;

namespace Rapport.Pages.Accounts;

/// <summary>The account page's changes by hand: owner, segment memberships and indicators addressed, each recomputing the account.</summary>
internal sealed partial class AccountModel
{
    public AccountOverrides Overrides { get; private set; } = null!;

    /// <summary>The segments of the definitions in force, which a teammate can put the account in or out of.</summary>
    public IReadOnlyList<SegmentDefinition> Segments { get; private set; } = [];

    [TempData]
    public string? OverrideMessage { get; set; }

    [TempData]
    public string? OverrideError { get; set; }

    private async Task LoadOverridesAsync(long id, CancellationToken cancellationToken)
    {
        Overrides = await model.GetOverridesAsync(id, cancellationToken);
        Segments = (await model.LoadAsync(cancellationToken)).Result?.Model?.Definitions.Segments ?? [];
    }

    /// <summary>An empty <paramref name="owner"/> lets the owner trait decide again.</summary>
    public async Task<IActionResult> OnPostOwnerAsync(long id, string? owner, [FromServices] AccountModelService model, CancellationToken cancellationToken) =>
        Done(id, string.IsNullOrWhiteSpace(owner)
            ? await model.ClearOwnerAsync(id, cancellationToken)
            : await model.SetOwnerAsync(id, owner, User.Describe(), cancellationToken),
            string.IsNullOrWhiteSpace(owner) ? "The owner now comes from the owner trait." : $"Owner set to {owner}.");

    /// <summary><paramref name="membership"/>: <c>in</c>, <c>out</c>, or <c>rule</c> to let the segment's rule decide again.</summary>
    public async Task<IActionResult> OnPostSegmentAsync(
        long id, string segment, string membership, [FromServices] AccountModelService model, CancellationToken cancellationToken) =>
        membership switch
        {
            "in" or "out" => Done(id, await model.SetSegmentAsync(id, segment, membership == "in", User.Describe(), cancellationToken),
                membership == "in" ? $"Put in segment {segment} by hand." : $"Taken out of segment {segment} by hand."),
            "rule" => Done(id, await model.ClearSegmentAsync(id, segment, cancellationToken), $"Segment {segment} follows its rule again."),
            _ => Done(id, new OverrideResult(OverrideOutcome.Invalid, $"Membership '{membership}' is not one of in, out or rule.", null, null), ""),
        };

    public async Task<IActionResult> OnPostAddressedAsync(long id, string indicator, [FromServices] AccountModelService model, CancellationToken cancellationToken) =>
        Done(id, await model.MarkAddressedAsync(id, indicator, User.Describe(), cancellationToken), $"{indicator} marked addressed.");

    private RedirectResult Done(long id, OverrideResult result, string message)
    {
        if (result.Outcome == OverrideOutcome.Done)
            OverrideMessage = message;
        else
            OverrideError = result.Message;
        return Redirect($"/accounts/{id}#overrides");
    }
}

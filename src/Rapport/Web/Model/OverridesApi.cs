using Rapport.Application.Accounts;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Hub.Model;
using Rapport.Application.Model;
using Rapport.Web.Integration;
using Rapport.Hub.Accounts;

namespace Rapport.Web.Model;

/// <summary>
/// What a teammate sets by hand on one account: its owner, its segment memberships and indicators marked addressed.
/// Each change recomputes that account at once and answers with its overrides and new state. Any teammate may do it.
/// </summary>
internal static class OverridesApi
{
    public static void MapOverridesApi(this RouteGroupBuilder api)
    {
        var account = api.MapGroup("/accounts/{id:long}").WithTags("Account model");
        account.MapGet("/overrides", GetAsync).WithSummary("What teammates set by hand on the account (owner, segments, indicators addressed), with who and when");
        account.MapPut("/owner", SetOwnerAsync)
            .WithSummary("Set the account's owner by hand: one of its users (user_id); it wins over the owner trait. 400 names a user of another account");
        account.MapDelete("/owner", ClearOwnerAsync).WithSummary("Let the owner trait decide the account's owner again");
        account.MapPut("/segments/{segment}", SetSegmentAsync)
            .WithSummary("Put the account in (member: true) or out of (member: false) a segment by hand, whatever its rule says; a manual segment (no rule) works only this way");
        account.MapDelete("/segments/{segment}", ClearSegmentAsync).WithSummary("Let the segment's rule decide the account's membership again");
        account.MapPost("/indicators/{indicator}/addressed", AddressAsync)
            .WithSummary("Mark an active indicator addressed; it stays addressed while this activation lasts (409 when the indicator is not active)");
    }

    private static async Task<Results<Ok<OverridesDto>, ProblemHttpResult>> GetAsync(long id, AccountModelService model, AccountDirectory accounts, IModelStore modelStore, CancellationToken cancellationToken)
    {
        if (await accounts.GetAccountAsync(id, userLimit: 0, cancellationToken) is null)
            return TypedResults.Problem($"There is no account with id {id}.", statusCode: 404);
        var overrides = await modelStore.GetAccountOverridesAsync(new AccountId(id), cancellationToken);
        var state = (await modelStore.GetAccountStatesAsync([id], cancellationToken)).GetValueOrDefault(id);
        return TypedResults.Ok(OverridesDto.From(new OverrideResult(OverrideOutcome.Done, null, overrides, state)));
    }

    private static async Task<Results<Ok<OverridesDto>, ProblemHttpResult>> SetOwnerAsync(
        long id, OwnerRequest request, ClaimsPrincipal user, AccountModelService model, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(request.UserId)
            ? TypedResults.Problem("userId is required: the user_id of one of the account's users.", statusCode: 400)
            : Answer(await model.SetOwnerAsync(id, request.UserId, user.Describe(), cancellationToken));

    private static async Task<Results<Ok<OverridesDto>, ProblemHttpResult>> ClearOwnerAsync(long id, AccountModelService model, CancellationToken cancellationToken) =>
        Answer(await model.ClearOwnerAsync(id, cancellationToken));

    private static async Task<Results<Ok<OverridesDto>, ProblemHttpResult>> SetSegmentAsync(
        long id, string segment, SegmentRequest request, ClaimsPrincipal user, AccountModelService model, CancellationToken cancellationToken) =>
        request.Member is not { } member
            ? TypedResults.Problem("member is required: true to put the account in the segment, false to take it out.", statusCode: 400)
            : Answer(await model.SetSegmentAsync(id, segment, member, user.Describe(), cancellationToken));

    private static async Task<Results<Ok<OverridesDto>, ProblemHttpResult>> ClearSegmentAsync(
        long id, string segment, AccountModelService model, CancellationToken cancellationToken) =>
        Answer(await model.ClearSegmentAsync(id, segment, cancellationToken));

    private static async Task<Results<Ok<OverridesDto>, ProblemHttpResult>> AddressAsync(
        long id, string indicator, ClaimsPrincipal user, AccountModelService model, CancellationToken cancellationToken) =>
        Answer(await model.MarkAddressedAsync(id, indicator, user.Describe(), cancellationToken));

    private static Results<Ok<OverridesDto>, ProblemHttpResult> Answer(OverrideResult result) => result.Outcome switch
    {
        OverrideOutcome.Done => TypedResults.Ok(OverridesDto.From(result)),
        OverrideOutcome.NotFound => TypedResults.Problem(result.Message, statusCode: 404),
        OverrideOutcome.Conflict => TypedResults.Problem(result.Message, statusCode: 409),
        _ => TypedResults.Problem(result.Message, statusCode: 400),
    };
}

/// <param name="UserId">The <c>user_id</c> of one of the account's users.</param>
internal sealed record OwnerRequest(string? UserId);

/// <param name="Member">True: in the segment; false: out of it.</param>
internal sealed record SegmentRequest(bool? Member);

internal sealed record ManualOwnerDto(string UserId, string SetBy, DateTimeOffset SetAt);

internal sealed record ManualSegmentDto(string Segment, bool Member, string SetBy, DateTimeOffset SetAt);

internal sealed record AddressedDto(string Indicator, DateTimeOffset ActivatedAt, string AddressedBy, DateTimeOffset AddressedAt);

/// <summary>What is set by hand on the account, and its state recomputed with it (null before any definitions are saved).</summary>
internal sealed record OverridesDto(
    long AccountId, ManualOwnerDto? Owner, IReadOnlyList<ManualSegmentDto> Segments, IReadOnlyList<AddressedDto> Addressed, AccountModelDto? Model)
{
    public static OverridesDto From(OverrideResult result)
    {
        var o = result.Overrides!;
        return new(
            o.AccountId.Value,
            o.Owner is { } owner ? new ManualOwnerDto(owner.UserId, owner.SetBy, owner.SetAt) : null,
            [.. o.Segments.Select(s => new ManualSegmentDto(s.Segment, s.Member, s.SetBy, s.SetAt))],
            [.. o.Addressed.Select(a => new AddressedDto(a.Key, a.Value.ActivatedAt, a.Value.AddressedBy, a.Value.AddressedAt))],
            result.State is { } state ? AccountModelDto.From(state) : null);
    }
}

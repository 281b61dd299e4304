using Rapport.Application.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rapport.Hub.Model;
using Rapport.Application.Model;
using Rapport.Hub.Accounts;

namespace Rapport.Web.Model;

/// <summary>
/// The account model over time: an account's daily values (<c>/accounts/{id}/model/history</c>) and the definitions
/// saved versions renamed or deleted (<c>/model/retired</c>), which the push reads to act on Intercom's attributes.
/// </summary>
internal static class ModelHistoryApi
{
    public const int DefaultDays = 90;

    public static void MapModelHistoryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/accounts/{id:long}/model/history", HistoryAsync).WithTags("Account model")
            .WithSummary("One account's model values per UTC day over the last `days` days (default 90, at most 3660): overall health, each health score, metric and element, and MRR, each series with its latest value, min and max; a renamed definition's days before its rename are under its new name");
        api.MapGet("/model/retired", RetiredAsync).WithTags("Account model")
            .WithSummary("Definitions (elements, metrics, indicators, segments, health scores) that saved versions dropped, oldest first: renamed (with the new name) or deleted, with the version that dropped them; after_version=N gives only those retired since version N");
    }

    private static async Task<Results<Ok<AccountHistoryDto>, ProblemHttpResult>> HistoryAsync(
        long id, [FromQuery(Name = "days")] int? days, AccountDirectory accounts, IModelStore modelStore, AccountModelService model, CancellationToken cancellationToken)
    {
        var span = days ?? DefaultDays;
        if (span is < 1 or > AccountModelService.MaxHistoryDays)
        {
            return TypedResults.Problem($"days must be 1 to {AccountModelService.MaxHistoryDays}; it was {span}.", statusCode: 400,
                title: "Bad parameter: days", extensions: new Dictionary<string, object?> { ["parameter"] = "days" });
        }

        if (await accounts.GetAccountAsync(id, userLimit: 0, cancellationToken) is null)
            return TypedResults.Problem($"There is no account with id {id}.", statusCode: 404);
        return TypedResults.Ok(AccountHistoryDto.From(await model.GetHistoryAsync(id, span, cancellationToken)));
    }

    private static async Task<Results<Ok<RetiredDefinitionDto[]>, ProblemHttpResult>> RetiredAsync(
        [FromQuery(Name = "after_version")] int? afterVersion, AccountDirectory accounts, IModelStore modelStore, CancellationToken cancellationToken)
    {
        if (afterVersion is < 0)
        {
            return TypedResults.Problem($"after_version must be 0 or more; it was {afterVersion}.", statusCode: 400,
                title: "Bad parameter: after_version", extensions: new Dictionary<string, object?> { ["parameter"] = "after_version" });
        }

        var retired = await modelStore.ListRetiredDefinitionsAsync(afterVersion ?? 0, cancellationToken);
        return TypedResults.Ok(retired.Select(RetiredDefinitionDto.From).ToArray());
    }
}

/// <param name="RenamedTo">The definition's new name; null when it was deleted.</param>
internal sealed record RetiredDefinitionDto(string Kind, string Name, string? RenamedTo, int DefinitionsVersion, DateTimeOffset RetiredAt)
{
    public static RetiredDefinitionDto From(RetiredDefinition r) => new(r.Kind.ToName(), r.Name, r.RenamedTo, r.DefinitionsVersion, r.RetiredAt);
}

/// <param name="Since">The first day of the span; <paramref name="Until"/> is today (UTC).</param>
/// <param name="Series">Overall health, each health score, metric and element the newest day has, and MRR.</param>
internal sealed record AccountHistoryDto(long AccountId, DateOnly Since, DateOnly Until, int Days, HistorySeriesDto[] Series)
{
    public static AccountHistoryDto From(AccountHistory h) => new(h.AccountId, h.From, h.To, h.Days, [.. h.Series.Select(HistorySeriesDto.From)]);
}

/// <param name="Kind">health, mrr, health_score, metric or element.</param>
internal sealed record HistorySeriesDto(string Kind, string Name, decimal? Latest, decimal? Min, decimal? Max, HistoryPointDto[] Points)
{
    public static HistorySeriesDto From(HistorySeries s) => new(
        s.Kind, s.Name, s.Latest?.Value, s.Min, s.Max, [.. s.Points.Select(p => new HistoryPointDto(p.Day, p.Value))]);
}

internal sealed record HistoryPointDto(DateOnly Day, decimal Value);

using Rapport.Application.Accounts;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Hub.Model;
using Rapport.Application.Model;
using Rapport.Web.Audit;
using Rapport.Web.Auth;
using Rapport.Web.Integration;
using Rapport.Hub.Accounts;

namespace Rapport.Web.Model;

/// <summary>
/// <c>/api/v1/model</c>: the definitions document (any teammate reads; Admins and Leaders replace it), and each
/// account's computed state.
/// </summary>
internal static class ModelApi
{
    public static void MapModelApi(this RouteGroupBuilder api)
    {
        var model = api.MapGroup("/model").WithTags("Account model");
        model.MapGet("/", GetAsync).WithSummary("The definitions in force (MRR, type, elements, metrics, indicators, segments, health scores, owner), with their version and who saved them");
        model.MapPut("/", PutAsync).RequireAuthorization(TeamClaims.SettingsPolicy)
            .Accepts<JsonElement>("application/json", "application/yaml")
            .WithSummary("Replace the definitions (Admins and Leaders), as JSON or YAML (application/yaml): validated whole and tried on every account first; 400 lists every problem, naming its definition, and saves nothing");
        api.MapGet("/accounts/{id:long}/model", GetAccountAsync).WithTags("Account model")
            .WithSummary("One account's MRR, type, health (overall and per score), elements, metrics, indicators (with activation dates), segments and owner");
    }

    private static async Task<Ok<ModelDocumentDto>> GetAsync(AccountDirectory accounts, IModelStore modelStore, CancellationToken cancellationToken) =>
        TypedResults.Ok(ModelDocumentDto.From(await modelStore.GetModelDefinitionsAsync(cancellationToken)));

    private static async Task<Results<Ok<ModelSavedDto>, ProblemHttpResult>> PutAsync(
        HttpRequest request, ClaimsPrincipal user, AccountModelService model, IAuditLog audit, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(cancellationToken);
        var result = await model.SaveDocumentAsync(json, ModelDocument.FromMediaType(request.ContentType), user.Describe(), cancellationToken: cancellationToken);
        if (result.Saved is not { } saved)
            return Problems(result.Problems);
        await audit.RecordAsync(AuditActions.ModelSaved, null, $"version {saved.Version}");
        return TypedResults.Ok(new ModelSavedDto(saved.Version, saved.SavedBy, saved.SavedAt, result.AccountsComputed));
    }

    private static async Task<Results<Ok<AccountModelDto>, ProblemHttpResult>> GetAccountAsync(long id, AccountDirectory accounts, IModelStore modelStore, CancellationToken cancellationToken)
    {
        if (await accounts.GetAccountAsync(id, userLimit: 0, cancellationToken) is null)
            return TypedResults.Problem($"There is no account with id {id}.", statusCode: 404);
        var states = await modelStore.GetAccountStatesAsync([id], cancellationToken);
        return states.TryGetValue(id, out var state)
            ? TypedResults.Ok(AccountModelDto.From(state))
            : TypedResults.Problem($"Account {id} has not been computed: no definitions are saved yet, or the recompute has not reached it.", statusCode: 404);
    }

    internal static ProblemHttpResult Problems(IReadOnlyList<ModelProblem> problems) =>
        TypedResults.Problem(
            string.Join("\n", problems.Select(p => p.ToString())),
            statusCode: 400,
            title: problems.Count == 1 ? "The definitions have a problem; nothing was saved" : $"The definitions have {problems.Count} problems; nothing was saved",
            extensions: new Dictionary<string, object?> { ["problems"] = problems.Select(p => new ModelProblemDto(p.Definition, p.Message)).ToArray() });
}

using Rapport.Application.Accounts;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Hub.Messaging;
using Rapport.Application.Messaging;
using Rapport.Web.Auth;
using Rapport.Hub.Accounts;

namespace Rapport.Web.Messaging;

/// <summary>
/// Replies, notes and new conversations sent to Intercom as the teammate's Intercom admin. Only a teammate whose admin holds
/// an inbox seat may send (403 otherwise, naming why, and nothing is queued). A send answers once Intercom has: 200 sent
/// (with the part or message id), 422 refused by Intercom (nothing sent), or 202 still queued (Intercom slow or unreachable;
/// it will be sent once, see <c>GET /api/v1/sends/{id}</c>).
/// </summary>
internal static class MessagingApi
{
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(10);

    public static void MapMessagingApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me/seat", SeatAsync).WithTags("Messaging")
            .WithSummary("Whether you can send to Intercom: your Intercom admin (by email) and its inbox seat, or why not");
        api.MapPost("/conversations/{id}/reply", ReplyAsync).WithTags("Messaging")
            .WithSummary("Reply (type=comment) or add an internal note (type=note) as your Intercom admin; up to 10 attachment URLs");
        api.MapPost("/users/{id:long}/messages", MessageAsync).WithTags("Messaging")
            .WithSummary("Start a conversation with a user: channel in_app or email (subject required); attachments only as links, on request");
        api.MapPost("/users/{id:long}/messages/preview", PreviewAsync).WithTags("Messaging")
            .WithSummary("Render a message's Liquid template ({{user.first_name | default: \"there\"}}) with this user's real data; nothing is sent");
        api.MapGet("/sends", ListAsync).WithTags("Messaging")
            .WithSummary("The most recent sends, newest first: status, Intercom id, error");
        api.MapGet("/sends/{id:long}", GetAsync).WithTags("Messaging")
            .WithSummary("One send: queued, sending, sent (with its Intercom id) or failed (with Intercom's refusal)");
    }

    private static async Task<Ok<SeatDto>> SeatAsync(ClaimsPrincipal user, MessagingSeats seats, CancellationToken cancellationToken) =>
        TypedResults.Ok(SeatDto.From(await seats.CheckAsync(user.TeammateId(), cancellationToken)));

    private static async Task<IResult> ReplyAsync(
        string id, ReplyRequest request, ClaimsPrincipal user, OutboundQueue queue, CancellationToken cancellationToken)
    {
        var kind = request.Type switch
        {
            null or "" or "comment" => OutboundKinds.Reply,
            "note" => OutboundKinds.Note,
            _ => "?",
        };
        var outcome = await queue.ReplyAsync(user.TeammateId(), id, new OutboundInput(kind, request.Body, AttachmentUrls: request.AttachmentUrls, IdempotencyKey: request.IdempotencyKey), cancellationToken);
        return await AnswerAsync(outcome, queue, cancellationToken);
    }

    private static async Task<IResult> MessageAsync(
        long id, MessageRequest request, ClaimsPrincipal user, OutboundQueue queue, CancellationToken cancellationToken)
    {
        var outcome = await queue.MessageAsync(user.TeammateId(), id, new OutboundInput(
            OutboundKinds.Message, request.Body, request.Channel, request.Subject, request.AttachmentUrls, request.SendAttachmentsAsLinks, request.IdempotencyKey),
            cancellationToken);
        return await AnswerAsync(outcome, queue, cancellationToken);
    }

    private static async Task<IResult> PreviewAsync(
        long id, MessageRequest request, ClaimsPrincipal user, AccountDirectory accounts, IOutboundStore outboundStore, OutboundQueue queue, CancellationToken cancellationToken)
    {
        if (await accounts.GetUserAsync(id, cancellationToken) is not { } recipient)
            return TypedResults.Problem($"There is no user with id {id}.", statusCode: 404);
        var (subject, body, problem) = await queue.RenderAsync(user.TeammateId(), recipient, request.Subject, request.Body, cancellationToken);
        return problem is null
            ? TypedResults.Ok(new PreviewDto(subject, body))
            : TypedResults.Problem(problem.Problem, statusCode: problem.Status, title: $"Bad field: {problem.Field}");
    }

    private static async Task<IResult> AnswerAsync(QueueOutcome outcome, OutboundQueue queue, CancellationToken cancellationToken)
    {
        if (outcome.Send is not { } queued)
            return TypedResults.Problem(outcome.Problem, statusCode: outcome.Status, title: outcome.Field is null ? null : $"Bad field: {outcome.Field}");
        var send = await queue.AwaitAsync(queued, AnswerWithin, cancellationToken);
        return send.Status switch
        {
            OutboundStatuses.Sent => TypedResults.Ok(SendDto.From(send)),
            OutboundStatuses.Failed => TypedResults.Problem(send.Error, statusCode: 422, title: "Intercom refused the send",
                extensions: new Dictionary<string, object?> { ["sendId"] = send.Id }),
            _ => TypedResults.Accepted($"/api/v1/sends/{send.Id}", SendDto.From(send)),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<SendDto>>, ProblemHttpResult>> ListAsync(AccountDirectory accounts, IOutboundStore outboundStore, CancellationToken cancellationToken, int limit = 50)
    {
        if (limit is < 1 or > 500)
            return TypedResults.Problem("limit must be between 1 and 500.", statusCode: 400, title: "Bad parameter: limit");
        return TypedResults.Ok<IReadOnlyList<SendDto>>([.. (await outboundStore.ListOutboundAsync(limit, cancellationToken)).Select(SendDto.From)]);
    }

    private static async Task<Results<Ok<SendDto>, ProblemHttpResult>> GetAsync(long id, AccountDirectory accounts, IOutboundStore outboundStore, CancellationToken cancellationToken) =>
        await outboundStore.GetOutboundAsync(id, cancellationToken) is { } send
            ? TypedResults.Ok(SendDto.From(send))
            : TypedResults.Problem($"There is no send with id {id}.", statusCode: 404);
}

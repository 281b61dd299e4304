namespace Rapport.Web.Tests.Messaging;

/// <summary>
/// Intercom took a send but its answer never arrived (the connection broke mid-response): the next attempt finds the send
/// in Intercom and records it, instead of sending it a second time.
/// </summary>
public sealed class LostAnswerSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reply_and_a_message_whose_answer_was_lost_are_found_in_Intercom_and_never_sent_twice()
    {
        await using var hub = await MessagingHub.StartAsync();
        var id = hub.Conversation.Id;
        var userId = (await hub.Live.Hub.Store.Browse.FindUserAsync(hub.Live.Contact.ExternalId!, Token))!.Id.Value;
        var simulator = hub.Live.Hub.Simulator;
        simulator.InjectFault("truncated_body", count: 1, pathPrefix: $"/conversations/{id}/reply");
        simulator.InjectFault("truncated_body", count: 1, pathPrefix: "/messages");

        var reply = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/conversations/{id}/reply", new { body = "Your export is ready." });
        var message = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/users/{userId}/messages", new { channel = "in_app", body = "Did the export work?" });

        reply.Status.ShouldBe(202, reply.Body.ToString());
        message.Status.ShouldBe(202, message.Body.ToString());
        var sentReply = await SentAsync(hub, reply.Body.GetProperty("id").GetInt64());
        var sentMessage = await SentAsync(hub, message.Body.GetProperty("id").GetInt64());
        simulator.Stats.RepliesCreated.ShouldBe(1);
        simulator.Stats.MessagesCreated.ShouldBe(1);
        simulator.Stats.RequestsTo("POST /conversations/{conversation_id}/reply").ShouldBe(1, "the retry looked, and did not send again");
        simulator.Stats.RequestsTo("POST /messages").ShouldBe(1);
        var part = hub.IntercomParts(id, "Your export is ready.").ShouldHaveSingleItem();
        sentReply.GetProperty("intercomId").GetString().ShouldBe(part.Id);
        sentReply.GetProperty("attempts").GetInt32().ShouldBe(2);
        var opened = hub.Workspace.Conversations.Where(c => c.Source.Body?.Contains("Did the export work?", StringComparison.Ordinal) == true).ShouldHaveSingleItem();
        sentMessage.GetProperty("conversationId").GetString().ShouldBe(opened.Id);
    }

    private static async Task<JsonElement> SentAsync(MessagingHub hub, long sendId)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var send = await hub.SeatedApi.GetFromJsonAsync<JsonElement>($"/api/v1/sends/{sendId}", Token);
            if (send.GetProperty("status").GetString() is "sent" or "failed")
                return send.GetProperty("status").GetString() == "sent" ? send : throw new ShouldAssertException($"the send failed: {send}");
            if (TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(60))
                throw new ShouldAssertException($"the send was not sent within a minute: {send}");
            await Task.Delay(200, Token);
        }
    }
}

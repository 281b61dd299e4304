using System.Net;

namespace Rapport.IntercomSimulator.Tests;

/// <summary>POST /conversations/{id}/reply and POST /messages: applied to the workspace as Intercom does, refused with its error bodies.</summary>
public sealed class MessagingSpecs
{
    [Fact]
    public async Task An_admin_reply_becomes_a_part_by_that_admin_with_its_attachments_and_a_note_stays_internal()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        var admin = server.Workspace.Admins[1];
        var conversation = server.Workspace.AddConversation(server.Workspace.Contacts[0].Id, "<p>Help</p>");

        var reply = await api.PostAsync($"/conversations/{conversation.Id}/reply",
            $$"""{"message_type":"comment","type":"admin","admin_id":"{{admin.Id}}","body":"<p>On it</p>","attachment_urls":["https://files.example.test/fix.png"]}""");
        var note = await api.PostAsync($"/conversations/{conversation.Id}/reply",
            $$"""{"message_type":"note","type":"admin","admin_id":"{{admin.Id}}","body":"<p>Bug 42</p>"}""");

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        var parts = reply.Body.GetProperty("conversation_parts").GetProperty("conversation_parts");
        var last = parts[parts.GetArrayLength() - 1];
        last.GetProperty("part_type").GetString().ShouldBe("comment");
        last.GetProperty("author").GetProperty("id").GetString().ShouldBe(admin.Id);
        last.GetProperty("attachments")[0].GetProperty("url").GetString().ShouldBe("https://files.example.test/fix.png");
        note.Status.ShouldBe(HttpStatusCode.OK, note.Text);
        server.Workspace.FindConversation(conversation.Id)!.Parts.Select(p => (p.PartType, p.Author.Id)).ShouldBe([("comment", admin.Id), ("note", admin.Id)]);
        server.Stats.RepliesCreated.ShouldBe(2);
    }

    [Fact]
    public async Task A_reply_with_no_body_an_unknown_admin_eleven_attachments_or_to_a_closed_or_missing_conversation_is_refused()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        var admin = server.Workspace.Admins[0];
        var conversation = server.Workspace.AddConversation(server.Workspace.Contacts[0].Id, "<p>Help</p>");
        var closed = server.Workspace.AddConversation(server.Workspace.Contacts[1].Id, "<p>Thanks</p>");
        server.Workspace.Close(closed.Id, admin.Id);
        var eleven = string.Join(',', Enumerable.Range(0, 11).Select(i => $"\"https://files.example.test/{i}.png\""));

        var empty = await api.PostAsync($"/conversations/{conversation.Id}/reply", $$"""{"message_type":"comment","type":"admin","admin_id":"{{admin.Id}}","body":""}""");
        var stranger = await api.PostAsync($"/conversations/{conversation.Id}/reply", """{"message_type":"comment","type":"admin","admin_id":"1","body":"Hi"}""");
        var tooMany = await api.PostAsync($"/conversations/{conversation.Id}/reply", $$"""{"message_type":"comment","type":"admin","admin_id":"{{admin.Id}}","body":"Hi","attachment_urls":[{{eleven}}]}""");
        var onClosed = await api.PostAsync($"/conversations/{closed.Id}/reply", $$"""{"message_type":"comment","type":"admin","admin_id":"{{admin.Id}}","body":"Hi"}""");
        var missing = await api.PostAsync("/conversations/999999/reply", $$"""{"message_type":"comment","type":"admin","admin_id":"{{admin.Id}}","body":"Hi"}""");

        (empty.Status, empty.ErrorCode).ShouldBe((HttpStatusCode.BadRequest, "parameter_invalid"));
        (stranger.Status, stranger.ErrorCode).ShouldBe((HttpStatusCode.NotFound, "admin_not_found"));
        (tooMany.Status, tooMany.ErrorCode).ShouldBe((HttpStatusCode.BadRequest, "parameter_invalid"));
        (onClosed.Status, onClosed.ErrorCode).ShouldBe((HttpStatusCode.BadRequest, "parameter_invalid"));
        (missing.Status, missing.ErrorCode).ShouldBe((HttpStatusCode.NotFound, "not_found"));
        empty.Body.GetProperty("type").GetString().ShouldBe("error.list");
        server.Stats.RepliesCreated.ShouldBe(0);
        server.Workspace.FindConversation(conversation.Id)!.Parts.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_message_opens_an_admin_initiated_conversation_and_an_email_without_subject_is_a_422()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        var admin = server.Workspace.Admins[0];
        var contact = server.Workspace.Contacts[0];

        var inApp = await api.PostAsync("/messages", $$$"""{"message_type":"in_app","body":"Hello","from":{"type":"admin","id":{{{admin.Id}}}},"to":{"type":"user","id":"{{{contact.Id}}}"}}""");
        var email = await api.PostAsync("/messages", $$$"""{"message_type":"email","subject":"Renewal","body":"Hi","template":"plain","from":{"type":"admin","id":{{{admin.Id}}}},"to":{"type":"user","id":"{{{contact.Id}}}"}}""");
        var noSubject = await api.PostAsync("/messages", $$$"""{"message_type":"email","body":"Hi","template":"plain","from":{"type":"admin","id":{{{admin.Id}}}},"to":{"type":"user","id":"{{{contact.Id}}}"}}""");
        var noBody = await api.PostAsync("/messages", $$$"""{"message_type":"in_app","from":{"type":"admin","id":{{{admin.Id}}}},"to":{"type":"user","id":"{{{contact.Id}}}"}}""");

        inApp.Status.ShouldBe(HttpStatusCode.OK, inApp.Text);
        inApp.Body.GetProperty("message_type").GetString().ShouldBe("inapp");
        var opened = server.Workspace.FindConversation(inApp.Body.GetProperty("conversation_id").GetString()!)!;
        (opened.Source.Type, opened.Source.DeliveredAs, opened.Source.Author.Id).ShouldBe(("conversation", "admin_initiated", admin.Id));
        server.Workspace.FindConversation(email.Body.GetProperty("conversation_id").GetString()!)!.Source.Subject.ShouldBe("Renewal");
        (noSubject.Status, noSubject.ErrorCode).ShouldBe((HttpStatusCode.UnprocessableEntity, "parameter_not_found"));
        noSubject.Body.GetProperty("errors")[0].GetProperty("message").GetString().ShouldBe("No subject supplied for email message");
        (noBody.Status, noBody.ErrorCode).ShouldBe((HttpStatusCode.BadRequest, "parameter_invalid"));
        server.Stats.MessagesCreated.ShouldBe(2);
    }

    [Fact]
    public async Task A_message_typed_inapp_as_Intercoms_SDK_and_examples_write_it_is_taken_as_an_in_app_message()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        var admin = server.Workspace.Admins[0];
        var contact = server.Workspace.Contacts[0];

        // intercom-client's MessageType and the spec's response examples say "inapp"; the request enum says "in_app". Intercom takes both.
        var inapp = await api.PostAsync("/messages", $$$"""{"message_type":"inapp","body":"Hello","from":{"type":"admin","id":{{{admin.Id}}}},"to":{"type":"user","id":"{{{contact.Id}}}"}}""");

        inapp.Status.ShouldBe(HttpStatusCode.OK, inapp.Text);
        inapp.Body.GetProperty("message_type").GetString().ShouldBe("inapp");
        var opened = server.Workspace.FindConversation(inapp.Body.GetProperty("conversation_id").GetString()!)!;
        (opened.Source.Type, opened.Source.DeliveredAs, opened.Source.Body).ShouldBe(("conversation", "admin_initiated", "Hello"));
        server.Stats.MessagesCreated.ShouldBe(1);
    }
}

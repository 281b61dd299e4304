using Rapport.Application.Messaging;

namespace Rapport.Web.Tests.Messaging;

/// <summary>Messages as Liquid templates: previewed with real data, unknown placeholders refused, never sent blank.</summary>
public sealed class TemplateSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_preview_and_the_sent_message_use_the_users_and_the_teammates_real_data()
    {
        await using var hub = await MessagingHub.StartAsync();
        var user = (await hub.Live.Hub.Store.Browse.FindUserAsync(hub.Live.Contact.ExternalId!, Token))!;
        var first = hub.Live.Contact.Name!.Split(' ')[0];
        var teammate = TeamRole.TeamMember.Display();
        var message = new { channel = "email", subject = "For {{account.name | default: \"your team\"}}", body = "Hi {{user.first_name | default: \"there\"}}, {{teammate.name}} here." };

        var preview = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/users/{user.Id.Value}/messages/preview", message);
        var sent = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/users/{user.Id.Value}/messages", message);

        preview.Status.ShouldBe(200, preview.Body.ToString());
        preview.Body.GetProperty("body").GetString().ShouldBe($"Hi {first}, {teammate} here.");
        preview.Body.GetProperty("subject").GetString()!.ShouldNotContain("{{");
        sent.Status.ShouldBe(200, sent.Body.ToString());
        hub.Workspace.FindConversation(sent.Body.GetProperty("conversationId").GetString()!)!.Source.Body.ShouldBe($"<p>Hi {first}, {teammate} here.</p>");
    }

    [Fact]
    public async Task An_unknown_placeholder_is_refused_naming_it_and_a_template_that_renders_empty_is_not_sent()
    {
        await using var hub = await MessagingHub.StartAsync();
        var user = (await hub.Live.Hub.Store.Browse.FindUserAsync(hub.Live.Contact.ExternalId!, Token))!;

        var misspelt = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/users/{user.Id.Value}/messages", new { channel = "in_app", body = "Hi {{user.firstname}}" });
        var broken = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/users/{user.Id.Value}/messages", new { channel = "in_app", body = "Hi {{user.first_name" });
        var empty = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/users/{user.Id.Value}/messages",
            new { channel = "in_app", body = "{% if user.email == \"nobody@example.test\" %}Hello{% endif %}" });
        var emptyReply = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/conversations/{hub.Conversation.Id}/reply",
            new { body = "{% if user.email == \"nobody@example.test\" %}{{ user.first_name }}{% endif %}" });

        misspelt.Status.ShouldBe(400);
        misspelt.Body.GetProperty("detail").GetString()!.ShouldStartWith("Unknown placeholder {{user.firstname}}");
        broken.Status.ShouldBe(400);
        broken.Body.GetProperty("detail").GetString()!.ShouldStartWith("The template does not parse");
        empty.Status.ShouldBe(400);
        empty.Body.GetProperty("detail").GetString()!.ShouldContain("renders empty for");
        emptyReply.Status.ShouldBe(400, emptyReply.Body.ToString());
        emptyReply.Body.GetProperty("detail").GetString()!.ShouldContain("nothing was sent");
        hub.Live.Hub.Simulator.Stats.MessagesCreated.ShouldBe(0);
        hub.Live.Hub.Simulator.Stats.RepliesCreated.ShouldBe(0);
        (await hub.Live.Hub.Store.Outbound.ListOutboundAsync(10, Token)).ShouldBeEmpty();
    }

    [Fact]
    public void Filters_loop_variables_and_literals_are_not_taken_for_placeholders()
    {
        MessageTemplate.Problem("{{ user.first_name | default: \"there\" | capitalize }}").ShouldBeNull();
        MessageTemplate.Problem("{% assign words = \"a,b\" | split: \",\" %}{% for w in words %}{{ w }}{% endfor %} {{ 'user.nope' }}").ShouldBeNull();
        MessageTemplate.Problem("{% if account.name %}{{ account.name }}{% else %}you{% endif %}").ShouldBeNull();
        MessageTemplate.Problem("{{ company.name }} {{ user.plan }}").ShouldBe(
            $"Unknown placeholders {{{{company.name}}}}, {{{{user.plan}}}}: Rapport fills {string.Join(", ", MessageTemplate.Placeholders)}.");
    }
}

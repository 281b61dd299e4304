using System.Text;
using Rapport.Intercom.Webhooks;

namespace Rapport.Intercom.Tests;

public sealed class NotificationSpecs
{
    // Shaped after the contact.user.updated example of https://developers.intercom.com/docs/references/2.16/webhooks/webhook-models
    private const string ContactUserUpdated = """
        {
          "type": "notification_event",
          "app_id": "abc12def",
          "data": {
            "type": "notification_event_data",
            "item": {
              "type": "contact",
              "id": "6650a6f6f6b3a2b9c0d1e2f3",
              "workspace_id": "abc12def",
              "external_id": "user-42",
              "role": "user",
              "email": "ada@example.com",
              "name": "Ada Lovelace",
              "created_at": 1718620800,
              "updated_at": 1718625600,
              "custom_attributes": { "plan": "pro" }
            }
          },
          "links": {},
          "id": "notif_7b0d7c3e-4f0a-4a8e-9d1b-2c3d4e5f6a7b",
          "topic": "contact.user.updated",
          "delivery_status": "pending",
          "delivery_attempts": 2,
          "delivered_at": 0,
          "first_sent_at": 1718625605,
          "created_at": 1718625601,
          "self": null
        }
        """;

    [Fact]
    public void A_contact_user_updated_notification_parses_with_its_item_kept_raw()
    {
        var notification = IntercomNotification.Parse(Encoding.UTF8.GetBytes(ContactUserUpdated));

        notification.Id.ShouldBe("notif_7b0d7c3e-4f0a-4a8e-9d1b-2c3d4e5f6a7b");
        notification.Topic.ShouldBe("contact.user.updated");
        notification.AppId.ShouldBe("abc12def");
        notification.CreatedAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1718625601));
        notification.FirstSentAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1718625605));
        notification.DeliveryAttempts.ShouldBe(2);
        notification.Self.ShouldBeNull();
        notification.ItemType.ShouldBe("contact");
        notification.Item.GetProperty("external_id").GetString().ShouldBe("user-42");
        notification.Item.GetProperty("custom_attributes").GetProperty("plan").GetString().ShouldBe("pro");
        notification.Raw.GetProperty("delivery_status").GetString().ShouldBe("pending");
    }

    [Fact]
    public void A_truncated_body_is_a_clear_typed_error()
    {
        var body = Encoding.UTF8.GetBytes(ContactUserUpdated)[..200];

        var error = Should.Throw<IntercomInvalidNotificationException>(() => IntercomNotification.Parse(body));

        error.Message.ShouldStartWith("The Intercom webhook notification is malformed: the body is not complete, valid JSON");
        error.ShouldBeAssignableTo<IntercomException>();
    }

    [Theory]
    [InlineData("[]", "expected a JSON object")]
    [InlineData("""{"type":"something_else","id":"n","topic":"t","app_id":"a","created_at":1,"data":{"item":{}}}""", "type is 'something_else'")]
    [InlineData("""{"type":"notification_event","id":"n","topic":"t","app_id":"a","created_at":1,"data":{}}""", "data.item is missing")]
    [InlineData("""{"type":"notification_event","id":"n","app_id":"a","created_at":1,"data":{"item":{}}}""", "topic is missing")]
    public void An_envelope_without_its_required_parts_names_what_is_wrong(string json, string reason)
    {
        var error = Should.Throw<IntercomInvalidNotificationException>(() => IntercomNotification.Parse(Encoding.UTF8.GetBytes(json)));

        error.Message.ShouldContain(reason);
    }
}

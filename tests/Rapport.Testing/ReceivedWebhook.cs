using System.Text;
using System.Text.Json;
using Rapport.Intercom.Webhooks;

namespace Rapport.Testing;

/// <summary>One request a <see cref="WebhookReceiver"/> took: the body exactly as sent, and its headers.</summary>
public sealed record ReceivedWebhook(byte[] Raw, IReadOnlyDictionary<string, string> Headers)
{
    public string Text => Encoding.UTF8.GetString(Raw);

    public JsonElement Json => JsonDocument.Parse(Raw).RootElement.Clone();

    public string Topic => Json.GetProperty("topic").GetString()!;

    public JsonElement Item => Json.GetProperty("data").GetProperty("item");

    /// <summary>Whether it carries the signature Rapport's endpoint checks, made with the app's client secret.</summary>
    public bool IsSignedWith(string clientSecret) =>
        IntercomWebhookSignature.IsValid(Raw, Headers.GetValueOrDefault(IntercomWebhookSignature.HeaderName), clientSecret);
}

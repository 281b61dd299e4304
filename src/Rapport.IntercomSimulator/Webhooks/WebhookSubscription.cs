namespace Rapport.IntercomSimulator.Webhooks;

/// <summary>The app's webhook subscription. <see cref="Active"/> turns false when the endpoint answers 410
/// (as on Intercom: Intercom's webhook documentation); configuring it again re-activates it.</summary>
public sealed record WebhookSubscription(Uri? Url, IReadOnlyList<string> Topics, bool Active)
{
    internal bool Wants(string topic) => Active && Url is not null && (topic == WebhookTopics.Ping || Topics.Contains(topic));
}

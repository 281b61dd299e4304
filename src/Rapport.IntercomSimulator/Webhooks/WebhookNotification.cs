namespace Rapport.IntercomSimulator.Webhooks;

/// <summary>A queued notification and its delivery state; mutated only under the dispatcher's lock.</summary>
internal sealed class WebhookNotification(string id, string topic, DateTimeOffset createdAt, byte[] item)
{
    public string Id { get; } = id;

    public string Topic { get; } = topic;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>The <c>data.item</c> JSON, captured when the change happened, as Intercom sends a snapshot.</summary>
    public byte[] Item { get; } = item;

    public int Attempts { get; set; }

    public List<int> StatusCodes { get; } = [];

    public string Status { get; set; } = "queued";

    public DateTimeOffset? FirstSentAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public WebhookDelivery Snapshot() => new(Id, Topic, Attempts, [.. StatusCodes], Status, CreatedAt, FirstSentAt, LastAttemptAt);
}

using Rapport.Application.Background;

namespace Rapport.Application.Webhooks;

/// <summary>Wakes the inbox worker right after an append, so a notification is applied within milliseconds.</summary>
public sealed class WebhookInboxSignal : WorkSignal;

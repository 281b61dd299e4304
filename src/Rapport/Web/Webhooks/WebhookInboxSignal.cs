namespace Rapport.Web.Webhooks;

/// <summary>Wakes the inbox worker right after an append, so a notification is applied within milliseconds.</summary>
internal sealed class WebhookInboxSignal : WorkSignal;

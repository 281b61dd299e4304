using Rapport.Intercom;
using Rapport.Application.Settings;

namespace Rapport.Application.Webhooks;

/// <summary>What a drain runs with, read fresh each time: the integration's settings, the connected workspace's app id
/// (notifications of other workspaces that installed the app are set aside), and a client for the few reads a
/// notification cannot answer (a contact's companies past the inline ten, tag names), or null when not connected.</summary>
public sealed record WebhookApplyContext(IntercomIntegrationSettings Settings, string? AppId, IntercomClient? Client);

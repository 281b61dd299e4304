namespace Rapport.Web.Messaging;

/// <summary>Wakes the outbound worker right after a send is queued.</summary>
internal sealed class OutboundSignal : WorkSignal;

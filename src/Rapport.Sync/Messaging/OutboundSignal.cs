using Rapport.Sync.Background;

namespace Rapport.Sync.Messaging;

/// <summary>Wakes the outbound worker right after a send is queued.</summary>
public sealed class OutboundSignal : WorkSignal;

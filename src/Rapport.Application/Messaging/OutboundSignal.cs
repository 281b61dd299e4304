using Rapport.Application.Background;

namespace Rapport.Application.Messaging;

/// <summary>Wakes the outbound worker right after a send is queued.</summary>
public sealed class OutboundSignal : WorkSignal;

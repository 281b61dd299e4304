using Rapport.Hub.Sources;

namespace Rapport.Application.Sources;

/// <summary>
/// Which source wins each unified field. The account pages, the data-quality page and the Segment API read or set it
/// here, so only the Sources feature touches the records it is kept with.
/// </summary>
public sealed class SourcePrecedences(ISourceStore store)
{
    private readonly ISourceStore _store = store;

    public Task<SourcePrecedence> GetAsync(CancellationToken cancellationToken = default) => _store.GetSourcePrecedenceAsync(cancellationToken);

    public Task SetAsync(SourcePrecedence precedence, CancellationToken cancellationToken = default) =>
        _store.SetSourcePrecedenceAsync(precedence, cancellationToken);
}

using Rapport.Hub.Sources;

namespace Rapport.Hub.Storage;

/// <summary>Per unified field, which source's value an account shows when several of its source records have one.</summary>
public partial interface IHubStore
{
    Task<SourcePrecedence> GetSourcePrecedenceAsync(CancellationToken cancellationToken = default);

    /// <summary>Saves the precedence and gives every account the name its best-ranked source record has, in one transaction.</summary>
    Task SetSourcePrecedenceAsync(SourcePrecedence precedence, CancellationToken cancellationToken = default);
}

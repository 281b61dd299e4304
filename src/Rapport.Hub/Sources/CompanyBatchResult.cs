namespace Rapport.Hub.Sources;

/// <param name="Created">Accounts created.</param>
/// <param name="Updated">Accounts or their source records whose content changed (including reactivated ones).</param>
/// <param name="Unchanged">Qualified companies whose stored content was already identical: nothing written.</param>
/// <param name="Deactivated">Previously imported accounts marked inactive because their company stopped qualifying.</param>
/// <param name="NotImported">Companies not qualified and never imported: nothing written.</param>
public sealed record CompanyBatchResult(int Created, int Updated, int Unchanged, int Deactivated, int NotImported);

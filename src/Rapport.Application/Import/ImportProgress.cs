namespace Rapport.Application.Import;

/// <summary>Where an import is; reported after every batch.</summary>
/// <param name="Phase">companies, contacts, segments or users.</param>
/// <param name="Total">The total Intercom reported for the phase, when it did.</param>
public sealed record ImportProgress(string Phase, int Done, int? Total, long ApiCalls);

namespace Rapport.Hub.Model;

public sealed partial record ModelDefinitions
{
    /// <summary>
    /// The same definitions with every list a document left out made empty: the source-generated reader sets an absent
    /// init-only property to null rather than keeping its initialiser.
    /// </summary>
    internal ModelDefinitions WithEmptyLists() => this with
    {
        Elements = [.. (Elements ?? []).Select(e => e with { Add = e.Add ?? [], Remove = e.Remove ?? [] })],
        Metrics = Metrics ?? [],
        Indicators = Indicators ?? [],
        Segments = [.. (Segments ?? []).Select(s => s with { Include = s.Include ?? [], Exclude = s.Exclude ?? [] })],
        HealthScores = [.. (HealthScores ?? []).Select(h => h with { Conditions = h.Conditions ?? [] })],
    };
}

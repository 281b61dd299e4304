namespace Rapport.Hub.Model;

/// <summary>One saved version of the definitions document, as it was written, with who saved it and when.</summary>
public sealed record StoredDefinitions(int Version, string Json, string SavedBy, DateTimeOffset SavedAt);

namespace Rapport.Hub.Storage;

/// <summary>A sync-state key and value saved in the same transaction as the batch it follows.</summary>
public sealed record SyncCheckpoint(string Key, string? Value);

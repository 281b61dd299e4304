namespace Rapport.Hub.Team;

/// <summary>One element of Data Protection's key ring as stored: its name (<c>key-{id}</c>, <c>revocation-…</c>) and its XML.</summary>
public sealed record DataProtectionKey(string Name, string Xml);

namespace Rapport.Hub.Retention;

/// <summary>
/// How big the hub's database is. SQLite: <see cref="Name"/> is the file, <see cref="Bytes"/> its size, with its
/// write-ahead log and the cap SQLite truncates that log to. PostgreSQL: <see cref="Name"/> is the schema, <see cref="Bytes"/>
/// its tables with their indexes and TOAST, and <see cref="DatabaseBytes"/> the whole database the schema lives in.
/// </summary>
public sealed record DatabaseSize(string Provider, string Name, long Bytes, long? WalBytes, long? WalLimitBytes, long? DatabaseBytes)
{
    public long TotalBytes => Bytes + (WalBytes ?? 0);
}

namespace Rapport.Storage.Tests.Support;

/// <summary>Every store spec runs on both databases.</summary>
public static class Providers
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgresql";

    public static TheoryData<string> All => [Sqlite, Postgres];
}

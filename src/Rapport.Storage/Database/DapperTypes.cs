using Dapper;

namespace Rapport.Storage.Database;

/// <summary>
/// The Dapper type handlers every store relies on, so that row classes declare the types they mean instead of
/// <see cref="object"/>. Dapper keeps handlers in one process-wide table, so they are registered once, before the first query.
/// </summary>
internal static class DapperTypes
{
    private static readonly Lazy<bool> Registration = new(() =>
    {
        SqlMapper.AddTypeHandler(new TimeHandler());
        SqlMapper.AddTypeHandler(new MoneyHandler());
        return true;
    });

    public static void Register() => _ = Registration.Value;
}

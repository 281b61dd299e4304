using System.Data;
using Dapper;
using Rapport.Storage.Sql;

namespace Rapport.Storage.Database;

/// <summary>
/// Reads a money column into <see cref="decimal"/>: decimal text from SQLite (which never keeps money as REAL),
/// numeric from PostgreSQL, and a REAL when SQLite computed a number to sort by. Writing binds the value as Dapper would
/// without a handler; the stores bind money through <see cref="SqlDialect.Money"/>, so what is stored does not change.
/// </summary>
internal sealed class MoneyHandler : SqlMapper.TypeHandler<decimal>
{
    public override decimal Parse(object value) => SqlDialect.ReadMoney(value)!.Value;

    public override void SetValue(IDbDataParameter parameter, decimal value)
    {
        parameter.DbType = DbType.Decimal;
        parameter.Value = value;
    }
}

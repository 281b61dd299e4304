using System.Data;
using Dapper;
using Rapport.Storage.Sql;

namespace Rapport.Storage.Database;

/// <summary>
/// Reads a time column into <see cref="DateTimeOffset"/> whichever way the database returns it: unix milliseconds from
/// SQLite, a UTC <see cref="DateTime"/> from PostgreSQL. Writing binds the value as Dapper would without a handler; the
/// stores bind times through <see cref="SqlDialect.Time"/>, so what is stored does not change.
/// </summary>
internal sealed class TimeHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override DateTimeOffset Parse(object value) => SqlDialect.ReadTime(value)!.Value;

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.DbType = DbType.DateTimeOffset;
        parameter.Value = value;
    }
}

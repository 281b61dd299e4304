using System.Data.Common;
using System.Text;
using System.Globalization;

namespace Rapport.Storage.Sql;

/// <summary>
/// Multi-row <c>INSERT … VALUES (…), (…)</c> statements: one round trip per few hundred rows instead of one per row,
/// cut into chunks of <see cref="SqlDialect.RowsPerStatement"/> rows.
/// </summary>
/// <param name="head">The statement up to <c>VALUES</c>.</param>
/// <param name="placeholders">One per column: <c>{0}</c> or a cast around it such as <c>CAST({0} AS json)</c>.</param>
/// <param name="tail">What follows the rows: <c>ON CONFLICT …</c>, <c>RETURNING …</c>.</param>
internal sealed class ValuesBuilder(SqlDialect dialect, string head, IReadOnlyList<string> placeholders, string tail = "")
{
    private const int MaxRows = 1_000;
    private readonly List<object?[]> _rows = [];

    public int Count => _rows.Count;

    public ValuesBuilder Add(params object?[] values)
    {
        if (values.Length != placeholders.Count)
        {
            throw new ArgumentException($"Expected {placeholders.Count} values, got {values.Length}.", nameof(values));
        }

        _rows.Add(values);
        return this;
    }

    /// <summary>
    /// Yields one command per chunk of rows, its parameters filled. Chunks of the same size share one command, so its
    /// statement is parsed and prepared once and only rebound afterwards.
    /// </summary>
    /// <remarks>
    /// Plain ADO.NET rather than Dapper here: Dapper checks each new parameter against the collection by name, which is
    /// quadratic in the parameters of a multi-row statement.
    /// </remarks>
    private IEnumerable<DbCommand> Commands(DbConnection connection, DbTransaction transaction)
    {
        var perChunk = Math.Max(1, dialect.RowsPerStatement(placeholders.Count));
        DbCommand? command = null;
        try
        {
            for (var start = 0; start < _rows.Count; start += perChunk)
            {
                var size = Math.Min(perChunk, _rows.Count - start);
                if (command is null || command.Parameters.Count != size * placeholders.Count)
                {
                    command?.Dispose();
                    command = Create(connection, transaction, size);
                }

                for (var r = 0; r < size; r++)
                {
                    var row = _rows[start + r];
                    for (var c = 0; c < row.Length; c++)
                    {
                        command.Parameters[(r * row.Length) + c].Value = row[c] ?? DBNull.Value;
                    }
                }

                yield return command;
            }
        }
        finally
        {
            command?.Dispose();
        }
    }

    private DbCommand Create(DbConnection connection, DbTransaction transaction, int size)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder(head).Append(" VALUES ");
        var n = 0;
        for (var r = 0; r < size; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < placeholders.Count; c++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "p" + n++.ToString(CultureInfo.InvariantCulture);
                command.Parameters.Add(parameter);
                if (c > 0)
                {
                    sql.Append(", ");
                }

                sql.Append(string.Format(CultureInfo.InvariantCulture, placeholders[c], "@" + parameter.ParameterName));
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append(' ').Append(tail).ToString();
        return command;
    }

    public async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var affected = 0;
        foreach (var command in Commands(connection, transaction))
        {
            affected += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return affected;
    }

    /// <summary>The first column of what the statement's <c>RETURNING</c> clause gives back.</summary>
    public async Task<List<string>> QueryStringsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var result = new List<string>();
        foreach (var command in Commands(connection, transaction))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                result.Add(reader.GetString(0));
            }
        }

        return result;
    }
}

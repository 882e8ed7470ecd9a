using System.Data.Common;
using System.Globalization;
using System.Text;

namespace NewsPerspectives;

/// <summary>ADO.NET plumbing of <see cref="SqlStoryArchive"/>: commands with <c>@name</c> parameters, <c>IN</c> lists, multi-row inserts.</summary>
internal static class SqlCommands
{
    /// <summary>The most values one <c>IN (…)</c> list or multi-row insert binds.</summary>
    public const int ChunkSize = 400;

    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The SQL is the archive's own text; values are always bound parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        return command;
    }

    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = Create(connection, transaction, sql, parameters);
        await using var commandScope = command.ConfigureAwait(false);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<long?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = Create(connection, transaction, sql, parameters);
        await using var commandScope = command.ConfigureAwait(false);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a query and calls <paramref name="row"/> for each row.</summary>
    public static async Task ReadAsync(DbConnection connection, DbTransaction? transaction, string sql, Action<DbDataReader> row, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = Create(connection, transaction, sql, parameters);
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            row(reader);
        }
    }

    /// <summary>Runs a query once per chunk of <paramref name="values"/>: <c>{in}</c> in the SQL becomes <c>@x0, @x1, …</c>.</summary>
    public static async Task ReadInChunksAsync<T>(
        DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<T> values, Action<DbDataReader> row,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        for (int start = 0; start < values.Count; start += ChunkSize)
        {
            var command = InListCommand(connection, transaction, sql, values, start, parameters);
            await using var commandScope = command.ConfigureAwait(false);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                row(reader);
            }
        }
    }

    /// <summary>Runs a statement once per chunk of <paramref name="values"/>, as <see cref="ReadInChunksAsync"/> does.</summary>
    public static async Task ExecuteInChunksAsync<T>(
        DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<T> values, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        for (int start = 0; start < values.Count; start += ChunkSize)
        {
            var command = InListCommand(connection, transaction, sql, values, start, parameters);
            await using var commandScope = command.ConfigureAwait(false);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static DbCommand InListCommand<T>(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<T> values, int start, (string Name, object? Value)[] parameters)
    {
        int count = Math.Min(ChunkSize, values.Count - start);
        var names = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            names.Append(i == 0 ? "" : ", ").Append("@x").Append(i.ToString(CultureInfo.InvariantCulture));
        }

        var command = Create(connection, transaction, sql.Replace("{in}", names.ToString(), StringComparison.Ordinal), parameters);
        for (int i = 0; i < count; i++)
        {
            Add(command, "@x" + i.ToString(CultureInfo.InvariantCulture), values[start + i]);
        }

        return command;
    }

    /// <summary>
    /// Inserts rows in chunks: <paramref name="prefix"/> (e.g. <c>INSERT INTO t (a, b) VALUES</c>), one <c>(@r0_0, @r0_1)</c>
    /// tuple per row, then <paramref name="suffix"/> (e.g. an <c>ON CONFLICT</c> clause).
    /// </summary>
    public static async Task InsertRowsAsync(DbConnection connection, DbTransaction transaction, string prefix, string suffix, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        int width = rows[0].Length;
        int perChunk = Math.Max(1, ChunkSize / width);
        for (int start = 0; start < rows.Count; start += perChunk)
        {
            int count = Math.Min(perChunk, rows.Count - start);
            var sql = new StringBuilder(prefix);
            var command = Create(connection, transaction, "");
            await using var commandScope = command.ConfigureAwait(false);
            for (int r = 0; r < count; r++)
            {
                sql.Append(r == 0 ? " (" : ", (");
                for (int c = 0; c < width; c++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"@r{r}_{c}");
                    sql.Append(c == 0 ? "" : ", ").Append(name);
                    Add(command, name, rows[start + r][c]);
                }

                sql.Append(')');
            }

            sql.Append(' ').Append(suffix);
#pragma warning disable CA2100 // Built from the archive's own text and parameter names only.
            command.CommandText = sql.ToString();
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static long Int64(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static int Int32(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static double? NullableDouble(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}

using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace VcSync.Storage.Sqlite;

/// <summary>
/// One prepared statement run once per row, its parameters bound by position. Microsoft.Data.Sqlite binds every
/// parameter by name on every execution (a UTF-8 conversion and a linear search of the statement's names each), which
/// made a 60-column insert cost three times what SQLite itself needs; a sync writes hundreds of thousands of rows.
/// Runs on the connection's handle, so inside whatever transaction the connection has open. Parameters are named
/// <c>$p0</c>, <c>$p1</c>... in the SQL, in any order and any number of times; <see cref="Bind(int, object)"/> takes that number.
/// </summary>
internal sealed class SqliteRowStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly int[] _positions;
    private sqlite3_stmt? _statement;

    public SqliteRowStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        _statement = statement;

        // SQLite numbers parameters by first appearance; $pN may appear in another order (an UPDATE's SET before its WHERE).
        var count = raw.sqlite3_bind_parameter_count(statement);
        _positions = new int[count];
        for (var position = 1; position <= count; position++)
        {
            var name = raw.sqlite3_bind_parameter_name(statement, position).utf8_to_string();
            if (name is null || !name.StartsWith("$p", StringComparison.Ordinal)
                || !int.TryParse(name.AsSpan(2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                || number >= count)
            {
                Dispose();
                throw new ArgumentException($"Parameters must be named $p0 to $p{count - 1}, not {name}.", nameof(sql));
            }

            _positions[number] = position;
        }
    }

    /// <summary>Binds parameter <c>$p</c><paramref name="number"/> to a stored value: text, integer or DBNull.</summary>
    public void Bind(int number, object value)
    {
        var statement = Statement;
        var position = _positions[number];
        var rc = value switch
        {
            string text => raw.sqlite3_bind_text(statement, position, text),
            long integer => raw.sqlite3_bind_int64(statement, position, integer),
            DBNull => raw.sqlite3_bind_null(statement, position),
            int integer => raw.sqlite3_bind_int64(statement, position, integer),
            double real => raw.sqlite3_bind_double(statement, position, real),
            byte[] blob => raw.sqlite3_bind_blob(statement, position, blob),
            _ => throw new ArgumentException($"SQLite cannot store a {value.GetType().Name}.", nameof(value)),
        };
        Check(rc, _db);
    }

    /// <summary>Binds <paramref name="values"/> to <c>$p</c><paramref name="first"/> and the parameters after it.</summary>
    public void Bind(int first, object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            Bind(first + i, values[i]);
        }
    }

    /// <summary>Runs the statement with the bound values and makes it ready for the next row; returns the rows changed.</summary>
    public int Execute()
    {
        var statement = Statement;
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        return raw.sqlite3_changes(_db);
    }

    public void Dispose()
    {
        _statement?.Dispose();
        _statement = null;
    }

    private sqlite3_stmt Statement => _statement ?? throw new ObjectDisposedException(nameof(SqliteRowStatement));

    /// <summary>Throws Microsoft.Data.Sqlite's exception for a result code other than <c>SQLITE_OK</c>.</summary>
    internal static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}

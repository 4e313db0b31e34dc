using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Sqlite;

/// <summary>
/// One table's existing rows of a vCenter (or of some of its VMs), as SQLite stores them, held as bytes in one buffer:
/// each row its key values then its compared columns, each value a type tag and its bytes (an integer's 8, a text's
/// length and UTF-8). An unchanged re-sync compares every column of every row: reading them as strings and boxed
/// integers (twice, with the history's own read) was a quarter of its CPU with the collections it caused. A record is
/// encoded the same way (<see cref="Encoder"/>) and compared as bytes; values are decoded only for rows that changed or went.
/// </summary>
/// <remarks>
/// Byte equality of two encodings is what <see cref="object.Equals(object)"/> of the stored values was: the same type
/// (integer, text, real, blob or null) and the same value; a text's UTF-8 is what SQLite stores and hands back.
/// </remarks>
internal sealed class StoredRows
{
    private const byte NullTag = 0;
    private const byte IntegerTag = 1;
    private const byte TextTag = 2;
    private const byte RealTag = 3;
    private const byte BlobTag = 4;

    private readonly Dictionary<string, Row> _rows = new(StringComparer.Ordinal);
    private readonly StringBuilder _keyText = new();
    private int _keys;
    private byte[] _buffer = new byte[64 * 1024];
    private int _length;
    private string? _key;

    /// <param name="keys">The number of key columns, which the rows' first columns are.</param>
    public StoredRows(int keys)
    {
        _keys = keys;
    }

    /// <summary>The rows, by key text (the key values as text, joined by <see cref="Writing.TableWrite.KeySeparator"/>).</summary>
    public IReadOnlyDictionary<string, Row> Rows => _rows;

    /// <summary>
    /// Forgets the rows, keeping the buffer: one instance serves every table and page of a sync, so the buffer grows to
    /// the largest page's rows once instead of being reallocated (on the large object heap) per table and page.
    /// </summary>
    public void Reset(int keys)
    {
        _keys = keys;
        _rows.Clear();
        _length = 0;
    }

    /// <summary>Reads every row <paramref name="statement"/> returns: its key columns, then the compared columns.</summary>
    public void ReadAll(sqlite3 db, sqlite3_stmt statement, int columns)
    {
        while (true)
        {
            var rc = raw.sqlite3_step(statement);
            if (rc == raw.SQLITE_DONE)
            {
                return;
            }

            if (rc != raw.SQLITE_ROW)
            {
                SqliteException.ThrowExceptionForRC(rc, db);
            }

            var start = _length;
            var values = start;
            _keyText.Clear();
            _key = null;
            for (var i = 0; i < _keys + columns; i++)
            {
                if (i == _keys)
                {
                    values = _length;
                }

                AppendColumn(statement, i, i < _keys);
            }

            if (columns == 0)
            {
                values = _length;
            }

            _rows.Add(_keys == 1 ? _key! : _keyText.ToString(), new Row(start, values, _length));
        }
    }

    /// <summary>Whether the row's compared columns are the encoding in <paramref name="values"/>.</summary>
    public bool Same(Row row, ReadOnlySpan<byte> values) => _buffer.AsSpan(row.Values, row.End - row.Values).SequenceEqual(values);

    /// <summary>The row's key values as stored (text, integer...).</summary>
    public object[] Keys(Row row) => Decode(row.Start, _keys);

    /// <summary>The row's compared columns as stored.</summary>
    public object[] Values(Row row, int columns) => Decode(row.Values, columns);

    /// <summary>The row's compared columns as contract values (what <see cref="SqliteDialect.Read"/> gives).</summary>
    public object?[] ContractValues<TRecord>(Row row, IReadOnlyList<SyncedColumn<TRecord>> columns)
    {
        var stored = Values(row, columns.Count);
        var values = new object?[stored.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = SqliteDialect.FromStored(columns[i].Kind, stored[i]);
        }

        return values;
    }

    private void AppendColumn(sqlite3_stmt statement, int index, bool isKey)
    {
        switch (raw.sqlite3_column_type(statement, index))
        {
            case raw.SQLITE_INTEGER:
                var integer = raw.sqlite3_column_int64(statement, index);
                AppendInteger(integer);
                if (isKey)
                {
                    AppendKeyText(integer.ToString(CultureInfo.InvariantCulture));
                }

                break;
            case raw.SQLITE_TEXT:
                var text = raw.sqlite3_column_blob(statement, index);
                AppendBytes(TextTag, text);
                if (isKey)
                {
                    AppendKeyText(Encoding.UTF8.GetString(text));
                }

                break;
            case raw.SQLITE_FLOAT:
                var real = raw.sqlite3_column_double(statement, index);
                Ensure(9);
                _buffer[_length] = RealTag;
                BinaryPrimitives.WriteDoubleLittleEndian(_buffer.AsSpan(_length + 1), real);
                _length += 9;
                if (isKey)
                {
                    AppendKeyText(real.ToString(CultureInfo.InvariantCulture));
                }

                break;
            case raw.SQLITE_BLOB:
                var blob = raw.sqlite3_column_blob(statement, index);
                AppendBytes(BlobTag, blob);
                if (isKey)
                {
                    AppendKeyText(Convert.ToString(blob.ToArray(), CultureInfo.InvariantCulture)!);
                }

                break;
            default:
                Ensure(1);
                _buffer[_length++] = NullTag;
                if (isKey)
                {
                    AppendKeyText(string.Empty);
                }

                break;
        }
    }

    // The key text as SqliteTableWriter makes it from the stored values: one key's text, or several joined.
    private void AppendKeyText(string text)
    {
        if (_keys == 1)
        {
            _key = text;
            return;
        }

        if (_key is not null)
        {
            _keyText.Append(Writing.TableWrite.KeySeparator);
        }

        _key = text;
        _keyText.Append(text);
    }

    private void AppendInteger(long value) => WriteInteger(ref _buffer, ref _length, value);

    private void AppendBytes(byte tag, ReadOnlySpan<byte> bytes)
    {
        Ensure(ref _buffer, _length, 5 + bytes.Length);
        _buffer[_length] = tag;
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length + 1), bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length + 5));
        _length += 5 + bytes.Length;
    }

    private void Ensure(int more) => Ensure(ref _buffer, _length, more);

    // Shared by the rows read and the records encoded, so that the two encodings cannot drift apart.
    private static void WriteInteger(ref byte[] buffer, ref int length, long value)
    {
        Ensure(ref buffer, length, 9);
        buffer[length] = IntegerTag;
        BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(length + 1), value);
        length += 9;
    }

    private static void Ensure(ref byte[] buffer, int length, int more)
    {
        if (length + more > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + more));
        }
    }

    private object[] Decode(int offset, int count)
    {
        var values = new object[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = DecodeOne(_buffer, ref offset);
        }

        return values;
    }

    private static object DecodeOne(byte[] buffer, ref int offset)
    {
        var tag = buffer[offset++];
        switch (tag)
        {
            case IntegerTag:
                var integer = BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(offset));
                offset += 8;
                return integer;
            case RealTag:
                var real = BinaryPrimitives.ReadDoubleLittleEndian(buffer.AsSpan(offset));
                offset += 8;
                return real;
            case TextTag or BlobTag:
                var length = BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(offset));
                var bytes = buffer.AsSpan(offset + 4, length);
                offset += 4 + length;
                return tag == TextTag ? Encoding.UTF8.GetString(bytes) : bytes.ToArray();
            default:
                return DBNull.Value;
        }
    }

    /// <summary>Where a row's bytes are: its key values from <see cref="Start"/>, its compared columns from <see cref="Values"/> to <see cref="End"/>.</summary>
    internal readonly record struct Row(int Start, int Values, int End);

    /// <summary>
    /// Encodes a record's compared columns as <see cref="StoredRows"/> holds a row's, from the values
    /// <see cref="SqliteDialect.ToStored"/> would bind; one buffer reused for every record.
    /// </summary>
    internal sealed class Encoder
    {
        private byte[] _buffer = new byte[4096];
        private int _length;

        /// <summary>The encoding since the last <see cref="Clear"/>.</summary>
        public ReadOnlySpan<byte> Encoded => _buffer.AsSpan(0, _length);

        public void Clear() => _length = 0;

        /// <summary>Appends a contract value the way SQLite stores it (see <see cref="SqliteDialect.ToStored"/>).</summary>
        public void Append(ColumnKind kind, object? value)
        {
            switch (value)
            {
                case null:
                    Ensure(1);
                    _buffer[_length++] = NullTag;
                    break;
                case string text:
                    AppendText(text);
                    break;
                case int i:
                    AppendInteger(i);
                    break;
                case long l:
                    AppendInteger(l);
                    break;
                case bool b:
                    AppendInteger(b ? 1 : 0);
                    break;
                default:
                    // Guid and DateTimeOffset: their stored text; anything else is refused as ToStored refuses it.
                    AppendText((string)SqliteDialect.ToStored(kind, value));
                    break;
            }
        }

        private void AppendInteger(long value) => WriteInteger(ref _buffer, ref _length, value);

        // As SQLitePCL binds a string: its UTF-8 (a lone surrogate becomes U+FFFD, as SQLite then stores it).
        private void AppendText(string text)
        {
            Ensure(5 + Encoding.UTF8.GetMaxByteCount(text.Length));
            _buffer[_length] = TextTag;
            var written = Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length + 5));
            BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length + 1), written);
            _length += 5 + written;
        }

        private void Ensure(int more) => StoredRows.Ensure(ref _buffer, _length, more);
    }
}

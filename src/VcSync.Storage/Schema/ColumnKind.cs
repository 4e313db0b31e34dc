namespace VcSync.Storage.Schema;

/// <summary>
/// The contract's kinds of column. Each store maps a kind to its own type (see the schema contract); values read
/// back through <see cref="IInventoryStore.ListRowsAsync"/> have the same .NET type in every store.
/// </summary>
public enum ColumnKind
{
    /// <summary>Text; <see cref="string"/>.</summary>
    Text,

    /// <summary>A vSphere xsd:int (or smaller), or a count; <see cref="int"/> (SQLite INTEGER, PostgreSQL integer).</summary>
    Integer,

    /// <summary>A vSphere xsd:long (bytes, and MB where vSphere sends a long); <see cref="long"/> (SQLite INTEGER, PostgreSQL bigint).</summary>
    BigInteger,

    /// <summary>A flag; <see cref="bool"/> (SQLite INTEGER 0/1, PostgreSQL boolean).</summary>
    Boolean,

    /// <summary>
    /// An instant, UTC, millisecond precision; <see cref="DateTimeOffset"/> (SQLite TEXT
    /// <c>2026-11-26T03:42:18.938Z</c>, PostgreSQL timestamptz).
    /// </summary>
    Timestamp,

    /// <summary>A key; <see cref="Guid"/> (SQLite TEXT, PostgreSQL uuid).</summary>
    Uuid,

    /// <summary>A JSON document; <see cref="string"/> (SQLite TEXT, PostgreSQL jsonb).</summary>
    Json,
}

using System.Data.Common;
using VcSync.Storage.Schema;

namespace VcSync.Storage;

/// <summary>What differs between the stores for the SQL they share: how contract values travel in and out.</summary>
internal interface ISqlDialect
{
    /// <summary>A parameter carrying a contract value (see <see cref="ContractValue"/>) in the store's type.</summary>
    DbParameter Parameter(string name, ColumnKind kind, object? value);

    /// <summary>Reads a column as a contract value: the same .NET type and value from every store.</summary>
    object? Read(DbDataReader reader, int ordinal, ColumnKind kind);

    /// <summary>Whether the error is a UNIQUE constraint refusing a row.</summary>
    bool IsUniqueViolation(DbException exception);

    /// <summary>An ORDER BY term that sorts text by code point, as SQLite's BINARY collation does.</summary>
    string OrderBy(ColumnSchema column);
}

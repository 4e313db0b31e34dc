using VcSync.Storage.Schema;

namespace VcSync.Storage.Export;

/// <summary>A column an <see cref="ExportSource"/> offers, e.g. <c>vm.cpu_count</c>.</summary>
/// <param name="Name">The name an export asks for: <c>alias.column</c>.</param>
/// <param name="Kind">What it holds; values read back have the type <see cref="IInventoryStore.ListRowsAsync"/> gives that kind.</param>
public sealed record ExportColumn(string Name, ColumnKind Kind)
{
    /// <summary>The SQL that selects it; built from contract names only.</summary>
    internal string Expression { get; init; } = Name;
}

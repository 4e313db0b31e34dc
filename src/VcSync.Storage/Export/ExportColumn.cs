using VcSync.Storage.Schema;

namespace VcSync.Storage.Export;

/// <summary>A column an <see cref="ExportSource"/> offers, e.g. <c>vm.cpu_count</c>.</summary>
/// <param name="Name">The name an export asks for: <c>alias.column</c>.</param>
/// <param name="Kind">What it holds; values read back have the type <see cref="IInventoryStore.ListRowsAsync"/> gives that kind.</param>
public sealed record ExportColumn(string Name, ColumnKind Kind)
{
    /// <summary>Separates the items of a list column such as <c>vm_networks.names</c>: the unit separator, U+001F.</summary>
    public const char ListSeparator = '\u001f';

    /// <summary>How many networks <c>vm_networks.names</c> lists at most: RVTools' vInfo has eight Network columns.</summary>
    public const int ListedNetworks = 8;

    /// <summary>The SQL that selects it; built from contract names only.</summary>
    internal string Expression { get; init; } = Name;
}

namespace VcSync.Export.Sheets;

/// <summary>The values of the store columns one sheet column reads, for the current row, in the order it named them.</summary>
internal readonly struct ColumnInputs
{
    private readonly object?[] _row;
    private readonly int[] _ordinals;

    public ColumnInputs(object?[] row, int[] ordinals)
    {
        _row = row;
        _ordinals = ordinals;
    }

    public object? this[int index] => _row[_ordinals[index]];
}

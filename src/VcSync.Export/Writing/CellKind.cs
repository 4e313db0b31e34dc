namespace VcSync.Export.Writing;

/// <summary>What a cell holds.</summary>
internal enum CellKind
{
    Empty,
    Text,
    Integer,
    Number,
    Time,
}

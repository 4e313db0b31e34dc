namespace VcSync.Export;

/// <summary>One sheet written.</summary>
/// <param name="Name">The sheet's name, e.g. <c>vInfo</c>.</param>
/// <param name="Rows">Data rows under the header.</param>
/// <param name="Columns">Header columns.</param>
public sealed record SheetResult(string Name, long Rows, int Columns);

using VcSync.Export.Sheets;
using VcSync.Export.Writing;
using VcSync.Storage.Export;

namespace VcSync.Export;

/// <summary>
/// One sheet's rows from the store to the writer: the store columns read once per row, each cell made from them. A
/// column whose store columns the schema does not have yet (a newer contract column) stays empty, and a sheet whose
/// rows it does not have yet keeps its header alone.
/// </summary>
internal sealed class SheetExport
{
    private readonly SheetDefinition _sheet;
    private readonly List<string> _sources = [];
    private readonly int[][] _ordinals;
    private readonly bool[] _unavailable;
    private readonly ExportSource? _source;

    public SheetExport(SheetDefinition sheet)
    {
        _sheet = sheet;
        _source = sheet.Source is { } source && ExportCatalog.IsAvailable(source) ? source : null;
        _unavailable = [.. sheet.Columns.Select(c => _source is not { } s || c.Sources.Any(name => !ExportCatalog.Offers(s, name)))];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        _ordinals = [.. sheet.Columns.Select((column, i) => _unavailable[i] ? [] : column.Sources.Select(source =>
        {
            if (!index.TryGetValue(source, out var ordinal))
            {
                ordinal = _sources.Count;
                index.Add(source, ordinal);
                _sources.Add(source);
            }

            return ordinal;
        }).ToArray())];
    }

    /// <summary>The store columns the sheet reads, each once.</summary>
    public IReadOnlyList<string> Sources => _sources;

    /// <summary>Writes the sheet: its header, then the rows of each of <paramref name="vcenters"/> in turn.</summary>
    /// <returns>The number of rows written.</returns>
    public async Task<long> WriteAsync(IExportSession session, ISheetWriter writer, IReadOnlyList<Guid> vcenters, CancellationToken cancellationToken)
    {
        await writer.StartSheetAsync(_sheet.Name, [.. _sheet.Columns.Select(c => c.Header)], cancellationToken);
        if (_source is not { } source)
        {
            return 0;
        }

        var row = new object?[_sources.Count];
        var cells = new CellValue[_sheet.Columns.Count];
        long count = 0;
        foreach (var vcenter in vcenters)
        {
            await using var reader = await session.ReadAsync(source, _sources, vcenter, cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.GetValue(i);
                }

                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = _unavailable[i] ? CellValue.Empty : _sheet.Columns[i].Value(new ColumnInputs(row, _ordinals[i]));
                }

                await writer.WriteRowAsync(cells, cancellationToken);
                count++;
            }
        }

        return count;
    }
}

using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace VcSync.Export.Writing;

/// <summary>
/// One workbook, streamed by SpreadCheetah into a temporary file. Text always goes in as a string cell (SpreadCheetah
/// writes a formula only when given a <see cref="Formula"/>), so a name starting with <c>=</c> stays text.
/// </summary>
internal sealed class XlsxSheetWriter : ISheetWriter
{
    private static readonly WorksheetOptions SheetOptions = new() { FrozenRows = 1 };

    private readonly AtomicFile _file;
    private readonly Spreadsheet _spreadsheet;
    private readonly StyleId _headerStyle;
    private DataCell[] _cells = [];

    private XlsxSheetWriter(AtomicFile file, Spreadsheet spreadsheet)
    {
        _file = file;
        _spreadsheet = spreadsheet;
        _headerStyle = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
    }

    public IReadOnlyList<string> Files => [_file.Path];

    public static async Task<XlsxSheetWriter> CreateAsync(string path, CancellationToken cancellationToken)
    {
        var file = AtomicFile.Create(path);
        try
        {
            var spreadsheet = await Spreadsheet.CreateNewAsync(
                file.Stream, new SpreadCheetahOptions { DefaultDateTimeFormat = NumberFormat.Custom("yyyy-mm-dd hh:mm:ss") }, cancellationToken);
            return new XlsxSheetWriter(file, spreadsheet);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public async ValueTask StartSheetAsync(string name, IReadOnlyList<string> headers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(headers);
        await _spreadsheet.StartWorksheetAsync(name, SheetOptions, cancellationToken);
        await _spreadsheet.AddHeaderRowAsync([.. headers], _headerStyle, cancellationToken);
        _cells = new DataCell[headers.Count];
    }

    public ValueTask WriteRowAsync(ReadOnlyMemory<CellValue> cells, CancellationToken cancellationToken)
    {
        var values = cells.Span;
        for (var i = 0; i < values.Length; i++)
        {
            var cell = values[i];
            _cells[i] = cell.Kind switch
            {
                CellKind.Text => new DataCell(cell.Text),
                CellKind.Integer => new DataCell(cell.Integer),
                CellKind.Number => new DataCell(cell.Number),
                CellKind.Time => new DataCell(cell.Time),
                _ => default,
            };
        }

        return _spreadsheet.AddRowAsync(_cells.AsMemory(0, values.Length), cancellationToken);
    }

    public async ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        await _spreadsheet.FinishAsync(cancellationToken);
        await _file.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _spreadsheet.DisposeAsync();
        await _file.DisposeAsync();
    }
}

using System.Globalization;
using CsvHelper;

namespace VcSync.Export.Writing;

/// <summary>
/// One CSV file per sheet (<c>vInfo.csv</c>, ...) in a directory, each written under a temporary name and renamed
/// into place together at the end. A text field that a spreadsheet would run as a formula (it starts with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR) gets a leading <c>'</c>, which spreadsheets read as "text".
/// </summary>
internal sealed class CsvSheetWriter : ISheetWriter
{
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    private readonly string _directory;
    private readonly List<AtomicFile> _files = [];
    private CsvWriter? _writer;

    private CsvSheetWriter(string directory)
    {
        _directory = directory;
    }

    public IReadOnlyList<string> Files => [.. _files.Select(f => f.Path)];

    /// <summary>Creates <paramref name="directory"/> (but not its parent) when missing.</summary>
    /// <exception cref="IOException">It is a file, or its parent is missing.</exception>
    public static CsvSheetWriter Create(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (File.Exists(full))
        {
            throw new IOException($"{full} is a file; CSV export writes a directory");
        }

        var parent = Path.GetDirectoryName(full);
        if (parent is not null && !Directory.Exists(parent))
        {
            throw new DirectoryNotFoundException($"Could not find a part of the path '{full}'.");
        }

        Directory.CreateDirectory(full);
        return new CsvSheetWriter(full);
    }

    public async ValueTask StartSheetAsync(string name, IReadOnlyList<string> headers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(headers);
        await FinishSheetAsync(cancellationToken);
        var file = AtomicFile.Create(Path.Combine(_directory, name + ".csv"));
        _files.Add(file);
        _writer = CsvWriter.Create(file.Stream, Options, leaveOpen: true);
        foreach (var header in headers)
        {
            _writer.WriteField(header);
        }

        await _writer.EndRecordAsync(cancellationToken);
    }

    public async ValueTask WriteRowAsync(ReadOnlyMemory<CellValue> cells, CancellationToken cancellationToken)
    {
        var writer = _writer ?? throw new InvalidOperationException("No sheet started.");
        foreach (var cell in cells.Span)
        {
            switch (cell.Kind)
            {
                case CellKind.Text:
                    writer.WriteField(cell.Text);
                    break;
                case CellKind.Integer:
                    writer.WriteField(cell.Integer, default);
                    break;
                case CellKind.Number:
                    writer.WriteField(cell.Number, "R");
                    break;
                case CellKind.Time:
                    writer.WriteField(cell.Time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), CsvQuoting.WhenNeeded);
                    break;
                default:
                    writer.WriteField(string.Empty);
                    break;
            }
        }

        await writer.EndRecordAsync(cancellationToken);
    }

    public async ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        await FinishSheetAsync(cancellationToken);
        foreach (var file in _files)
        {
            await file.CommitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        foreach (var file in _files)
        {
            await file.DisposeAsync();
        }
    }

    private async ValueTask FinishSheetAsync(CancellationToken cancellationToken)
    {
        if (_writer is not null)
        {
            await _writer.FlushAsync(cancellationToken);
            await _writer.DisposeAsync();
            _writer = null;
        }
    }
}

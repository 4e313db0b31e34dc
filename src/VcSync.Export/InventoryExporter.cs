using VcSync.Export.Sheets;
using VcSync.Export.Writing;
using VcSync.Storage;
using VcSync.Storage.Export;

namespace VcSync.Export;

/// <summary>
/// Writes the inventory as RVTools writes it: the sheets, headers and units of an RVTools workbook, rows streamed
/// from one consistent read of the store into the file, so memory stays flat however large the inventory.
/// </summary>
public static class InventoryExporter
{
    /// <summary>The sheets in workbook order with their header text.</summary>
    public static IReadOnlyList<(string Sheet, IReadOnlyList<string> Headers)> Sheets { get; } =
        [.. RvToolsSheets.Create(new ExportContext { CreatedAt = DateTimeOffset.UnixEpoch })
            .Select(s => (s.Name, (IReadOnlyList<string>)[.. s.Columns.Select(c => c.Header)]))];

    /// <summary>Writes the export; the destination appears only when all of it is written.</summary>
    /// <exception cref="IOException">The destination cannot be written; nothing was left behind.</exception>
    /// <exception cref="UnauthorizedAccessException">The destination cannot be written; nothing was left behind.</exception>
    public static async Task<ExportResult> ExportAsync(IInventoryStore store, ExportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var created = options.CreatedAt ?? DateTimeOffset.UtcNow;

        // The destination first: an unwritable path fails before any row is read.
        await using ISheetWriter writer = options.Format == ExportFormat.Xlsx
            ? await XlsxSheetWriter.CreateAsync(options.OutputPath, cancellationToken)
            : CsvSheetWriter.Create(options.OutputPath);
        await using var session = await store.BeginExportAsync(cancellationToken);
        var vcenters = await VCentersAsync(session, options.VCenterId, cancellationToken);
        var sheets = RvToolsSheets.Create(new ExportContext
        {
            CreatedAt = created.AddTicks(-(created.Ticks % TimeSpan.TicksPerSecond)),
            CustomAttributes = await CustomAttributeNamesAsync(session, vcenters, cancellationToken),
        });
        var results = new List<SheetResult>(sheets.Count);
        foreach (var sheet in sheets)
        {
            var rows = await new SheetExport(sheet).WriteAsync(session, writer, vcenters, cancellationToken);
            results.Add(new SheetResult(sheet.Name, rows, sheet.Columns.Count));
        }

        await writer.CommitAsync(cancellationToken);
        return new ExportResult
        {
            Format = options.Format,
            Path = Path.GetFullPath(options.OutputPath),
            Files = writer.Files,
            Sheets = results,
        };
    }

    /// <summary>
    /// The vCenters to export, by name: one query per sheet and vCenter reads its rows in an index's order, where one
    /// query over all of them would sort every row by vCenter name first.
    /// </summary>
    private static async Task<IReadOnlyList<Guid>> VCentersAsync(IExportSession session, Guid? only, CancellationToken cancellationToken)
    {
        if (only is { } id)
        {
            return [id];
        }

        var ids = new List<Guid>();
        await using var reader = await session.ReadAsync(ExportSource.VCenters, ["vcenter.id"], null, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add((Guid)reader.GetValue(0)!);
        }

        return ids;
    }

    /// <summary>Every custom attribute name any exported VM has a value for, in ordinal order.</summary>
    private static async Task<IReadOnlyList<string>> CustomAttributeNamesAsync(
        IExportSession session, IReadOnlyList<Guid> vcenters, CancellationToken cancellationToken)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        if (!ExportCatalog.Offers(ExportSource.Vms, "vm.custom_attributes"))
        {
            return [];
        }

        foreach (var vcenter in vcenters)
        {
            await using var reader = await session.ReadAsync(ExportSource.Vms, ["vm.custom_attributes"], vcenter, cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetValue(0) is string json)
                {
                    names.UnionWith(CustomAttributeValues.Names(json));
                }
            }
        }

        return [.. names];
    }
}

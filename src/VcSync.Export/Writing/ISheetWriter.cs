namespace VcSync.Export.Writing;

/// <summary>
/// Writes sheets one after another, each a header and then rows as they come. Nothing is visible at the destination
/// until <see cref="CommitAsync"/>; disposing without it removes what was written.
/// </summary>
internal interface ISheetWriter : IAsyncDisposable
{
    /// <summary>The files <see cref="CommitAsync"/> puts in place.</summary>
    IReadOnlyList<string> Files { get; }

    ValueTask StartSheetAsync(string name, IReadOnlyList<string> headers, CancellationToken cancellationToken);

    ValueTask WriteRowAsync(ReadOnlyMemory<CellValue> cells, CancellationToken cancellationToken);

    /// <summary>Finishes the files and moves them to their destination.</summary>
    ValueTask CommitAsync(CancellationToken cancellationToken);
}

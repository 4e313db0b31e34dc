namespace VcSync.Export.Writing;

/// <summary>
/// A file written under a temporary name in its destination's directory and renamed over the destination only when
/// complete, so a failed or cancelled export leaves no partial file and an earlier file of that name intact.
/// </summary>
internal sealed class AtomicFile : IAsyncDisposable
{
    private readonly string _temporaryPath;
    private bool _committed;

    private AtomicFile(string path, string temporaryPath, FileStream stream)
    {
        Path = path;
        _temporaryPath = temporaryPath;
        Stream = stream;
    }

    /// <summary>The destination.</summary>
    public string Path { get; }

    public FileStream Stream { get; }

    /// <exception cref="IOException">The destination's directory is missing or not writable, or the destination is a directory.</exception>
    /// <exception cref="UnauthorizedAccessException">The destination's directory is not writable.</exception>
    public static AtomicFile Create(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new IOException($"{full} is a directory");
        }

        var directory = System.IO.Path.GetDirectoryName(full) ?? throw new IOException($"{full} has no directory");
        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        return new AtomicFile(full, temporary, stream);
    }

    /// <summary>Flushes the file to disk, closes it and renames it over the destination.</summary>
    public async ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        await Stream.FlushAsync(cancellationToken);
        Stream.Flush(flushToDisk: true);
        await Stream.DisposeAsync();
        cancellationToken.ThrowIfCancellationRequested();
        File.Move(_temporaryPath, Path, overwrite: true);
        _committed = true;
    }

    /// <summary>Closes the file and, unless committed, deletes it.</summary>
    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync();
        if (!_committed)
        {
            try
            {
                File.Delete(_temporaryPath);
            }
            catch (IOException)
            {
                // Nothing more can be done; the name starts with a dot and ends in .tmp.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}

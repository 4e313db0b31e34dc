using System.Buffers;

namespace VcSync.Vim.Soap;

/// <summary>
/// Reads a response body ahead asynchronously so that the synchronous <see cref="Xml.VimXmlReader"/> above it (a pull
/// parser has no cheap async form) finds its bytes in memory. The parser asks for <see cref="FillAsync"/> before each object;
/// only an object larger than the low-water mark can make a synchronous read reach the network.
/// </summary>
internal sealed class ReadAheadStream : Stream
{
    public const int Capacity = 1024 * 1024;
    // A refill first moves the unread bytes (fewer than this) to the front: a quarter of the buffer keeps that copy to
    // a third of the bytes read, where half of it copied as many bytes as were read.
    public const int LowWater = 256 * 1024;

    private readonly Stream _source;
    private readonly Action<int> _onDecoded;
    private byte[]? _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    public ReadAheadStream(Stream source, CallDeadline deadline, Action<int> onDecoded)
    {
        _source = source;
        _onDecoded = onDecoded;
        Deadline = deadline;
        _buffer = ArrayPool<byte>.Shared.Rent(Capacity);
    }

    /// <summary>The budget network reads run under; replaced to drain a page after its consumer stopped.</summary>
    public CallDeadline Deadline { get; set; }

    /// <summary>Whether the whole body is in memory (or consumed).</summary>
    public bool AtEndOfInput => _eof;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Makes sure at least <see cref="LowWater"/> bytes (or the rest of the body) are buffered.</summary>
    public ValueTask FillAsync()
    {
        if (_eof || _end - _start >= LowWater)
        {
            return ValueTask.CompletedTask;
        }

        return FillCoreAsync();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var available = _end - _start;
        if (available == 0)
        {
            if (_eof || buffer.IsEmpty)
            {
                return 0;
            }

            ReadSynchronously();
            available = _end - _start;
            if (available == 0)
            {
                return 0;
            }
        }

        var n = Math.Min(available, buffer.Length);
        Buffer().AsSpan(_start, n).CopyTo(buffer);
        _start += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The parser reads synchronously from the read-ahead buffer.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            var buffer = Interlocked.Exchange(ref _buffer, null);
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            _source.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask FillCoreAsync()
    {
        Compact();
        var buffer = Buffer();
        var deadline = Deadline;
        deadline.Arm();
        try
        {
            while (!_eof && _end < buffer.Length)
            {
                deadline.Caller.ThrowIfCancellationRequested();
                var n = await _source.ReadAsync(buffer.AsMemory(_end), deadline.Token).ConfigureAwait(false);
                Advance(n);
            }
        }
        finally
        {
            deadline.Disarm();
        }
    }

    private void ReadSynchronously()
    {
        Compact();
        var deadline = Deadline;
        deadline.Arm();
        try
        {
            Advance(_source.Read(Buffer().AsSpan(_end)));
        }
        finally
        {
            deadline.Disarm();
        }
    }

    private void Advance(int n)
    {
        if (n == 0)
        {
            _eof = true;
            return;
        }

        _end += n;
        _onDecoded(n);
    }

    private void Compact()
    {
        if (_start == 0)
        {
            return;
        }

        var buffer = Buffer();
        var remaining = _end - _start;
        if (remaining > 0)
        {
            System.Buffer.BlockCopy(buffer, _start, buffer, 0, remaining);
        }

        _start = 0;
        _end = remaining;
    }

    private byte[] Buffer() => _buffer ?? throw new ObjectDisposedException(nameof(ReadAheadStream));
}

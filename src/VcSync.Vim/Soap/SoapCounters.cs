namespace VcSync.Vim.Soap;

/// <summary>Thread-safe counters behind <see cref="VimStatistics"/>.</summary>
internal sealed class SoapCounters
{
    private long _soapCalls;
    private long _bytesRead;
    private long _bytesDecoded;
    private long _pages;

    public void AddCall() => Interlocked.Increment(ref _soapCalls);

    public void AddBytesRead(int count) => Interlocked.Add(ref _bytesRead, count);

    public void AddBytesDecoded(int count) => Interlocked.Add(ref _bytesDecoded, count);

    public void AddPage() => Interlocked.Increment(ref _pages);

    public VimStatistics Snapshot() => new(
        Interlocked.Read(ref _soapCalls),
        Interlocked.Read(ref _bytesRead),
        Interlocked.Read(ref _bytesDecoded),
        Interlocked.Read(ref _pages));
}

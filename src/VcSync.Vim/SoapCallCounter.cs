namespace VcSync.Vim;

/// <summary>
/// Counts SOAP calls across every <see cref="VimClient"/> made with the same <see cref="VimClientOptions"/>, so a
/// caller that retries on new connections can report what all its attempts cost.
/// </summary>
public sealed class SoapCallCounter
{
    private long _calls;

    /// <summary>SOAP calls sent so far, whatever their outcome.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    internal void Add() => Interlocked.Increment(ref _calls);
}

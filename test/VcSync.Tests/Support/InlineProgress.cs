namespace VcSync.Tests.Support;

/// <summary>Calls back on the reporting thread at once (unlike <see cref="Progress{T}"/>), so a test can act mid-sync.</summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

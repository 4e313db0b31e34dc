namespace VcSync.Sync.FullSync;

/// <summary>Turns exceptions into the one-line messages users, jobs and the activity log see.</summary>
public static class OneLine
{
    /// <summary>The first line of the message, trimmed, at most 500 characters.</summary>
    public static string Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception is AggregateException { InnerException: { } inner } ? inner.Message : exception.Message;
        var end = message.AsSpan().IndexOfAny('\r', '\n');
        var line = (end >= 0 ? message[..end] : message).Trim();
        return line.Length <= 500 ? line : line[..497] + "...";
    }
}

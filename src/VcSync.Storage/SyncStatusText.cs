namespace VcSync.Storage;

/// <summary>The one spelling of each <see cref="SyncStatus"/> in the database and in JSON.</summary>
public static class SyncStatusText
{
    /// <summary><see cref="SyncStatus.Completed"/>.</summary>
    public const string Completed = "completed";

    /// <summary><see cref="SyncStatus.Failed"/>.</summary>
    public const string Failed = "failed";

    /// <summary><see cref="SyncStatus.Cancelled"/>.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The status's text.</summary>
    public static string ToText(this SyncStatus status) => status switch
    {
        SyncStatus.Completed => Completed,
        SyncStatus.Failed => Failed,
        SyncStatus.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The status a text stands for.</summary>
    /// <exception cref="FormatException">The text is no sync status.</exception>
    public static SyncStatus Parse(string text) => text switch
    {
        Completed => SyncStatus.Completed,
        Failed => SyncStatus.Failed,
        Cancelled => SyncStatus.Cancelled,
        _ => throw new FormatException($"'{text}' is not a sync status."),
    };
}

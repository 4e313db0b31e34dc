namespace VcSync.Storage.Jobs;

/// <summary>
/// The one spelling of each <see cref="JobStatus"/> in the database and in JSON. The job queue's SQL is composed from
/// these constants, never from literals of its own.
/// </summary>
public static class JobStatusText
{
    /// <summary><see cref="JobStatus.Pending"/>.</summary>
    public const string Pending = "pending";

    /// <summary><see cref="JobStatus.Running"/>.</summary>
    public const string Running = "running";

    /// <summary><see cref="JobStatus.Completed"/>.</summary>
    public const string Completed = "completed";

    /// <summary><see cref="JobStatus.Failed"/>.</summary>
    public const string Failed = "failed";

    /// <summary><see cref="JobStatus.Cancelled"/>.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Whether a job or task in this status is over for good.</summary>
    public static bool IsFinished(this JobStatus status) => status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;

    /// <summary>The status's text.</summary>
    public static string ToText(this JobStatus status) => status switch
    {
        JobStatus.Pending => Pending,
        JobStatus.Running => Running,
        JobStatus.Completed => Completed,
        JobStatus.Failed => Failed,
        JobStatus.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The status a text stands for.</summary>
    /// <exception cref="FormatException">The text is no job status.</exception>
    public static JobStatus Parse(string text) => text switch
    {
        Pending => JobStatus.Pending,
        Running => JobStatus.Running,
        Completed => JobStatus.Completed,
        Failed => JobStatus.Failed,
        Cancelled => JobStatus.Cancelled,
        _ => throw new FormatException($"'{text}' is not a job status."),
    };
}

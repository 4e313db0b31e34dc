using System.Diagnostics;
using System.Globalization;
using VcSync.Storage;
using VcSync.Sync.Progress;
using VcSync.Vim;

namespace VcSync.Sync.FullSync;

/// <summary>The state of one sync while it runs: its phases, clocks and the activity rows it will write.</summary>
internal sealed class SyncRun
{
    private readonly IProgress<SyncProgressUpdate>? _progress;
    private readonly TimeProvider _time;
    private readonly List<ActivityRecord> _activities = [];
    private SyncPhase? _current;

    public SyncRun(SyncTarget target, IProgress<SyncProgressUpdate>? progress, TimeProvider time)
    {
        Target = target;
        _progress = progress;
        _time = time;
    }

    public SyncTarget Target { get; }

    public Stopwatch Total { get; } = Stopwatch.StartNew();

    public Stopwatch FetchWatch { get; } = new();

    public AboutInfo? About { get; set; }

    /// <summary>SOAP calls of every attempt, the failed ones included.</summary>
    public SoapCallCounter SoapCalls { get; } = new();

    /// <summary>How many attempts have started (retries and the re-login included).</summary>
    public int Attempts { get; set; }

    /// <summary>Whether the session is kept for the next sync (incremental) rather than logged out at the end.</summary>
    public bool KeepsSession { get; set; }

    public IReadOnlyList<ActivityRecord> Activities => _activities;

    public void Start(SyncPhase phase, string message)
    {
        _current = phase;
        _progress?.Report(new SyncProgressUpdate(phase, SyncPhaseState.Running, 0, message));
    }

    public void Progress(SyncPhase phase, int percent, string message) =>
        _progress?.Report(new SyncProgressUpdate(phase, SyncPhaseState.Running, percent, message));

    public void Fetched(int objectsSoFar)
    {
        var expected = Target.ExpectedObjects;
        var percent = expected is > 0 ? Math.Min(79, objectsSoFar * 80 / expected.Value) : 0;
        var message = expected is > 0
            ? string.Create(CultureInfo.InvariantCulture, $"Fetched {objectsSoFar:N0} of ~{expected.Value:N0} objects")
            : string.Create(CultureInfo.InvariantCulture, $"Fetched {objectsSoFar:N0} objects");
        _progress?.Report(new SyncProgressUpdate(SyncPhase.Inventory, SyncPhaseState.Running, percent, message, objectsSoFar, expected));
    }

    public void Complete(SyncPhase phase, string message) =>
        _progress?.Report(new SyncProgressUpdate(phase, SyncPhaseState.Completed, 100, message));

    public void FailCurrentPhase(bool cancelled, string message)
    {
        if (_current is { } phase)
        {
            var state = cancelled ? SyncPhaseState.Cancelled : SyncPhaseState.Failed;
            _progress?.Report(new SyncProgressUpdate(phase, state, 0, message));
        }
    }

    public void Activity(string operation, string endpoint, bool success, long elapsedMs, string? detailsJson, string? error) =>
        _activities.Add(new ActivityRecord
        {
            JobId = Target.JobId,
            Operation = operation,
            Endpoint = endpoint,
            Success = success,
            ResponseTimeMs = (int)Math.Min(int.MaxValue, elapsedMs),
            DetailsJson = detailsJson,
            ErrorMessage = error,
            CreatedAt = _time.GetUtcNow(),
        });
}

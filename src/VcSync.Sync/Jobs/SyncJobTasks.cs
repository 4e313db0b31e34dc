using VcSync.Storage.Jobs;
using VcSync.Sync.Progress;

namespace VcSync.Sync.Jobs;

/// <summary>The tasks of a sync job: the plan's three phases, by the contract's names.</summary>
public static class SyncJobTasks
{
    /// <summary><c>connect</c>, <c>inventory</c>, <c>alarms</c>, with their labels.</summary>
    public static IReadOnlyList<JobTaskDefinition> Definitions { get; } =
    [
        new(JobTaskName.Connect, "Connecting to vCenter"),
        new(JobTaskName.Inventory, "Fetching inventory"),
        new(JobTaskName.Alarms, "Syncing alarms"),
    ];

    /// <summary>The task name of a phase.</summary>
    public static JobTaskName NameOf(SyncPhase phase) => phase switch
    {
        SyncPhase.Connect => JobTaskName.Connect,
        SyncPhase.Inventory => JobTaskName.Inventory,
        SyncPhase.Alarms => JobTaskName.Alarms,
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };

    /// <summary>The <c>job_tasks.status</c> of a phase state.</summary>
    public static JobStatus StatusOf(SyncPhaseState state) => state switch
    {
        SyncPhaseState.Pending => JobStatus.Pending,
        SyncPhaseState.Running => JobStatus.Running,
        SyncPhaseState.Completed => JobStatus.Completed,
        SyncPhaseState.Failed => JobStatus.Failed,
        SyncPhaseState.Cancelled => JobStatus.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}

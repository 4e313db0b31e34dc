using VcSync.Inventory.Records;
using VcSync.Storage;

namespace VcSync.Sync.FullSync;

/// <summary>A committed full sync, for its result and logs.</summary>
/// <param name="TotalObjects">The objects read.</param>
/// <param name="Warnings">The values read that could not be stored.</param>
/// <param name="Alarms">The triggered alarms written; null when not read.</param>
/// <param name="Written">What the write did.</param>
/// <param name="Process">How long the write ran after the fetch ended (all of it when it began only then).</param>
/// <param name="Unchanged">An incremental sync that found nothing changed and read no inventory.</param>
internal sealed record SyncWritten(
    int TotalObjects, int Warnings, IReadOnlyList<AlarmRecord>? Alarms, InventoryWriteResult Written, TimeSpan Process, bool Unchanged = false);

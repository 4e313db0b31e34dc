using System.Globalization;
using System.Text.Json;
using VcSync.Inventory.Records;
using VcSync.Storage;
using VcSync.Sync.Results;

namespace VcSync.Sync.FullSync;

/// <summary>What a full sync reports: its <see cref="SyncResult"/>, the activity details and the alarms phase's message.</summary>
internal static class SyncOutcome
{
    /// <summary>The result of a sync whose write returned <paramref name="written"/>.</summary>
    public static SyncResult Result(SyncRun run, int totalObjects, int warnings, InventoryWriteResult written, long processTimeMs) => new()
    {
        Clusters = ChangeCounts.From(written.Clusters),
        Hosts = HostChangeCounts.From(written.Hosts, written.AutoLinked, written.Ambiguous),
        Vms = ChangeCounts.From(written.Vms),
        Datastores = ChangeCounts.From(written.Datastores),
        Networks = ChangeCounts.From(written.Networks),
        Alarms = ChangeCounts.From(written.Alarms),
        TotalObjects = totalObjects,
        // Every attempt's calls, and the Logout still to come unless the session is kept.
        SoapCalls = (int)run.SoapCalls.Calls + (run.KeepsSession ? 0 : 1),
        FetchTimeMs = run.FetchWatch.ElapsedMilliseconds,
        ProcessTimeMs = processTimeMs,
        Warnings = warnings,
    };

    /// <summary>The details of the <c>property_collector_fetch</c> activity: counts per type, pages and bytes.</summary>
    /// <param name="snapshot">The objects but the VMs (the VMs of a streamed sync are written and gone).</param>
    /// <param name="vms">The VMs read.</param>
    /// <param name="totalObjects">Every object read.</param>
    /// <param name="pages">Pages of every retrieval.</param>
    /// <param name="bytes">Bytes of every retrieval.</param>
    public static string FetchDetails(InventorySnapshot snapshot, int vms, int totalObjects, long pages, long bytes) =>
        JsonSerializer.Serialize(new Dictionary<string, long>
        {
            ["clusters"] = snapshot.Clusters.Count,
            ["hosts"] = snapshot.Hosts.Count,
            ["vms"] = vms,
            ["datastores"] = snapshot.Datastores.Count,
            ["networks"] = snapshot.Networks.Count,
            ["total_objects"] = totalObjects,
            ["pages"] = pages,
            ["bytes"] = bytes,
        }, SyncJsonContext.Default.DictionaryStringInt64);

    /// <summary>The details of the <c>alarms_fetch</c> activity.</summary>
    public static string AlarmDetails(IReadOnlyList<AlarmRecord>? alarms, int definitions) =>
        JsonSerializer.Serialize(new Dictionary<string, long>
        {
            ["triggered"] = alarms?.Count ?? 0,
            ["definitions"] = definitions,
        }, SyncJsonContext.Default.DictionaryStringInt64);

    // The alarms phase reports what the write did to vcenter_alarms, so a job's task shows new and cleared alarms.
    public static string AlarmsMessage(IReadOnlyList<AlarmRecord>? alarms, TableChanges changes) =>
        alarms is null
            ? "Triggered alarms not read"
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{alarms.Count:N0} triggered alarms: {changes.New:N0} new, {changes.Updated:N0} updated, " +
                $"{changes.Deleted:N0} cleared, {changes.Unchanged:N0} unchanged");
}

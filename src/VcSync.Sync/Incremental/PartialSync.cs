using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using VcSync.Inventory;
using VcSync.Storage;
using VcSync.Storage.Cursors;
using VcSync.Sync.FullSync;
using VcSync.Sync.Progress;
using VcSync.Vim;
using VcSync.Vim.Faults;
using VcSync.Vim.PropertyCollector;
using VcSync.Vim.Values;

namespace VcSync.Sync.Incremental;

/// <summary>
/// An incremental sync when only VMs changed: every object but the VMs is read and written as by a full sync (a few
/// thousand small objects, which the VMs' rows are resolved from), then only the VMs that changed, and those a
/// triggered alarm is on (the alarms name them), in one retrieval by moref; the VMs that left are deleted and no other
/// VM row is read or written. One transaction, as a full sync.
/// </summary>
internal sealed partial class PartialSync(IInventoryStore store, ILogger logger, TimeProvider time)
{
    /// <summary>Beyond this share of the VMs, reading them all in pages costs about as much as naming each.</summary>
    private const double MaxChangedShare = 0.25;

    /// <summary>The sync written, or null when a full sync must run instead (too many changes, a VM gone meanwhile).</summary>
    public async Task<SyncWritten?> RunAsync(VimClient client, SyncRun run, SyncCursor cursor, VmChanges changes, CancellationToken cancellationToken)
    {
        if (changes.Changed.Count > Math.Max(1, cursor.TotalObjects * MaxChangedShare))
        {
            return null;
        }

        var vcenter = run.Target.VCenter;
        run.Start(SyncPhase.Inventory, string.Create(CultureInfo.InvariantCulture, $"Fetching {changes.Changed.Count:N0} changed VMs"));
        run.FetchWatch.Restart();
        var before = client.Statistics;
        var builder = new InventoryBuilder(alarmsRequested: true);
        var content = client.ServiceContent;
        var apiVersion = content.About.ApiVersion;
        var view = await client.CreateContainerViewAsync(content.RootFolder, InventoryPropertySpecs.ContainerViewTypes, true, cancellationToken);
        try
        {
            var options = new RetrieveOptions { MaxObjects = run.Target.MaxObjectsPerPage, ValueFilters = InventoryPropertySpecs.ValueFilters };
            var others = InventoryPropertySpecs.AllButVmsFilter(view, apiVersion, content.RootFolder, content.Content["customFieldsManager"] as ManagedObjectReference);
            await foreach (var objectContent in client.RetrievePropertiesAsync(others, options, cancellationToken))
            {
                builder.Add(objectContent);
            }

            var places = builder.Build();
            var wanted = new HashSet<string>(changes.Changed, StringComparer.Ordinal);
            wanted.UnionWith(builder.VmsWithTriggeredAlarms);
            wanted.ExceptWith(changes.Gone);
            if (wanted.Count > 0)
            {
                var vms = new PropertyFilterSpec(
                    InventoryPropertySpecs.VmFilter(view, apiVersion).PropSet,
                    [.. wanted.Order(StringComparer.Ordinal).Select(vm => new ObjectSpec(new ManagedObjectReference(InventoryPaths.Types.VirtualMachine, vm), false, []))]);
                await foreach (var objectContent in client.RetrievePropertiesAsync(vms, options, cancellationToken))
                {
                    builder.Add(objectContent);
                }
            }

            var definitions = await FullInventorySync.FetchAlarmNamesAsync(client, run, builder, cancellationToken);
            run.FetchWatch.Stop();
            var page = builder.TakeVms();
            var alarms = builder.BuildAlarms();
            var fetched = client.Statistics - before;
            ValueWarningReport.Report(run, builder.Warnings, logger);
            run.Activity(
                "property_collector_fetch", $"{vcenter.Name} - PropertyCollector", true, run.FetchWatch.ElapsedMilliseconds,
                SyncOutcome.FetchDetails(places, page.Vms.Count, builder.ObjectCount, fetched.Pages, fetched.BytesRead), null);
            if (definitions > 0)
            {
                run.Activity("alarms_fetch", $"{vcenter.Name} - PropertyCollector", true, 0, SyncOutcome.AlarmDetails(alarms, definitions), null);
            }

            var process = Stopwatch.StartNew();
            var totalObjects = cursor.TotalObjects - changes.Gone.Count + changes.Entered;
            await using var session = await store.BeginSyncWriteAsync(
                new SyncWrite
                {
                    VCenterId = vcenter.Id,
                    Snapshot = places,
                    SyncedAt = time.GetUtcNow(),
                    InstanceUuid = run.About?.InstanceUuid,
                    ApiVersion = run.About?.ApiVersion,
                    Fence = run.Target.Fence,
                    ChangedVmsOnly = new ChangedVms(changes.Gone),
                },
                cancellationToken);
            await session.WriteVmsAsync(page, cancellationToken);
            var written = await session.CompleteAsync(alarms, run.Activities, cursor with { TotalObjects = totalObjects }, cancellationToken);
            LogPartial(vcenter.Name, page.Vms.Count, changes.Gone.Count, run.FetchWatch.Elapsed.TotalMilliseconds);
            return new SyncWritten(totalObjects, builder.Warnings.Count, alarms, written, process.Elapsed);
        }
        catch (ManagedObjectNotFoundException gone)
        {
            // A VM named in the retrieval went after the check: the full sync's view does not name objects.
            LogVmGone(vcenter.Name, OneLine.Of(gone));
            return null;
        }
        finally
        {
            await FullInventorySync.CleanUpQuietlyAsync(logger, "DestroyView", token => client.DestroyViewAsync(view, token));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Incremental sync of {VCenter}: read {Vms} VMs again and deleted {Gone}; the fetch took {Milliseconds:F0} ms")]
    private partial void LogPartial(string vcenter, int vms, int gone, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incremental sync of {VCenter}: a changed VM went meanwhile ({Error}); running a full sync")]
    private partial void LogVmGone(string vcenter, string error);
}

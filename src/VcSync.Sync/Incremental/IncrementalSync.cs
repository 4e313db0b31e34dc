using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
/// The first step of an incremental sync, in a kept session: asks the change collector saved with the database's
/// inventory (<see cref="SyncCursor"/>) what changed since (<c>WaitForUpdatesEx</c>, not waiting) and reads the
/// triggered alarms, which send no updates. Nothing changed: the sync is recorded without reading the inventory. Only
/// VMs or alarms changed: a <see cref="PartialSync"/>. Else, or when there is no usable cursor (first run in this
/// session, another build, the collector gone), a full sync runs. Either saves a cursor whose version was taken before
/// its fetch, so a change made during the fetch is seen next time.
/// </summary>
internal sealed partial class IncrementalSync(IInventoryStore store, ILogger logger, TimeProvider time)
{
    /// <summary>Objects per <c>WaitForUpdatesEx</c> answer: vCenter caps it near this anyway.</summary>
    private const int MaxObjectUpdates = 100;

    /// <summary>
    /// The incremental sync: the check, then nothing more, a partial sync or a full one. A collector this run started is
    /// destroyed again when the write that would have saved its cursor fails: nothing could use it.
    /// </summary>
    public async Task<SyncWritten> RunAsync(VimClient client, SyncRun run, CancellationToken cancellationToken)
    {
        var check = await CheckAsync(client, run, client.SessionCookie!, cancellationToken);
        if (check.Unchanged is { } unchanged)
        {
            return unchanged;
        }

        try
        {
            if (check.Changes is { } changes && check.Cursor is { } cursor
                && await new PartialSync(store, logger, time).RunAsync(client, run, cursor, changes, cancellationToken) is { } partial)
            {
                return partial;
            }

            return await new StreamedSync(store, logger, time).RunAsync(client, run, check.Cursor, cancellationToken);
        }
        catch (Exception) when (check.NewCollector is { } started)
        {
            await DestroyQuietlyAsync(client, started);
            throw;
        }
    }

    private async Task<ChangeCheck> CheckAsync(VimClient client, SyncRun run, string sessionCookie, CancellationToken cancellationToken)
    {
        var vcenter = run.Target.VCenter;
        var content = client.ServiceContent;
        var sessionHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sessionCookie)));
        var fingerprint = SyncFingerprint.Of(content.About.ApiVersion);
        run.Start(SyncPhase.Inventory, "Checking for changes");
        var watch = Stopwatch.StartNew();
        var stored = await store.ReadSyncCursorAsync(vcenter.Id, cancellationToken);
        if (stored is not null && stored.SessionHash == sessionHash && stored.Fingerprint == fingerprint)
        {
            var collector = client.AttachUpdateCollector(new ManagedObjectReference("PropertyCollector", stored.Collector), stored.Version);
            int? changed;
            var changes = new VmChanges();
            try
            {
                changed = await DrainAsync(collector, changes, cancellationToken);
            }
            catch (VimFaultException lost) when (lost is InvalidCollectorVersionException or ManagedObjectNotFoundException)
            {
                LogCursorLost(vcenter.Name, OneLine.Of(lost));
                changed = null;
            }

            if (changed is int count)
            {
                var alarms = await HashAlarmsAsync(client, cancellationToken);
                var next = stored with { Version = collector.Version, AlarmsHash = alarms, SavedAt = time.GetUtcNow() };
                run.Activity(
                    "change_check", $"{vcenter.Name} - PropertyCollector", true, watch.ElapsedMilliseconds, Details(count, alarms != stored.AlarmsHash), null);
                if (count == 0 && alarms == stored.AlarmsHash)
                {
                    if (await RecordUnchangedAsync(run, stored, next, watch, cancellationToken) is { } unchanged)
                    {
                        return new ChangeCheck(unchanged, null, null, null);
                    }

                    return new ChangeCheck(null, next, null, null);
                }

                // Alarms alone need no full sync: the partial one reads them all, and the VMs they name, again.
                var why = changes.NeedsFullSync;
                LogChanged(vcenter.Name, count, changes.Changed.Count, changes.Gone.Count, why is null ? "reading the changed VMs only" : $"running a full sync ({why})");
                return new ChangeCheck(null, next, null, why is null ? changes : null);
            }

            await DestroyQuietlyAsync(client, new ManagedCollector(stored.Collector, stored.View));
        }
        else if (stored is not null && stored.SessionHash == sessionHash)
        {
            // Same session, another build or API version: the old collector is of no further use.
            await DestroyQuietlyAsync(client, new ManagedCollector(stored.Collector, stored.View));
        }

        return await StartCollectorAsync(client, run, sessionHash, fingerprint, watch, cancellationToken);
    }

    /// <summary>Destroys a collector and its view, briefly, never throwing: it only wastes server memory until the session ends.</summary>
    private async Task DestroyQuietlyAsync(VimClient client, ManagedCollector collector)
    {
        await FullInventorySync.CleanUpQuietlyAsync(
            logger, "DestroyPropertyCollector", ct => client.InvokeAsync("DestroyPropertyCollector", new ManagedObjectReference("PropertyCollector", collector.Collector), [], ct));
        await FullInventorySync.CleanUpQuietlyAsync(
            logger, "DestroyView", ct => client.DestroyViewAsync(new ManagedObjectReference("ContainerView", collector.View), ct));
    }

    // A new collector on a view of its own (the full sync destroys its view), read to its first complete version.
    private async Task<ChangeCheck> StartCollectorAsync(
        VimClient client, SyncRun run, string sessionHash, string fingerprint, Stopwatch watch, CancellationToken cancellationToken)
    {
        var content = client.ServiceContent;
        var view = await client.CreateContainerViewAsync(content.RootFolder, InventoryPropertySpecs.ContainerViewTypes, true, cancellationToken);
        var created = new ManagedCollector(string.Empty, view.Value);
        try
        {
            var filter = InventoryPropertySpecs.InventoryFilter(
                view, content.About.ApiVersion, rootFolder: null, content.Content["customFieldsManager"] as ManagedObjectReference);
            var collector = await client.CreateUpdateCollectorAsync(filter, cancellationToken);
            created = created with { Collector = collector.Collector.Value };
            var objects = await DrainAsync(collector, null, cancellationToken);
            var alarms = await HashAlarmsAsync(client, cancellationToken);
            run.Activity(
                "change_collector", $"{run.Target.VCenter.Name} - PropertyCollector", true, watch.ElapsedMilliseconds,
                string.Create(CultureInfo.InvariantCulture, $"{{\"objects\":{objects}}}"), null);
            LogCollectorStarted(run.Target.VCenter.Name, objects, watch.Elapsed.TotalMilliseconds);
            var cursor = new SyncCursor
            {
                SessionHash = sessionHash,
                Collector = created.Collector,
                View = created.View,
                Version = collector.Version,
                Fingerprint = fingerprint,
                AlarmsHash = alarms,
                TotalObjects = 0,
                SavedAt = time.GetUtcNow(),
            };
            return new ChangeCheck(null, cursor, created, null);
        }
        catch
        {
            if (created.Collector.Length > 0)
            {
                await DestroyQuietlyAsync(client, created);
            }
            else
            {
                await FullInventorySync.CleanUpQuietlyAsync(logger, "DestroyView", ct => client.DestroyViewAsync(view, ct));
            }

            throw;
        }
    }

    private async Task<SyncWritten?> RecordUnchangedAsync(SyncRun run, SyncCursor stored, SyncCursor next, Stopwatch watch, CancellationToken cancellationToken)
    {
        run.FetchWatch.Reset();
        var process = Stopwatch.StartNew();
        try
        {
            var written = await store.RecordUnchangedSyncAsync(
                new UnchangedSync
                {
                    VCenterId = run.Target.VCenter.Id,
                    Expected = stored,
                    Next = next,
                    SyncedAt = time.GetUtcNow(),
                    InstanceUuid = run.About?.InstanceUuid,
                    ApiVersion = run.About?.ApiVersion,
                    Fence = run.Target.Fence,
                    Activities = run.Activities,
                },
                cancellationToken);
            LogUnchanged(run.Target.VCenter.Name, next.Version, watch.Elapsed.TotalMilliseconds);
            return new SyncWritten(stored.TotalObjects, 0, null, written, process.Elapsed, Unchanged: true);
        }
        catch (SyncCursorMovedException)
        {
            // Another sync or the watcher wrote since the cursor was read: what the database holds is not known here.
            LogCursorMoved(run.Target.VCenter.Name);
            return null;
        }
    }

    /// <summary>Follows the collector to its latest version without waiting; the number of objects reported.</summary>
    private static async Task<int> DrainAsync(UpdateCollector collector, VmChanges? changes, CancellationToken cancellationToken)
    {
        // Only which objects and paths changed matters here: the sync reads the objects themselves.
        var options = new WaitOptions { MaxWaitSeconds = 0, MaxObjectUpdates = MaxObjectUpdates, SkipValues = true };
        var objects = 0;
        for (var set = await collector.WaitAsync(options, cancellationToken); set is not null; set = set.Truncated ? await collector.WaitAsync(options, cancellationToken) : null)
        {
            objects += set.Objects.Count;
            if (changes is not null)
            {
                foreach (var update in set.Objects)
                {
                    changes.Add(update);
                }
            }
        }

        return objects;
    }

    /// <summary>The hash of the triggered alarms and their definitions' names: two small retrievals.</summary>
    private static async Task<string> HashAlarmsAsync(VimClient client, CancellationToken cancellationToken)
    {
        var states = new List<ObjectContent>();
        await foreach (var content in client.RetrievePropertiesAsync(InventoryPropertySpecs.TriggeredAlarmFilter(client.ServiceContent.RootFolder), null, cancellationToken))
        {
            states.Add(content);
        }

        var definitions = states
            .SelectMany(s => s[InventoryPropertySpecs.TriggeredAlarmSpec.PathSet[0]] as IEnumerable<object?> ?? [])
            .OfType<DataObject>()
            .Select(state => state["alarm"] as ManagedObjectReference)
            .OfType<ManagedObjectReference>();
        var names = new List<ObjectContent>();
        if (InventoryPropertySpecs.AlarmNameFilter(definitions) is { } filter)
        {
            await foreach (var content in client.RetrievePropertiesAsync(filter, null, cancellationToken))
            {
                names.Add(content);
            }
        }

        using var hash = new ContentHash();
        hash.Add(states);
        hash.Text("names");
        hash.Add(names);
        return hash.Finish();
    }

    private static string Details(int objects, bool alarmsChanged) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"changed_objects\":{objects},\"alarms_changed\":{(alarmsChanged ? "true" : "false")}}}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Incremental sync of {VCenter}: nothing changed since the last sync (collector version {Version}), checked in {Milliseconds:F0} ms")]
    private partial void LogUnchanged(string vcenter, string version, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incremental sync of {VCenter}: {Objects} objects changed ({Vms} VMs changed, {Gone} gone): {Plan}")]
    private partial void LogChanged(string vcenter, int objects, int vms, int gone, string plan);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incremental sync of {VCenter}: the saved change collector is gone ({Error}); starting a new one")]
    private partial void LogCursorLost(string vcenter, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incremental sync of {VCenter}: another write moved the cursor meanwhile; running a full sync")]
    private partial void LogCursorMoved(string vcenter);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incremental sync of {VCenter}: change collector started ({Objects} objects) in {Milliseconds:F0} ms; running a full sync")]
    private partial void LogCollectorStarted(string vcenter, int objects, double milliseconds);
}

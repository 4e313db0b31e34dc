using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using VcSync.Inventory;
using VcSync.Inventory.Records;
using VcSync.Storage;
using VcSync.Storage.Cursors;
using VcSync.Sync.Progress;
using VcSync.Vim;
using VcSync.Vim.Faults;
using VcSync.Vim.PropertyCollector;
using VcSync.Vim.Values;

namespace VcSync.Sync.FullSync;

/// <summary>
/// The fast sync's fetch and write, overlapped: through one ContainerView, a first retrieval of every object but the VMs
/// (with the root folder's triggered alarms and the custom attribute names), which the VMs' names refer to; then the
/// write's transaction opens and writes those tables while the second retrieval, of the VMs, streams in. Each page of
/// VMs is resolved as soon as it is parsed and handed, through a channel of <see cref="PagesInFlight"/> pages, to a
/// writer task, so page N is written while page N+1 is parsed and no more than a few pages of VMs are ever in memory.
/// </summary>
/// <remarks>
/// Any failure of either side stops the other and rolls the transaction back. On SQLite the write lock is held from the
/// first retrieval's end to the commit: other writers (a watcher, another vCenter's sync) wait for the fetch too.
/// </remarks>
internal sealed class StreamedSync(IInventoryStore store, ILogger logger, TimeProvider time)
{
    /// <summary>Pages parsed but not yet written: one being written, one more waiting, so that neither side stalls.</summary>
    private const int PagesInFlight = 2;

    /// <param name="client">The logged-in client.</param>
    /// <param name="run">The sync.</param>
    /// <param name="cursor">The incremental-sync cursor to save with the write (its object count filled in); null deletes the vCenter's.</param>
    /// <param name="cancellationToken">Cancels the sync; the write rolls back.</param>
    public async Task<SyncWritten> RunAsync(VimClient client, SyncRun run, SyncCursor? cursor, CancellationToken cancellationToken)
    {
        var vcenter = run.Target.VCenter;
        run.Start(SyncPhase.Inventory, "Fetching inventory");
        run.FetchWatch.Restart();
        var before = client.Statistics;
        var builder = new InventoryBuilder(alarmsRequested: true);
        ISyncWriteSession? session = null;
        try
        {
            InventorySnapshot places;
            int definitions;
            var alarmWatch = new Stopwatch();
            try
            {
                (places, var open) = await RetrieveAsync(client, run, builder, cancellationToken);
                session = open;
                run.Progress(SyncPhase.Inventory, 80, string.Create(CultureInfo.InvariantCulture, $"Fetched {builder.ObjectCount:N0} objects"));
                alarmWatch.Start();
                definitions = await FullInventorySync.FetchAlarmNamesAsync(client, run, builder, cancellationToken);
                run.FetchWatch.Stop();
                alarmWatch.Stop();
            }
            catch (VimException failure)
            {
                run.FetchWatch.Stop();
                run.Activity(
                    "property_collector_fetch", $"{vcenter.Name} - PropertyCollector", false, run.FetchWatch.ElapsedMilliseconds, null, OneLine.Of(failure));
                throw;
            }

            var fetched = client.Statistics - before;
            var alarms = builder.BuildAlarms();
            var warnings = builder.Warnings;
            var vms = builder.ObjectCount - places.TotalObjects;
            ValueWarningReport.Report(run, warnings, logger);
            run.Activity(
                "property_collector_fetch",
                $"{vcenter.Name} - PropertyCollector",
                true,
                run.FetchWatch.ElapsedMilliseconds - alarmWatch.ElapsedMilliseconds,
                SyncOutcome.FetchDetails(places, vms, builder.ObjectCount, fetched.Pages, fetched.BytesRead),
                null);
            if (definitions > 0)
            {
                run.Activity(
                    "alarms_fetch", $"{vcenter.Name} - PropertyCollector", true, alarmWatch.ElapsedMilliseconds, SyncOutcome.AlarmDetails(alarms, definitions), null);
            }

            run.Progress(SyncPhase.Alarms, 50, $"{alarms?.Count ?? 0} triggered alarms");
            var process = Stopwatch.StartNew();
            run.Progress(SyncPhase.Inventory, 90, "Writing the database");
            var written = await session.CompleteAsync(alarms, run.Activities, cursor is null ? null : cursor with { TotalObjects = builder.ObjectCount }, cancellationToken);
            return new SyncWritten(builder.ObjectCount, warnings.Count, alarms, written, process.Elapsed);
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }
    }

    /// <summary>Both retrievals; returns the objects but the VMs, and the write with every VM page written.</summary>
    private async Task<(InventorySnapshot Places, ISyncWriteSession Session)> RetrieveAsync(
        VimClient client, SyncRun run, InventoryBuilder builder, CancellationToken cancellationToken)
    {
        var content = client.ServiceContent;
        var apiVersion = content.About.ApiVersion;
        var view = await client.CreateContainerViewAsync(content.RootFolder, InventoryPropertySpecs.ContainerViewTypes, true, cancellationToken);
        try
        {
            var first = InventoryPropertySpecs.AllButVmsFilter(
                view, apiVersion, content.RootFolder, content.Content["customFieldsManager"] as ManagedObjectReference);
            var options = new RetrieveOptions
            {
                MaxObjects = run.Target.MaxObjectsPerPage,
                OnPage = page => run.Fetched((int)page.ObjectsSoFar),
                ValueFilters = InventoryPropertySpecs.ValueFilters,
            };
            await foreach (var objectContent in client.RetrievePropertiesAsync(first, options, cancellationToken))
            {
                builder.Add(objectContent);
            }

            var places = builder.Build();
            var start = new SyncWrite
            {
                VCenterId = run.Target.VCenter.Id,
                Snapshot = places,
                SyncedAt = time.GetUtcNow(),
                InstanceUuid = run.About?.InstanceUuid,
                ApiVersion = run.About?.ApiVersion,
                Fence = run.Target.Fence,
            };
            var session = await FetchAndWriteVmsAsync(client, run, builder, start, InventoryPropertySpecs.VmFilter(view, apiVersion), cancellationToken);
            return (places, session);
        }
        finally
        {
            await FullInventorySync.CleanUpQuietlyAsync(logger, "DestroyView", token => client.DestroyViewAsync(view, token));
        }
    }

    private async Task<ISyncWriteSession> FetchAndWriteVmsAsync(
        VimClient client, SyncRun run, InventoryBuilder builder, SyncWrite start, PropertyFilterSpec vmFilter, CancellationToken cancellationToken)
    {
        var pages = Channel.CreateBounded<InventorySnapshot>(
            new BoundedChannelOptions(PagesInFlight) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        using var pipeline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writing = Task.Run(() => WritePagesAsync(start, pages.Reader, pipeline), CancellationToken.None);
        try
        {
            var offset = builder.ObjectCount;
            var pageEnded = false;
            var options = new RetrieveOptions
            {
                MaxObjects = VmPageSize.For(start.Snapshot, run.Target.MaxObjectsPerPage),
                OnPage = page =>
                {
                    pageEnded = true;
                    run.Fetched(offset + (int)page.ObjectsSoFar);
                },
                ValueFilters = InventoryPropertySpecs.ValueFilters,
            };
            await foreach (var objectContent in client.RetrievePropertiesAsync(vmFilter, options, pipeline.Token))
            {
                // The pager reports a page's end before it yields the next page's first object.
                if (pageEnded)
                {
                    pageEnded = false;
                    await pages.Writer.WriteAsync(builder.TakeVms(), pipeline.Token);
                }

                builder.Add(objectContent);
            }

            // The last page, also when there is no VM at all: it tells the write that the VM tables were read.
            await pages.Writer.WriteAsync(builder.TakeVms(), pipeline.Token);
            pages.Writer.Complete();
        }
        catch (Exception fetchError) when (fetchError is not OutOfMemoryException)
        {
            pages.Writer.TryComplete();
            await pipeline.CancelAsync();
            var writeError = await StopAsync(writing);
            // The writer failed on its own (the fetch then only saw the cancellation): its error is the cause. A writer
            // stopped by the fetch's failure ends with a cancellation.
            if (writeError is not null and not OperationCanceledException)
            {
                ExceptionDispatchInfo.Throw(writeError);
            }

            throw;
        }

        return await writing;
    }

    /// <summary>The writer task: opens the write, writes each page as it comes; stops the fetch when it fails.</summary>
    private async Task<ISyncWriteSession> WritePagesAsync(SyncWrite start, ChannelReader<InventorySnapshot> pages, CancellationTokenSource pipeline)
    {
        ISyncWriteSession? session = null;
        try
        {
            session = await store.BeginSyncWriteAsync(start, pipeline.Token);
            await foreach (var page in pages.ReadAllAsync(pipeline.Token))
            {
                await session.WriteVmsAsync(Coalesce(page, pages), pipeline.Token);
            }

            return session;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            await pipeline.CancelAsync();
            if (session is not null)
            {
                await session.DisposeAsync();
            }

            throw;
        }
    }

    // When the writer falls behind, the pages waiting are written as one: they are in memory already, and fewer,
    // larger statements cost less per row (PostgreSQL runs five statements per table and page).
    private static InventorySnapshot Coalesce(InventorySnapshot page, ChannelReader<InventorySnapshot> pages)
    {
        if (!pages.TryRead(out var next))
        {
            return page;
        }

        List<InventorySnapshot> all = [page, next];
        while (pages.TryRead(out next))
        {
            all.Add(next);
        }

        return new InventorySnapshot
        {
            Clusters = [],
            Hosts = [],
            Vms = [.. all.SelectMany(p => p.Vms)],
            Datastores = [],
            DatastoreHosts = [],
            Networks = [],
            VmNics = [.. all.SelectMany(p => p.VmNics ?? [])],
            VmDisks = [.. all.SelectMany(p => p.VmDisks ?? [])],
            VmPartitions = [.. all.SelectMany(p => p.VmPartitions ?? [])],
            VmSnapshots = [.. all.SelectMany(p => p.VmSnapshots ?? [])],
            TotalObjects = all.Sum(p => p.TotalObjects),
        };
    }

    // Waits for a writer told to stop; rolls its write back if it had finished. Its error, if any.
    private static async Task<Exception?> StopAsync(Task<ISyncWriteSession> writing)
    {
        try
        {
            await (await writing).DisposeAsync();
            return null;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return exception;
        }
    }
}

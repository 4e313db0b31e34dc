using System.Diagnostics;
using VcSync.Inventory;
using VcSync.Simulator;
using VcSync.Vim;
using VcSync.Vim.PropertyCollector;
using VcSync.Vim.Values;

namespace VcSync.Bench;

/// <summary>
/// The wire floor (the same pages, parsed not at all) against our fetch (the same pages parsed and mapped into an
/// a snapshot by <see cref="InventoryBuilder"/>), on one logged-in session. Each repetition
/// runs both, one after the other, so load on the machine hits them alike. Each fetch makes and destroys its own
/// ContainerView, as the sync and the pyVmomi script do.
/// </summary>
internal sealed class FetchBench(SimulatorProcess simulator, int repetitions)
{
    // Untimed rounds first, enough for tiered compilation to promote the parser to optimised code: at least two, and
    // about 20,000 objects in all (a dozen rounds of the plan's world), else its figures are those of unoptimised code.
    private const int WarmUpObjects = 20_000;

    public async Task MeasureAsync(SizeResult result, int? pageSize, CancellationToken cancellationToken)
    {
        var probe = await MeasureCoreAsync(pageSize, repetitions, cancellationToken);
        result.Objects = probe.Objects;
        result.Pages = probe.Pages;
        result.Bytes = probe.Bytes;
        foreach (var sample in probe.Raw)
        {
            result.WireFloor.Add(sample);
        }

        foreach (var sample in probe.Parsed)
        {
            result.Fetch.Add(sample);
        }

        probe.SyncRaw.ForEach(result.SyncFloor.Add);
        probe.SyncRawSimulatorCpu.ForEach(result.SyncFloorSimulatorCpu.Add);
        probe.RawCpu.ForEach(result.WireFloorCpu.Add);
        probe.ParsedCpu.ForEach(result.FetchCpu.Add);
        probe.SimulatorCpu.ForEach(result.SimulatorCpu.Add);
    }

    public async Task<PageProbe> ProbeAsync(int? pageSize, CancellationToken cancellationToken)
    {
        var probe = await MeasureCoreAsync(pageSize, repetitions, cancellationToken);
        var raw = new Samples();
        var parsed = new Samples();
        probe.Raw.ForEach(raw.Add);
        probe.Parsed.ForEach(parsed.Add);
        return new PageProbe(pageSize, probe.Pages, raw, parsed);
    }

    private async Task<Measured> MeasureCoreAsync(int? pageSize, int count, CancellationToken cancellationToken)
    {
        await using var client = await VimClient.ConnectAsync(
            new VimClientOptions { Url = simulator.SdkUrl, Thumbprint = simulator.Thumbprint }, cancellationToken);
        await client.LoginAsync(simulator.Username, simulator.Password, cancellationToken);
        var measured = new Measured();
        var cpu = new CpuClock(simulator.Pid);
        var warmUps = 2;
        for (var i = 0; i < count + warmUps; i++)
        {
            Settle();
            var cpu0 = cpu.Now();
            var watch = Stopwatch.StartNew();
            var before = client.Statistics;
            var raw = await RawAsync(client, pageSize, syncRetrievals: false, cancellationToken);
            var rawElapsed = watch.Elapsed;
            var cpu1 = cpu.Now();
            var stats = client.Statistics - before;

            Settle();
            var cpu2 = cpu.Now();
            watch.Restart();
            var objects = await ParsedAsync(client, pageSize, cancellationToken);
            var parsedElapsed = watch.Elapsed;
            var cpu3 = cpu.Now();
            if (objects != raw.Objects)
            {
                throw new InvalidOperationException($"The fetch read {objects} objects, the wire floor counted {raw.Objects}.");
            }

            Settle();
            var cpu4 = cpu.Now();
            watch.Restart();
            await RawAsync(client, pageSize, syncRetrievals: true, cancellationToken);
            var syncRawElapsed = watch.Elapsed;
            var cpu5 = cpu.Now();

            if (i == 0)
            {
                warmUps = Math.Max(2, (int)Math.Min(20, WarmUpObjects / Math.Max(1, raw.Objects)));
            }

            measured.Objects = raw.Objects;
            measured.Pages = raw.Pages;
            measured.Bytes = stats.BytesRead;
            if (i >= warmUps)
            {
                measured.Raw.Add(rawElapsed.TotalMilliseconds);
                measured.Parsed.Add(parsedElapsed.TotalMilliseconds);
                measured.SyncRaw.Add(syncRawElapsed.TotalMilliseconds);
                measured.SyncRawSimulatorCpu.Add((cpu5.Simulator - cpu4.Simulator).TotalMilliseconds);
                measured.RawCpu.Add((cpu1.Own - cpu0.Own).TotalMilliseconds);
                measured.ParsedCpu.Add((cpu3.Own - cpu2.Own).TotalMilliseconds);
                measured.SimulatorCpu.Add((cpu1.Simulator - cpu0.Simulator + cpu3.Simulator - cpu2.Simulator).TotalMilliseconds / 2);
            }
        }

        return measured;
    }

    // The floor and fetch: the one combined filter. The sync makes two retrievals through one view instead
    // (StreamedSync: everything but the VMs, with the alarms and the custom attribute names, then the VMs), which have
    // cost the simulator much less CPU (at max, pinned, 2026-12-02: 26 s against under 17 s in one run, the same in
    // another), so the whole sync is measured against the floor of those two.
    private static IReadOnlyList<PropertyFilterSpec> Filters(VimClient client, ManagedObjectReference view, bool syncRetrievals)
    {
        var content = client.ServiceContent;
        var apiVersion = content.About.ApiVersion;
        return syncRetrievals
            ?
            [
                InventoryPropertySpecs.AllButVmsFilter(view, apiVersion, content.RootFolder, content.Content["customFieldsManager"] as ManagedObjectReference),
                InventoryPropertySpecs.VmFilter(view, apiVersion),
            ]
            : [InventoryPropertySpecs.InventoryFilter(view, apiVersion, content.RootFolder)];
    }

    private static async Task<RawRetrieveResult> RawAsync(VimClient client, int? pageSize, bool syncRetrievals, CancellationToken cancellationToken)
    {
        var content = client.ServiceContent;
        var view = await client.CreateContainerViewAsync(content.RootFolder, InventoryPropertySpecs.ContainerViewTypes, true, cancellationToken);
        try
        {
            var pages = 0;
            long bytes = 0, objects = 0;
            foreach (var filter in Filters(client, view, syncRetrievals))
            {
                var raw = await client.RetrievePropertiesRawAsync(filter, new RetrieveOptions { MaxObjects = pageSize }, cancellationToken);
                pages += raw.Pages;
                bytes += raw.Bytes;
                objects += raw.Objects;
            }

            return new RawRetrieveResult(pages, bytes, objects);
        }
        finally
        {
            await client.DestroyViewAsync(view, cancellationToken);
        }
    }

    private static async Task<long> ParsedAsync(VimClient client, int? pageSize, CancellationToken cancellationToken)
    {
        var content = client.ServiceContent;
        var builder = new InventoryBuilder(alarmsRequested: true);
        long objects = 0;
        var view = await client.CreateContainerViewAsync(content.RootFolder, InventoryPropertySpecs.ContainerViewTypes, true, cancellationToken);
        try
        {
            var options = new RetrieveOptions { MaxObjects = pageSize, ValueFilters = InventoryPropertySpecs.ValueFilters };
            await foreach (var objectContent in client.RetrievePropertiesAsync(Filters(client, view, syncRetrievals: false)[0], options, cancellationToken))
            {
                builder.Add(objectContent);
                objects++;
            }
        }
        finally
        {
            await client.DestroyViewAsync(view, cancellationToken);
        }

        var snapshot = builder.Build();
        GC.KeepAlive(snapshot);
        return objects;
    }

    /// <summary>Starts every timed section with the garbage of the previous one collected.</summary>
    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private sealed class Measured
    {
        public long Objects { get; set; }

        public long Pages { get; set; }

        public long Bytes { get; set; }

        public List<double> Raw { get; } = [];

        public List<double> Parsed { get; } = [];

        public List<double> SyncRaw { get; } = [];

        public List<double> SyncRawSimulatorCpu { get; } = [];

        public List<double> RawCpu { get; } = [];

        public List<double> ParsedCpu { get; } = [];

        public List<double> SimulatorCpu { get; } = [];
    }
}

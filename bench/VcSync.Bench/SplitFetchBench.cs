using System.Diagnostics;
using System.Globalization;
using VcSync.Inventory;
using VcSync.Simulator;
using VcSync.Vim;
using VcSync.Vim.PropertyCollector;

namespace VcSync.Bench;

/// <summary>
/// <c>--split-fetch</c> (issue 13's experiment): is the inventory faster as two retrievals in parallel (the VMs through
/// one view; everything else and the alarms through another) than as the one retrieval the sync makes? With
/// <c>--pin</c> the simulator gets CPU 1 to itself and the bench CPU 0 (<c>taskset</c>), as if the server had its own
/// core. Both ways parse and map every object into an <see cref="InventoryBuilder"/>; they alternate per repetition.
/// </summary>
internal static class SplitFetchBench
{
    public const string Flag = "--split-fetch";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var size = "10k";
        var repetitions = 5;
        var pin = false;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--size": size = Value(); break;
                case "--repetitions": repetitions = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--pin": pin = true; break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        await using var simulator = await SimulatorProcess.StartAsync(new SimulatorOptions { Size = size }, cancellationToken);
        if (pin)
        {
            await CpuPinning.PinAsync(simulator.Pid, CpuPinning.ServerCpu);
            await CpuPinning.PinAsync(Environment.ProcessId, CpuPinning.ClientCpu);
        }

        await using var client = await VimClient.ConnectAsync(
            new VimClientOptions { Url = simulator.SdkUrl, Thumbprint = simulator.Thumbprint }, cancellationToken);
        await client.LoginAsync(simulator.Username, simulator.Password, cancellationToken);
        var one = new Samples();
        var split = new Samples();
        long objects = 0;
        for (var i = 0; i < repetitions + 2; i++)
        {
            FetchBench.Settle();
            var watch = Stopwatch.StartNew();
            var a = await OneAsync(client, cancellationToken);
            var oneElapsed = watch.Elapsed;
            FetchBench.Settle();
            watch.Restart();
            var b = await SplitAsync(client, cancellationToken);
            var splitElapsed = watch.Elapsed;
            if (a != b)
            {
                throw new InvalidOperationException($"one retrieval read {a} objects, the split one {b}");
            }

            objects = a;
            if (i >= 2)
            {
                one.Add(oneElapsed);
                split.Add(splitElapsed);
            }

            Program.Log($"split-fetch {size}: round {i}: one {oneElapsed.TotalMilliseconds:F0} ms, split {splitElapsed.TotalMilliseconds:F0} ms");
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {size} | {objects:N0} | {(pin ? "simulator on CPU 1, bench on CPU 0" : "not pinned")} | {one.Median:F0} | {split.Median:F0} | {split.Median / one.Median:F2} |"));
        return 0;
    }

    private static async Task<long> OneAsync(VimClient client, CancellationToken cancellationToken)
    {
        var content = client.ServiceContent;
        var builder = new InventoryBuilder(alarmsRequested: true);
        var view = await client.CreateContainerViewAsync(content.RootFolder, InventoryPropertySpecs.ContainerViewTypes, true, cancellationToken);
        try
        {
            var filter = InventoryPropertySpecs.InventoryFilter(view, content.About.ApiVersion, content.RootFolder);
            return await DrainAsync(client, filter, builder, cancellationToken) + Built(builder);
        }
        finally
        {
            await client.DestroyViewAsync(view, cancellationToken);
        }
    }

    private static async Task<long> SplitAsync(VimClient client, CancellationToken cancellationToken)
    {
        var content = client.ServiceContent;
        var builder = new InventoryBuilder(alarmsRequested: true);
        var vmView = await client.CreateContainerViewAsync(content.RootFolder, ["VirtualMachine"], true, cancellationToken);
        var restView = await client.CreateContainerViewAsync(
            content.RootFolder, [.. InventoryPropertySpecs.ContainerViewTypes.Where(t => t != "VirtualMachine")], true, cancellationToken);
        try
        {
            var vmFilter = InventoryPropertySpecs.InventoryFilter(vmView, content.About.ApiVersion, null);
            var restFilter = InventoryPropertySpecs.InventoryFilter(restView, content.About.ApiVersion, content.RootFolder);
            var counts = await Task.WhenAll(
                Task.Run(() => DrainAsync(client, vmFilter, builder, cancellationToken), cancellationToken),
                Task.Run(() => DrainAsync(client, restFilter, builder, cancellationToken), cancellationToken));
            return counts.Sum() + Built(builder);
        }
        finally
        {
            await client.DestroyViewAsync(vmView, cancellationToken);
            await client.DestroyViewAsync(restView, cancellationToken);
        }
    }

    private static async Task<long> DrainAsync(VimClient client, PropertyFilterSpec filter, InventoryBuilder builder, CancellationToken cancellationToken)
    {
        long objects = 0;
        await foreach (var objectContent in client.RetrievePropertiesAsync(
            filter, new RetrieveOptions { MaxObjects = VcSync.Sync.FullSync.SyncTarget.DefaultMaxObjectsPerPage }, cancellationToken))
        {
            lock (builder)
            {
                builder.Add(objectContent);
            }

            objects++;
        }

        return objects;
    }

    private static long Built(InventoryBuilder builder)
    {
        GC.KeepAlive(builder.Build());
        return 0;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Xml;
using VcSync.Simulator;
using VcSync.Vim.PropertyCollector;

namespace VcSync.Vim.Bench;

/// <summary>
/// Parse-speed micro-benchmark of the Vim layer. <c>synthetic [vms] [pageSize]</c> parses a recorded-style page set from
/// memory; <c>file PAGE.xml</c> parses one recorded page, <c>record OUT.xml [size] [maxObjects]</c> records one;
/// <c>dump OUT.txt [size] [seed]</c> writes what the mapping makes of a simulator world (<see cref="SnapshotDump"/>);
/// <c>sim [size]</c> compares the parsed fetch with the wire floor against the simulator.
/// </summary>
internal static class Program
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    private static async Task<int> Main(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : "synthetic";
        if (mode == "profile")
        {
            using var pages = new SyntheticPages(10_000, 100);
            await using var client = await VimClient.ConnectAsync(new VimClientOptions { Url = new Uri("bench.local", UriKind.RelativeOrAbsolute) }, pages, CancellationToken.None);
            var spec = new PropertyFilterSpec([new PropertySpec("VirtualMachine", ["name"])], []);
            var process = Process.GetCurrentProcess();
            var cpuStart = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var runs = args.Length > 1 ? int.Parse(args[1], Ci) : 40;
            for (var i = 0; i < runs; i++)
            {
                await foreach (var unused in client.RetrievePropertiesAsync(spec))
                {
                }
            }

            process.Refresh();
            Console.WriteLine(
                $"{runs} runs: wall {wall.Elapsed.TotalMilliseconds / runs:F1} ms/run, cpu {(process.TotalProcessorTime - cpuStart).TotalMilliseconds / runs:F1} ms/run, " +
                $"gc0 {GC.CollectionCount(0)} gc1 {GC.CollectionCount(1)} gc2 {GC.CollectionCount(2)}, pause {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms");

            return 0;
        }

        if (mode == "file")
        {
            await RecordedPage.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], Ci) : 9, args.Length > 3 ? args[3] : null, args.Length > 4 && args[4] == "alloc");
            return 0;
        }

        if (mode == "record")
        {
            await PageRecorder.RunAsync(args[1], args.Length > 2 ? args[2] : "plan", args.Length > 3 ? int.Parse(args[3], Ci) : 1000);
            return 0;
        }

        if (mode == "dump")
        {
            await SnapshotDump.RunAsync(args[1], args.Length > 2 ? args[2] : "plan", args.Length > 3 ? long.Parse(args[3], Ci) : 1);
            return 0;
        }

        if (mode == "sim")
        {
            await SimulatorAsync(args.Length > 1 ? args[1] : "10k", args.Length > 2 ? int.Parse(args[2], Ci) : 3);
        }
        else
        {
            await SyntheticAsync(args.Length > 1 ? int.Parse(args[1], Ci) : 10_000, args.Length > 2 ? int.Parse(args[2], Ci) : 100);
        }

        return 0;
    }

    private static async Task SyntheticAsync(int vms, int pageSize)
    {
        using var pages = new SyntheticPages(vms, pageSize);
        var megabytes = pages.TotalBytes / 1e6;
        Console.WriteLine($"synthetic: {vms} VMs, ~15 properties each, pages of {pageSize}: {pages.Pages.Count} pages, {megabytes:F1} MB");
        await using var client = await VimClient.ConnectAsync(new VimClientOptions { Url = new Uri("bench.local", UriKind.RelativeOrAbsolute) }, pages, CancellationToken.None);
        var spec = new PropertyFilterSpec([new PropertySpec("VirtualMachine", ["name"])], []);

        var parse = await MeasureAsync(async () =>
        {
            long count = 0;
            await foreach (var content in client.RetrievePropertiesAsync(spec))
            {
                count += content.PropSet.Count;
            }

            return count;
        });
        var raw = await MeasureAsync(async () => (await client.RetrievePropertiesRawAsync(spec)).Objects);
        Report("client parse (sync XmlReader over read-ahead)", parse, vms, megabytes);
        Report("client raw (wire floor in memory)", raw, vms, megabytes);

        Report("XmlReader node walk, sync", await MeasureAsync(() => Task.FromResult(Walk(pages, async: false).GetAwaiter().GetResult())), vms, megabytes);
        Report("XmlReader node walk, async", await MeasureAsync(() => Walk(pages, async: true)), vms, megabytes);

        var before = GC.GetTotalAllocatedBytes(true);
        await foreach (var unused in client.RetrievePropertiesAsync(spec))
        {
        }

        Console.WriteLine($"allocated per object: {(GC.GetTotalAllocatedBytes(true) - before) / vms:N0} bytes");
    }

    private static async Task<long> Walk(SyntheticPages pages, bool async)
    {
        long nodes = 0;
        var settings = new XmlReaderSettings { Async = async, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        foreach (var page in pages.Pages)
        {
            using var reader = XmlReader.Create(new MemoryStream(page), settings);
            if (async)
            {
                while (await reader.ReadAsync())
                {
                    nodes++;
                }
            }
            else
            {
                while (reader.Read())
                {
                    nodes++;
                }
            }
        }

        return nodes;
    }

    private static async Task SimulatorAsync(string size, int rounds)
    {
        Console.WriteLine($"simulator: size {size}, starting...");
        await using var simulator = await SimulatorProcess.StartAsync(new SimulatorOptions { Size = size, StartTimeout = TimeSpan.FromMinutes(5) });
        Console.WriteLine($"simulator: {simulator.Counts.Vms} VMs, {simulator.Counts.Hosts} hosts, started in {simulator.StartupTime.TotalSeconds:F1} s");
        await using var client = await VimClient.ConnectAsync(new VimClientOptions { Url = simulator.SdkUrl, Thumbprint = simulator.Thumbprint });
        await client.LoginAsync(simulator.Username, simulator.Password);
        var view = await client.CreateContainerViewAsync(client.ServiceContent.RootFolder, ["VirtualMachine"], true);
        var spec = PropertyFilterSpec.ForContainerView(view, new PropertySpec("VirtualMachine",
        [
            "name", "config.uuid", "config.instanceUuid", "config.guestFullName", "config.hardware.numCPU", "config.hardware.memoryMB",
            "config.template", "runtime.powerState", "runtime.host", "guest.ipAddress", "summary.storage.committed", "resourcePool",
        ]));
        foreach (var pageSize in new int?[] { null, 1000 })
        {
            var options = new RetrieveOptions { MaxObjects = pageSize };
            var parse = new List<double>();
            var raw = new List<double>();
            long objects = 0;
            long bytes = 0;
            for (var round = 0; round < rounds; round++)
            {
                var stopwatch = Stopwatch.StartNew();
                var result = await client.RetrievePropertiesRawAsync(spec, options);
                raw.Add(stopwatch.Elapsed.TotalMilliseconds);
                bytes = result.Bytes;
                stopwatch.Restart();
                objects = 0;
                await foreach (var unused in client.RetrievePropertiesAsync(spec, options))
                {
                    objects++;
                }

                parse.Add(stopwatch.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine(
                $"maxObjects {pageSize?.ToString(Ci) ?? "unset"}: {objects} objects, {bytes / 1e6:F1} MB; wire floor best {raw.Min():F0} ms, " +
                $"parsed best {parse.Min():F0} ms, ratio {parse.Min() / raw.Min():F2} (medians {Median(raw):F0} / {Median(parse):F0} ms)");
        }

        await client.DestroyViewAsync(view);
    }

    private static async Task<List<double>> MeasureAsync(Func<Task<long>> run)
    {
        for (var i = 0; i < 3; i++)
        {
            await run();
        }

        var times = new List<double>();
        var process = Process.GetCurrentProcess();
        var cpu = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            await run();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        times.Add(Median(cpu));
        return times;
    }

    private static void Report(string name, List<double> measured, int objects, double megabytes)
    {
        var cpu = measured[^1];
        var times = measured[..^1];
        var best = times.Min();
        Console.WriteLine(
            $"{name,-48} best {best,6:F1} ms  median {Median(times),6:F1} ms  cpu {cpu,6:F1} ms  {objects / best * 1000,10:N0} objects/s  {megabytes / best * 1000,6:F0} MB/s");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

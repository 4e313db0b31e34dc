using System.Diagnostics;
using System.Globalization;
using VcSync.Inventory;
using VcSync.Simulator;
using VcSync.Vim;
using VcSync.Vim.PropertyCollector;

namespace VcSync.Bench;

/// <summary>
/// <c>--profile-fetch</c>: where the fetch's own time goes, per round against one simulator: the wire floor, the pages
/// parsed into <c>ObjectContent</c> and dropped, and parsed and mapped (time in <see cref="InventoryBuilder.Add"/> and in
/// <see cref="InventoryBuilder.Build"/> apart). Wall and process CPU (bench and simulator), medians after warm-up.
/// </summary>
internal static class ProfileFetchBench
{
    public const string Flag = "--profile-fetch";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var size = "plan";
        var rounds = 7;
        int? pageSize = 1000;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--size": size = Value(); break;
                case "--repetitions": rounds = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--page-size": pageSize = Value() is "server" ? null : int.Parse(Value(), CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        await using var simulator = await SimulatorProcess.StartAsync(new SimulatorOptions { Size = size }, cancellationToken);
        await using var client = await VimClient.ConnectAsync(
            new VimClientOptions { Url = simulator.SdkUrl, Thumbprint = simulator.Thumbprint }, cancellationToken);
        await client.LoginAsync(simulator.Username, simulator.Password, cancellationToken);
        var cpu = new CpuClock(simulator.Pid);
        var columns = new[] { "wire floor", "parse only", "parse + map", "  of which Add", "  of which Build" };
        var wall = columns.Select(_ => new Samples()).ToArray();
        var own = columns.Select(_ => new Samples()).ToArray();
        var server = columns.Select(_ => new Samples()).ToArray();
        var warmUps = 3;
        long bytes = 0;
        for (var round = 0; round < rounds + warmUps; round++)
        {
            var timed = round >= warmUps;
            await MeasureAsync(0, async () => { bytes = (await RawAsync(client, pageSize, cancellationToken)).Bytes; return (TimeSpan.Zero, TimeSpan.Zero); });
            await MeasureAsync(1, async () => { await ParseAsync(client, pageSize, null, cancellationToken); return (TimeSpan.Zero, TimeSpan.Zero); });
            await MeasureAsync(2, () => ParseAsync(client, pageSize, new InventoryBuilder(alarmsRequested: true), cancellationToken));

            async Task MeasureAsync(int column, Func<Task<(TimeSpan Add, TimeSpan Build)>> run)
            {
                FetchBench.Settle();
                var before = cpu.Now();
                var watch = Stopwatch.StartNew();
                var (add, build) = await run();
                var elapsed = watch.Elapsed;
                var after = cpu.Now();
                if (timed)
                {
                    wall[column].Add(elapsed);
                    own[column].Add((after.Own - before.Own).TotalMilliseconds);
                    server[column].Add((after.Simulator - before.Simulator).TotalMilliseconds);
                    if (column == 2)
                    {
                        wall[3].Add(add);
                        wall[4].Add(build);
                    }
                }
            }
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size}: {bytes / 1e6:F1} MB, load {File.ReadAllText("/proc/loadavg").Trim()}"));
        Console.Out.WriteLine("| step | wall median ms | wall min ms | bench CPU ms | simulator CPU ms |");
        Console.Out.WriteLine("|---|---:|---:|---:|---:|");
        for (var c = 0; c < columns.Length; c++)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {columns[c]} | {wall[c].Median:F0} | {wall[c].Min:F0} | {(own[c].Count > 0 ? own[c].Median : double.NaN):F0} | {(server[c].Count > 0 ? server[c].Median : double.NaN):F0} |"));
        }

        return 0;
    }

    private static async Task<(long Objects, long Bytes)> RawAsync(VimClient client, int? pageSize, CancellationToken cancellationToken)
    {
        var content = client.ServiceContent;
        var view = await client.CreateContainerViewAsync(content.RootFolder, InventoryPropertySpecs.ContainerViewTypes, true, cancellationToken);
        try
        {
            var before = client.Statistics;
            var filter = InventoryPropertySpecs.InventoryFilter(view, content.About.ApiVersion, content.RootFolder);
            var raw = await client.RetrievePropertiesRawAsync(filter, new RetrieveOptions { MaxObjects = pageSize }, cancellationToken);
            return (raw.Objects, (client.Statistics - before).BytesRead);
        }
        finally
        {
            await client.DestroyViewAsync(view, cancellationToken);
        }
    }

    private static async Task<(TimeSpan Add, TimeSpan Build)> ParseAsync(
        VimClient client, int? pageSize, InventoryBuilder? builder, CancellationToken cancellationToken)
    {
        var content = client.ServiceContent;
        var add = new Stopwatch();
        var view = await client.CreateContainerViewAsync(content.RootFolder, InventoryPropertySpecs.ContainerViewTypes, true, cancellationToken);
        try
        {
            var filter = InventoryPropertySpecs.InventoryFilter(view, content.About.ApiVersion, content.RootFolder);
            var options = new RetrieveOptions { MaxObjects = pageSize, ValueFilters = InventoryPropertySpecs.ValueFilters };
            await foreach (var objectContent in client.RetrievePropertiesAsync(filter, options, cancellationToken))
            {
                if (builder is not null)
                {
                    add.Start();
                    builder.Add(objectContent);
                    add.Stop();
                }
            }
        }
        finally
        {
            await client.DestroyViewAsync(view, cancellationToken);
        }

        var build = Stopwatch.StartNew();
        GC.KeepAlive(builder?.Build());
        return (add.Elapsed, build.Elapsed);
    }
}

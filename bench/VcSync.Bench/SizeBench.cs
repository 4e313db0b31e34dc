using System.Diagnostics;
using VcSync.Simulator;
using VcSync.Sync.FullSync;
using VcSync.Tests.Fixtures;

namespace VcSync.Bench;

/// <summary>All measurements of one world size, against one simulator started for it.</summary>
internal sealed class SizeBench(string size, BenchOptions options, ThrowawayPostgres? postgres)
{
    public async Task<SizeResult> RunAsync(CancellationToken cancellationToken)
    {
        Program.Log($"{size}: starting the simulator");
        var watch = Stopwatch.StartNew();
        await using var simulator = await SimulatorProcess.StartAsync(new SimulatorOptions { Size = size }, cancellationToken);
        if (options.Pin)
        {
            await CpuPinning.PinAsync(simulator.Pid, CpuPinning.ServerCpu);
            await CpuPinning.PinAsync(Environment.ProcessId, CpuPinning.ClientCpu);
            if (postgres?.PostmasterPid is { } postmaster)
            {
                await CpuPinning.PinAsync(postmaster, CpuPinning.ClientCpu, children: true);
            }
        }

        var (vms, hosts, datastores, _) = simulator.Counts;
        Program.Log($"{size}: simulator up in {watch.Elapsed.TotalSeconds:F1}s: {vms:N0} VMs, {hosts:N0} hosts, {datastores:N0} datastores");
        var pageSize = options.PageSizeGiven ? options.PageSize : DefaultPageSize();
        var result = new SizeResult { Size = size, Vms = vms, Hosts = hosts, Datastores = datastores, PageSize = pageSize };
        var repetitions = options.RepetitionsFor(size);

        var fetch = new FetchBench(simulator, repetitions);
        await fetch.MeasureAsync(result, pageSize, cancellationToken);
        Program.Log($"{size}: {result.Objects:N0} objects in {result.Pages} pages, {result.Bytes / 1e6:F1} MB; " +
                    $"wire floor {result.WireFloor.Median:F0} ms, fetch {result.Fetch.Median:F0} ms");
        var probePages = options.ProbePages ?? (size == "10k" ? [null, 500, 1000, 5000] : []);
        foreach (var asked in probePages)
        {
            result.Probes.Add(await fetch.ProbeAsync(asked, cancellationToken));
            Program.Log($"{size}: page size {asked?.ToString() ?? "server"}: {result.Probes[^1].Pages} pages, " +
                        $"wire {result.Probes[^1].WireFloor.Median:F0} ms, fetch {result.Probes[^1].Fetch.Median:F0} ms");
        }

        if (options.FetchOnly)
        {
            return result;
        }

        var sync = new SyncBench(simulator, pageSize, repetitions);
        var sqliteDirectory = Directory.CreateTempSubdirectory("vcsync-bench-");
        try
        {
            var n = 0;
            Task<string> NewSqlite() => Task.FromResult(Path.Combine(sqliteDirectory.FullName, $"bench-{++n}.db"));
            result.Sqlite = await sync.MeasureAsync(NewSqlite, cancellationToken);
            Program.Log($"{size}: SQLite whole sync {result.Sqlite.First.Median:F0} ms, unchanged re-sync {result.Sqlite.Unchanged.Median:F0} ms " +
                        $"({result.Sqlite.UnchangedRowsWritten} rows written)");
            if (postgres is not null)
            {
                result.Postgres = await sync.MeasureAsync(() => postgres.CreateDatabaseAsync("bench"), cancellationToken);
                Program.Log($"{size}: PostgreSQL whole sync {result.Postgres.First.Median:F0} ms, unchanged re-sync {result.Postgres.Unchanged.Median:F0} ms " +
                            $"({result.Postgres.UnchangedRowsWritten} rows written)");
            }

            if (options.PyVmomi)
            {
                result.PyVmomi = await PyVmomiRunner.RunAsync(simulator, pageSize, options.PyRepetitions, cancellationToken);
                Program.Log($"{size}: pyVmomi fetch {result.PyVmomi.Fetch.Median:F0} ms ({result.PyVmomi.Objects:N0} objects, {result.PyVmomi.Pages} pages)");
            }

            result.SqlitePeak = await PeakMemoryChild.MeasureAsync(simulator, await NewSqlite(), pageSize, cancellationToken);
            Program.Log($"{size}: SQLite sync alone in a child process: {result.SqlitePeak.ElapsedMs:F0} ms, peak {result.SqlitePeak.PeakWorkingSetBytes / 1048576.0:F0} MiB");
            if (postgres is not null)
            {
                result.PostgresPeak = await PeakMemoryChild.MeasureAsync(
                    simulator, await postgres.CreateDatabaseAsync("benchpeak"), pageSize, cancellationToken);
                Program.Log($"{size}: PostgreSQL sync alone in a child process: {result.PostgresPeak.ElapsedMs:F0} ms, peak {result.PostgresPeak.PeakWorkingSetBytes / 1048576.0:F0} MiB");
            }
        }
        finally
        {
            sqliteDirectory.Delete(recursive: true);
        }

        return result;
    }

    private static int? DefaultPageSize() =>
        new SyncTarget { VCenter = new() { Id = Guid.Empty, Name = "-", Url = "-", Username = "-" }, Password = "-" }.MaxObjectsPerPage;
}

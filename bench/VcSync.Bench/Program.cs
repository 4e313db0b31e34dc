using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace VcSync.Bench;

/// <summary>
/// Benchmarks of the sync against the simulator: the wire floor, our fetch, the whole sync into SQLite and PostgreSQL,
/// an unchanged re-sync, pyVmomi's fetch and the peak memory of a whole sync, per world size, all in one run.
/// Not part of the test suite: run it by hand (see docs/benchmarks.md).
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args is [PeakMemoryChild.Flag, ..])
        {
            return await PeakMemoryChild.RunChildAsync();
        }

        if (args is [WholeProcessBench.Flag or SplitFetchBench.Flag or ProfileFetchBench.Flag, .. var rest])
        {
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            return args[0] switch
            {
                WholeProcessBench.Flag => await WholeProcessBench.RunAsync(rest, stop.Token),
                ProfileFetchBench.Flag => await ProfileFetchBench.RunAsync(rest, stop.Token),
                _ => await SplitFetchBench.RunAsync(rest, stop.Token),
            };
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"vcsync-bench: {e.Message}\n{BenchOptions.Usage}");
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var machine = MachineInfo.Describe();
        Log($"machine: {machine}");
        await using var postgres = options.Postgres ? await StartPostgresAsync() : null;
        var results = new List<SizeResult>();
        foreach (var size in options.Sizes)
        {
            results.Add(await new SizeBench(size, options, postgres).RunAsync(cancel.Token));
        }

        var report = Report.Markdown(options, machine, results, Environment.GetCommandLineArgs());
        Console.Out.Write(report);
        if (options.OutFile is { } file)
        {
            await File.WriteAllTextAsync(file, report, new UTF8Encoding(false), cancel.Token);
            Log($"report written to {file}");
        }

        return 0;
    }

    public static void Log(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {message}"));

    private static async Task<VcSync.Tests.Fixtures.ThrowawayPostgres> StartPostgresAsync()
    {
        var watch = Stopwatch.StartNew();
        var server = new VcSync.Tests.Fixtures.ThrowawayPostgres();
        try
        {
            await server.StartAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        Log($"PostgreSQL started on port {server.Port} in {watch.Elapsed.TotalSeconds:F1}s (fsync off, as in the tests)");
        return server;
    }
}

using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using VcSync.Simulator;
using VcSync.Storage;
using VcSync.Sync.FullSync;
using VcSync.Sync.Results;

namespace VcSync.Bench;

/// <summary>
/// The whole in-process sync (<see cref="FullInventorySync.RunAsync"/>: login, fetch, alarms, write) into a new,
/// migrated database, then the same sync again with nothing changed. Opening and migrating the database is not timed.
/// </summary>
internal sealed class SyncBench(SimulatorProcess simulator, int? pageSize, int repetitions)
{
    public async Task<SyncSamples> MeasureAsync(Func<Task<string>> newDatabase, CancellationToken cancellationToken)
    {
        var samples = new SyncSamples();
        for (var i = 0; i <= repetitions; i++)
        {
            await using var store = new RecordingStore(await InventoryStoreFactory.OpenAsync(await newDatabase(), NullLoggerFactory.Instance, cancellationToken));
            var target = await RegisterAsync(store, simulator, pageSize, cancellationToken);
            var sync = new FullInventorySync(store, NullLoggerFactory.Instance);

            FetchBench.Settle();
            var watch = Stopwatch.StartNew();
            var first = await sync.RunAsync(target, null, cancellationToken);
            var firstElapsed = watch.Elapsed;
            var firstRows = store.LastWrite!.RowsWritten;

            FetchBench.Settle();
            watch.Restart();
            var second = await sync.RunAsync(target, null, cancellationToken);
            var secondElapsed = watch.Elapsed;
            var secondRows = store.LastWrite!.RowsWritten;
            if (firstRows == 0)
            {
                throw new InvalidOperationException("The first sync into an empty database wrote no rows.");
            }

            if (i == 0)
            {
                continue;
            }

            Record(samples.First, samples.FirstFetch, samples.FirstWrite, firstElapsed, first);
            Record(samples.Unchanged, new Samples(), samples.UnchangedWrite, secondElapsed, second);
            samples.FirstRowsWritten = firstRows;
            samples.UnchangedRowsWritten = Math.Max(samples.UnchangedRowsWritten, secondRows);
        }

        return samples;
    }

    public static async Task<SyncTarget> RegisterAsync(IInventoryStore store, SimulatorProcess simulator, int? pageSize, CancellationToken cancellationToken)
    {
        var vcenter = await store.AddVCenterAsync(
            new VCenterRegistration
            {
                Name = "bench",
                Url = simulator.SdkUrl.ToString(),
                Username = simulator.Username,
                TlsThumbprint = simulator.Thumbprint,
            },
            cancellationToken);
        return new SyncTarget { VCenter = vcenter, Password = simulator.Password, MaxObjectsPerPage = pageSize };
    }

    private static void Record(Samples total, Samples fetch, Samples write, TimeSpan elapsed, SyncResult result)
    {
        total.Add(elapsed);
        fetch.Add(result.FetchTimeMs);
        write.Add(result.ProcessTimeMs);
    }
}

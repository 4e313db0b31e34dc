using System.Globalization;
using System.Text;

namespace VcSync.Bench;

/// <summary>The markdown report: one table per world size, the page-size probe, then the targets as ratios of this run.</summary>
internal static class Report
{
    private const double PlanSyncTargetMs = 150;
    private const double MaxSyncTargetMs = 4000;
    private const double PeakTargetBytes = 250e6;

    public static string Markdown(BenchOptions options, string machine, IReadOnlyList<SizeResult> results, IReadOnlyList<string> commandLine)
    {
        var md = new StringBuilder();
        Line(md, $"# VcSync benchmark run, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Line(md, string.Empty);
        Line(md, $"- Arguments: `{string.Join(' ', commandLine.Skip(1))}`");
        Line(md, $"- Machine: {machine}");
        Line(md, options.Pin
            ? "- Placement: the simulator alone on CPU 1; the bench and its PostgreSQL server on CPU 0 (`--pin`)."
            : "- Placement: not pinned; the simulator, the bench and PostgreSQL share every CPU.");
        Line(md, "- Times in ms: median and minimum of the timed repetitions after warm-up (untimed fetches of about 20,000 objects in all, at least two; one untimed sync pair); the whole sync is login, fetch, alarms and write.");
        Line(md, string.Empty);
        foreach (var result in results)
        {
            SizeTable(md, result);
        }

        Targets(md, results);
        return md.ToString();
    }

    private static void SizeTable(StringBuilder md, SizeResult r)
    {
        var floor = r.WireFloor.Median;
        Line(md, $"## {r.Size}: {r.Vms:N0} VMs, {r.Hosts:N0} hosts, {r.Datastores:N0} datastores");
        Line(md, string.Empty);
        Line(md, $"{r.Objects:N0} objects in {r.Pages} pages of up to {r.PageSize?.ToString(CultureInfo.InvariantCulture) ?? "the server's default"} objects, " +
                 $"{r.Bytes / 1e6:F1} MB on the wire; {r.Fetch.Count} timed repetitions.");
        Line(md, string.Empty);
        Line(md, "| Measurement | Median ms | Min ms | × wire floor | Notes |");
        Line(md, "|---|---:|---:|---:|---|");
        Row(md, "Wire floor: one retrieval of the combined filter (our fetch's pages, nothing parsed)", r.WireFloor, floor,
            F($"CPU: bench {r.WireFloorCpu.Median:F0} ms, simulator {r.SimulatorCpu.Median:F0} ms"));
        Row(md, "Our fetch (pages parsed + InventoryBuilder)", r.Fetch, floor, F($"CPU: bench {r.FetchCpu.Median:F0} ms"));
        var syncFloor = r.SyncFloor.Count > 0 ? r.SyncFloor.Median : floor;
        if (r.SyncFloor.Count > 0)
        {
            Row(md, "Wire floor of the sync's two retrievals (the base of the rows below)", r.SyncFloor, floor,
                F($"CPU: simulator {r.SyncFloorSimulatorCpu.Median:F0} ms"));
        }

        SyncRows(md, "SQLite", r.Sqlite, syncFloor);
        SyncRows(md, "PostgreSQL", r.Postgres, syncFloor);
        if (r.PyVmomi is { } py)
        {
            Row(md, $"pyVmomi {py.Version} fetch (in the interpreter)", py.Fetch, floor,
                F($"{py.Objects:N0} objects, {py.Pages} pages; {py.Fetch.Median / r.Fetch.Median:F1}× our fetch"));
            Line(md, F($"| pyVmomi one-shot (interpreter start, import {py.ImportMs:F0} ms, login {py.LoginMs:F0} ms, first fetch) | {py.OneShotMs:F0} | | {py.OneShotMs / floor:F1} | whole script {py.ProcessWallMs:F0} ms |"));
        }

        PeakRow(md, "SQLite", r.SqlitePeak);
        PeakRow(md, "PostgreSQL", r.PostgresPeak);
        Line(md, string.Empty);
        if (r.Probes.Count > 0)
        {
            Line(md, $"Page size ({r.Size}): the same fetch asking for different `maxObjects` (the simulator caps pages at 1,000, like vCenter's default policy).");
            Line(md, string.Empty);
            Line(md, "| maxObjects asked | Pages | Wire floor median ms | Fetch median ms | Fetch min ms |");
            Line(md, "|---|---:|---:|---:|---:|");
            foreach (var p in r.Probes)
            {
                Line(md, F($"| {p.Asked?.ToString(CultureInfo.InvariantCulture) ?? "unset (server default)"} | {p.Pages} | {p.WireFloor.Median:F0} | {p.Fetch.Median:F0} | {p.Fetch.Min:F0} |"));
            }

            Line(md, string.Empty);
        }
    }

    private static void SyncRows(StringBuilder md, string database, SyncSamples? s, double floor)
    {
        if (s is null)
        {
            return;
        }

        Row(md, $"Whole sync into a new {database} database", s.First, floor,
            F($"fetch {s.FirstFetch.Median:F0} + write {s.FirstWrite.Median:F0} ms; {s.FirstRowsWritten:N0} rows written"));
        Row(md, $"Unchanged re-sync, {database}", s.Unchanged, floor,
            F($"write {s.UnchangedWrite.Median:F0} ms; **{s.UnchangedRowsWritten} rows written**"));
    }

    private static void PeakRow(StringBuilder md, string database, PeakMemory? peak)
    {
        if (peak is not null)
        {
            Line(md, F($"| Whole sync into {database}, alone in a child process (cold, JIT included) | {peak.ElapsedMs:F0} | | | peak RSS **{peak.PeakWorkingSetBytes / 1e6:F0} MB**, {peak.AllocatedBytes / 1e6:F0} MB allocated |"));
        }
    }

    private static void Row(StringBuilder md, string name, Samples s, double floor, string notes) =>
        Line(md, F($"| {name} | {s.Median:F0} | {s.Min:F0} | {s.Median / floor:F2} | {notes} |"));

    private static void Targets(StringBuilder md, IReadOnlyList<SizeResult> results)
    {
        Line(md, "## Targets (ratios within this run)");
        Line(md, string.Empty);
        Line(md, "| Target | Figure | Met |");
        Line(md, "|---|---|---|");
        if (results.FirstOrDefault(r => r.Size == "plan") is { Sqlite: { } planSync } plan)
        {
            Target(md, "plan: whole sync (SQLite) under 150 ms", F($"{planSync.First.Median:F0} ms (plan: 15,000-30,000 ms)"), planSync.First.Median < PlanSyncTargetMs);
            if (plan.Postgres is { } planPg)
            {
                Target(md, "plan: whole sync (PostgreSQL) under 150 ms", F($"{planPg.First.Median:F0} ms"), planPg.First.Median < PlanSyncTargetMs);
            }

            if (plan.PyVmomi is { } py)
            {
                var ratio = py.Fetch.Median / planSync.First.Median;
                Target(md, "plan: whole sync ≥ 2× faster than pyVmomi's fetch alone", F($"{ratio:F1}× ({py.Fetch.Median:F0} vs {planSync.First.Median:F0} ms)"), ratio >= 2);
            }
        }

        if (results.FirstOrDefault(r => r.Size == "10k") is { } tenK)
        {
            var overFloor = tenK.Fetch.Median / tenK.WireFloor.Median;
            Target(md, "10k: fetch within 1.3× the wire floor", F($"{overFloor:F2}× ({tenK.Fetch.Median:F0} vs {tenK.WireFloor.Median:F0} ms)"), overFloor <= 1.3);
            if (tenK.PyVmomi is { } py)
            {
                var ratio = py.Fetch.Median / tenK.Fetch.Median;
                Target(md, "10k: fetch ≥ 3× faster than pyVmomi", F($"{ratio:F1}× ({py.Fetch.Median:F0} vs {tenK.Fetch.Median:F0} ms)"), ratio >= 3);
            }
        }

        if (results.FirstOrDefault(r => r.Size == "max") is { } max)
        {
            foreach (var (database, sync, peak) in new[] { ("SQLite", max.Sqlite, max.SqlitePeak), ("PostgreSQL", max.Postgres, max.PostgresPeak) })
            {
                if (sync is not null)
                {
                    Target(md, $"max: whole sync ({database}) under 4 s", F($"{sync.First.Median:F0} ms"), sync.First.Median < MaxSyncTargetMs);
                }

                if (peak is not null)
                {
                    Target(md, $"max: peak memory of the whole sync ({database}) under 250 MB", F($"{peak.PeakWorkingSetBytes / 1e6:F0} MB"), peak.PeakWorkingSetBytes < PeakTargetBytes);
                }
            }
        }

        foreach (var r in results)
        {
            foreach (var (database, sync) in new[] { ("SQLite", r.Sqlite), ("PostgreSQL", r.Postgres) })
            {
                if (sync is not null)
                {
                    Target(md, $"{r.Size}: unchanged re-sync ({database}) writes zero rows", F($"{sync.UnchangedRowsWritten} rows"), sync.UnchangedRowsWritten == 0);
                }
            }
        }

        Line(md, string.Empty);
    }

    private static void Target(StringBuilder md, string target, string figure, bool met) =>
        Line(md, $"| {target} | {figure} | {(met ? "yes" : "**no**")} |");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');
}

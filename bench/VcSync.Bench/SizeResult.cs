namespace VcSync.Bench;

/// <summary>Everything measured for one world size, on one simulator.</summary>
internal sealed class SizeResult
{
    public required string Size { get; init; }

    public required int Vms { get; init; }

    public required int Hosts { get; init; }

    public required int Datastores { get; init; }

    /// <summary>The page size asked for; null = the server's default.</summary>
    public required int? PageSize { get; init; }

    public long Objects { get; set; }

    public long Pages { get; set; }

    public long Bytes { get; set; }

    public Samples WireFloor { get; } = new();

    /// <summary>The floor of the sync's own two retrievals (everything but the VMs, then the VMs): the whole sync's base.</summary>
    public Samples SyncFloor { get; } = new();

    /// <summary>The simulator's CPU for <see cref="SyncFloor"/>.</summary>
    public Samples SyncFloorSimulatorCpu { get; } = new();

    public Samples Fetch { get; } = new();

    /// <summary>CPU time of the bench process during the wire-floor fetch.</summary>
    public Samples WireFloorCpu { get; } = new();

    /// <summary>CPU time of the bench process during our fetch.</summary>
    public Samples FetchCpu { get; } = new();

    /// <summary>CPU time of the simulator per fetch (either kind: it serves the same pages).</summary>
    public Samples SimulatorCpu { get; } = new();

    public SyncSamples? Sqlite { get; set; }

    public SyncSamples? Postgres { get; set; }

    public PyVmomiResult? PyVmomi { get; set; }

    public PeakMemory? SqlitePeak { get; set; }

    public PeakMemory? PostgresPeak { get; set; }

    /// <summary>Fetch medians by page size asked for (null = server default), with the pages each took.</summary>
    public List<PageProbe> Probes { get; } = [];
}

/// <summary>One page size tried for the fetch.</summary>
internal sealed record PageProbe(int? Asked, long Pages, Samples WireFloor, Samples Fetch);

/// <summary>A whole sync into one kind of database: the first sync into an empty database, then an unchanged one.</summary>
internal sealed class SyncSamples
{
    public Samples First { get; } = new();

    public Samples FirstFetch { get; } = new();

    public Samples FirstWrite { get; } = new();

    public Samples Unchanged { get; } = new();

    public Samples UnchangedWrite { get; } = new();

    public int FirstRowsWritten { get; set; }

    /// <summary>The largest rows-written count of any unchanged re-sync (the target is 0).</summary>
    public int UnchangedRowsWritten { get; set; }
}

/// <summary>A whole sync run alone in a child process.</summary>
internal sealed record PeakMemory(double ElapsedMs, long PeakWorkingSetBytes, long AllocatedBytes, int RowsWritten);

/// <summary>pyVmomi's fetch: timed inside the interpreter, plus the one-shot time from process start.</summary>
internal sealed record PyVmomiResult(
    string Version, Samples Fetch, long Objects, long Pages, double ImportMs, double LoginMs, double OneShotMs, double ProcessWallMs);

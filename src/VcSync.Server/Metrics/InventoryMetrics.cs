using System.Diagnostics.Metrics;
using VcSync.Storage.Reads;

namespace VcSync.Server.Metrics;

/// <summary>
/// The metrics <c>/metrics</c> serves, all observed from <see cref="InventoryFigures"/> that the scrape has just read
/// from the database (<see cref="MetricsRefresh"/>): no vCenter call, a few grouped queries per scrape.
/// </summary>
internal sealed class InventoryMetrics : IDisposable
{
    public const string MeterName = "VcSync";

    private readonly Meter _meter = new(MeterName);
    private readonly TimeProvider _time;
    private InventoryFigures _figures = new();

    public InventoryMetrics(TimeProvider time)
    {
        _time = time;
        _meter.CreateObservableGauge("vcsync.vms", () => Measure(_figures.VmsByPowerState, "power_state"), "{vm}", "VMs by power state");
        _meter.CreateObservableGauge("vcsync.hosts", () => Measure(_figures.HostsByConnectionState, "connection_state"), "{host}", "ESXi hosts by connection state");
        _meter.CreateObservableGauge("vcsync.alarms", () => Measure(_figures.AlarmsByStatus, "status"), "{alarm}", "Triggered alarms by status");
        _meter.CreateObservableGauge(
            "vcsync.datastore.capacity",
            () => _figures.Datastores.Select(d => new Measurement<long>(d.CapacityBytes, Tag("vcenter", d.VCenter), Tag("datastore", d.Datastore))),
            "By",
            "Datastore capacity");
        _meter.CreateObservableGauge(
            "vcsync.datastore.free",
            () => _figures.Datastores.Select(d => new Measurement<long>(d.FreeBytes, Tag("vcenter", d.VCenter), Tag("datastore", d.Datastore))),
            "By",
            "Datastore free space");
        _meter.CreateObservableGauge("vcsync.jobs.queued", () => _figures.PendingJobs, "{job}", "Jobs waiting for a worker (queue depth)");
        _meter.CreateObservableGauge("vcsync.jobs.running", () => _figures.RunningJobs, "{job}", "Jobs a worker is running");
        _meter.CreateObservableCounter("vcsync.sync.jobs", () => Measure(_figures.FinishedJobs, "status"), "{job}", "Sync jobs ended, by status (failed: the failures)");
        _meter.CreateObservableGauge(
            "vcsync.sync.last_success.age",
            () => _figures.LastSyncs.Where(s => s.CompletedAt is not null)
                .Select(s => new Measurement<double>((_time.GetUtcNow() - s.CompletedAt!.Value).TotalSeconds, Tag("vcenter", s.VCenter))),
            "s",
            "Time since the last successful sync");
        _meter.CreateObservableGauge(
            "vcsync.sync.last.duration",
            () => _figures.LastSyncs.Where(s => s.Duration is not null)
                .Select(s => new Measurement<double>(s.Duration!.Value.TotalSeconds, Tag("vcenter", s.VCenter))),
            "s",
            "How long the last successful sync job ran");
        _meter.CreateObservableGauge(
            "vcsync.sync.last.objects",
            () => _figures.LastSyncs.Where(s => s.Objects is not null)
                .Select(s => new Measurement<long>(s.Objects!.Value, Tag("vcenter", s.VCenter))),
            "{object}",
            "Objects the last successful sync job fetched");
        CreateWatcherInstruments();
    }

    private void CreateWatcherInstruments()
    {
        _meter.CreateObservableGauge(
            "vcsync.watcher.lag",
            () => _figures.Watchers.Where(w => w.LagMs is not null)
                .Select(w => new Measurement<double>(w.LagMs!.Value / 1000.0, Tag("vcenter", w.VCenterName))),
            "s",
            "Watcher lag: from the last update set's arrival from vCenter to its commit");
        _meter.CreateObservableGauge(
            "vcsync.watcher.last_update.age",
            () => _figures.Watchers.Where(w => w.LastUpdateAt is not null)
                .Select(w => new Measurement<double>((_time.GetUtcNow() - w.LastUpdateAt!.Value).TotalSeconds, Tag("vcenter", w.VCenterName))),
            "s",
            "Time since the watcher last applied an update set");
        _meter.CreateObservableGauge(
            "vcsync.watcher.heartbeat.age",
            () => _figures.Watchers.Select(w => new Measurement<double>((_time.GetUtcNow() - w.HeartbeatAt).TotalSeconds, Tag("vcenter", w.VCenterName))),
            "s",
            "Time since the watcher's last heartbeat (it is taken over when stale)");
        _meter.CreateObservableGauge(
            "vcsync.watcher.status",
            () => _figures.Watchers.Select(w => new Measurement<int>(1, Tag("vcenter", w.VCenterName), Tag("status", w.Status))),
            "{watcher}",
            "The watcher's status (starting, syncing, watching, recovering, stopped, failed), 1 per watched vCenter");
        _meter.CreateObservableCounter(
            "vcsync.watcher.updates",
            () => _figures.Watchers.Select(w => new Measurement<long>(w.UpdatesApplied, Tag("vcenter", w.VCenterName))),
            "{update}",
            "Update sets the watcher applied");
    }

    /// <summary>Takes the figures the next collection reports.</summary>
    public void Update(InventoryFigures figures) => _figures = figures;

    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<long>> Measure(IReadOnlyList<(string VCenter, string Label, long Count)> groups, string label) =>
        groups.Select(g => new Measurement<long>(g.Count, Tag("vcenter", g.VCenter), Tag(label, g.Label)));

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);
}

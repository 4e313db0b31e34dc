using System.Data.Common;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Reads;

/// <summary>The figures the metrics report (<see cref="InventoryFigures"/>), read in a few grouped queries.</summary>
internal sealed class SqlInventoryFigures
{
    private readonly IInventoryStore _store;
    private readonly ISqlDialect _dialect;

    public SqlInventoryFigures(IInventoryStore store, ISqlDialect dialect)
    {
        _store = store;
        _dialect = dialect;
    }

    /// <summary>Reads the figures on <paramref name="connection"/>.</summary>
    public async Task<InventoryFigures> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var vms = await GroupCountsAsync(connection, "vcenter_vms", "power_state", cancellationToken);
        var hosts = await GroupCountsAsync(connection, "vcenter_hosts", "connection_state", cancellationToken);
        var alarms = await GroupCountsAsync(connection, "vcenter_alarms", "overall_status", cancellationToken);

        List<(string, string, long, long)> datastores = [];
        await using (var command = SqlInventoryReads.Command(
            connection,
            "SELECT v.name, t.name, t.capacity_bytes, COALESCE(t.free_bytes, 0) FROM vcenter_datastores t " +
            "JOIN vcenters v ON v.id = t.source_vcenter_id WHERE t.capacity_bytes IS NOT NULL",
            []))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                datastores.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
            }
        }

        List<(string, string, long)> finished = [];
        long pending = 0, running = 0;
        await using (var command = SqlInventoryReads.Command(
            connection,
            "SELECT COALESCE(v.name, ''), t.status, COUNT(*) FROM jobs t LEFT JOIN vcenters v ON v.id = t.target_vcenter_id GROUP BY v.name, t.status",
            []))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var status = reader.GetString(1);
                var count = reader.GetInt64(2);
                switch (status)
                {
                    case Jobs.JobStatusText.Pending:
                        pending += count;
                        break;
                    case Jobs.JobStatusText.Running:
                        running += count;
                        break;
                    default:
                        if (reader.GetString(0) is { Length: > 0 } vcenter)
                        {
                            finished.Add((vcenter, status, count));
                        }

                        break;
                }
            }
        }

        return new InventoryFigures
        {
            VmsByPowerState = vms,
            HostsByConnectionState = hosts,
            AlarmsByStatus = alarms,
            Datastores = datastores,
            FinishedJobs = finished,
            PendingJobs = pending,
            RunningJobs = running,
            LastSyncs = await LastSyncsAsync(connection, cancellationToken),
            Watchers = await _store.Watchers().ListAsync(cancellationToken),
        };
    }

    private async Task<IReadOnlyList<LastSync>> LastSyncsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var jobs = new Dictionary<string, (DateTimeOffset? Started, DateTimeOffset? Completed, string? Result)>(StringComparer.Ordinal);
        await using (var command = SqlInventoryReads.Command(
            connection,
            "SELECT v.name, t.started_at, t.completed_at, t.result FROM jobs t JOIN vcenters v ON v.id = t.target_vcenter_id " +
            $"WHERE t.status = '{Jobs.JobStatusText.Completed}' AND t.completed_at = " +
            $"(SELECT MAX(j.completed_at) FROM jobs j WHERE j.target_vcenter_id = t.target_vcenter_id AND j.status = '{Jobs.JobStatusText.Completed}')",
            []))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                jobs[reader.GetString(0)] = (
                    (DateTimeOffset?)_dialect.Read(reader, 1, ColumnKind.Timestamp),
                    (DateTimeOffset?)_dialect.Read(reader, 2, ColumnKind.Timestamp),
                    (string?)_dialect.Read(reader, 3, ColumnKind.Json));
            }
        }

        List<LastSync> syncs = [];
        foreach (var vcenter in await _store.ListVCentersAsync(cancellationToken))
        {
            var job = jobs.GetValueOrDefault(vcenter.Name);
            var completedAt = vcenter.LastSyncStatus == SyncStatus.Completed ? vcenter.LastSyncAt : null;
            if (job.Completed is { } jobEnd && (completedAt is null || jobEnd > completedAt))
            {
                completedAt = jobEnd;
            }

            if (completedAt is null && job.Completed is null)
            {
                continue;
            }

            syncs.Add(new LastSync(vcenter.Name, completedAt, job.Completed - job.Started, TotalObjects(job.Result)));
        }

        return syncs;
    }

    private static long? TotalObjects(string? resultJson)
    {
        if (resultJson is null)
        {
            return null;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(resultJson);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                   && document.RootElement.TryGetProperty("total_objects", out var total) && total.TryGetInt64(out var value)
                ? value
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<(string, string, long)>> GroupCountsAsync(
        DbConnection connection, string table, string column, CancellationToken cancellationToken)
    {
        // Grouped by id first (an index scan), then named: the join touches one row per group, not per object.
        List<(string, string, long)> groups = [];
        await using var command = SqlInventoryReads.Command(
            connection,
            $"SELECT v.name, g.state, g.n FROM (SELECT source_vcenter_id, COALESCE({column}, 'unknown') AS state, COUNT(*) AS n " +
            $"FROM {table} GROUP BY source_vcenter_id, {column}) g JOIN vcenters v ON v.id = g.source_vcenter_id",
            []);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            groups.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return groups;
    }
}

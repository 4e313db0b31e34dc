using System.Data.Common;
using VcSync.Inventory;
using VcSync.Storage.Postgres;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Servers;

/// <summary>
/// Auto-linking of ESXi hosts and Dell servers, run inside the caller's transaction after a sync's write and after a
/// server import. A host and a server are linked when the host's <c>serial_number</c>, trimmed and upper-cased
/// (<see cref="ServiceTagRules.NormalizeForLinking"/>), equals the server's <c>service_tag</c> and no other host in any
/// vCenter has that serial. The pass computes the whole wanted pairing from every host and server and writes only the
/// rows whose link differs, so a pass over links that are already right writes nothing. It takes the linking lock itself.
/// </summary>
internal sealed class ServerLinker
{
    private readonly ISqlDialect _dialect;

    public ServerLinker(ISqlDialect dialect)
    {
        _dialect = dialect;
    }

    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">The caller's transaction; the links commit or roll back with it.</param>
    /// <param name="at">The time of new links (<c>servers.linked_at</c>).</param>
    /// <param name="ambiguousScope">Count ambiguous hosts of this vCenter only; null counts every host.</param>
    /// <param name="cancellationToken">Cancels the pass.</param>
    public async Task<LinkResult> LinkAsync(
        DbConnection connection, DbTransaction transaction, DateTimeOffset at, Guid? ambiguousScope, CancellationToken cancellationToken)
    {
        // A pass reads every vCenter's hosts: two passes at once would each miss the other's hosts. The lock is held to
        // commit (transaction-scoped on PostgreSQL; SQLite's write lock does it already), so the second sees the first's rows.
        await _dialect.LockAsync(connection, transaction, AdvisoryLockKeys.Linking, cancellationToken);
        var hosts = await LoadHostsAsync(connection, transaction, cancellationToken);
        var servers = await LoadServersAsync(connection, transaction, cancellationToken);

        // Which hosts claim each normalized serial, across every vCenter.
        var hostsBySerial = new Dictionary<string, List<HostLink>>(StringComparer.Ordinal);
        foreach (var host in hosts)
        {
            if (ServiceTagRules.NormalizeForLinking(host.Serial) is { } serial)
            {
                if (!hostsBySerial.TryGetValue(serial, out var list))
                {
                    hostsBySerial.Add(serial, list = []);
                }

                list.Add(host);
            }
        }

        var ambiguous = 0;
        foreach (var list in hostsBySerial.Values)
        {
            if (list.Count > 1)
            {
                ambiguous += ambiguousScope is { } scope ? list.Count(h => h.VCenterId == scope) : list.Count;
            }
        }

        var wantedServerOfHost = new Dictionary<Guid, Guid>();
        int linked = 0, cleared = 0;
        var linkedAt = ContractValue.Truncate(at);
        foreach (var server in servers)
        {
            Guid? wanted = ServiceTagRules.NormalizeForLinking(server.ServiceTag) is { } tag
                && hostsBySerial.TryGetValue(tag, out var candidates) && candidates.Count == 1
                ? candidates[0].Id
                : null;
            if (wanted is { } hostId)
            {
                wantedServerOfHost[hostId] = server.Id;
            }

            if (wanted == server.HostId && (wanted is null) == (server.LinkedAt is null))
            {
                continue;
            }

            if (wanted is not null && wanted != server.HostId)
            {
                linked++;
            }
            else if (wanted is null && server.HostId is not null)
            {
                cleared++;
            }

            // A link kept as it is (only a stale linked_at fixed) keeps its time.
            var time = wanted is null ? (DateTimeOffset?)null : wanted == server.HostId ? server.LinkedAt ?? linkedAt : linkedAt;
            await connection.ExecuteAsync(transaction,
                "UPDATE servers SET vcenter_host_id = @host, linked_at = @at WHERE id = @id",
                cancellationToken,
                _dialect.Parameter("host", ColumnKind.Uuid, wanted),
                _dialect.Parameter("at", ColumnKind.Timestamp, time),
                _dialect.Parameter("id", ColumnKind.Uuid, server.Id));
        }

        // The host side mirrors the server side. server_id is not a vCenter property: the sync's change detection
        // never compares it, and this touches neither last_sync_at nor any other column.
        foreach (var host in hosts)
        {
            Guid? wanted = wantedServerOfHost.TryGetValue(host.Id, out var serverId) ? serverId : null;
            if (wanted == host.ServerId)
            {
                continue;
            }

            await connection.ExecuteAsync(transaction,
                "UPDATE vcenter_hosts SET server_id = @server WHERE id = @id",
                cancellationToken,
                _dialect.Parameter("server", ColumnKind.Uuid, wanted),
                _dialect.Parameter("id", ColumnKind.Uuid, host.Id));
        }

        return new LinkResult(linked, ambiguous, cleared);
    }

    private async Task<List<HostLink>> LoadHostsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // Hosts without a serial matter only when they still hold a link to clear.
        await using var command = connection.Command(transaction,
            "SELECT id, source_vcenter_id, serial_number, server_id FROM vcenter_hosts " +
            "WHERE serial_number IS NOT NULL OR server_id IS NOT NULL");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var hosts = new List<HostLink>();
        while (await reader.ReadAsync(cancellationToken))
        {
            hosts.Add(new HostLink(
                (Guid)_dialect.Read(reader, 0, ColumnKind.Uuid)!,
                (Guid)_dialect.Read(reader, 1, ColumnKind.Uuid)!,
                (string?)_dialect.Read(reader, 2, ColumnKind.Text),
                (Guid?)_dialect.Read(reader, 3, ColumnKind.Uuid)));
        }

        return hosts;
    }

    private async Task<List<ServerLink>> LoadServersAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, "SELECT id, service_tag, vcenter_host_id, linked_at FROM servers");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var servers = new List<ServerLink>();
        while (await reader.ReadAsync(cancellationToken))
        {
            servers.Add(new ServerLink(
                (Guid)_dialect.Read(reader, 0, ColumnKind.Uuid)!,
                (string)_dialect.Read(reader, 1, ColumnKind.Text)!,
                (Guid?)_dialect.Read(reader, 2, ColumnKind.Uuid),
                (DateTimeOffset?)_dialect.Read(reader, 3, ColumnKind.Timestamp)));
        }

        return servers;
    }


    private sealed record HostLink(Guid Id, Guid VCenterId, string? Serial, Guid? ServerId);

    private sealed record ServerLink(Guid Id, string ServiceTag, Guid? HostId, DateTimeOffset? LinkedAt);
}

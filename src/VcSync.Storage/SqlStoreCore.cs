using System.Data.Common;
using System.Globalization;
using System.Text;
using VcSync.Storage.Schema;

namespace VcSync.Storage;

/// <summary>
/// The SQL both stores run alike: the vCenter registry, the activity log, sync bookkeeping and listings. Everything
/// goes through parameters; table and column names come from <see cref="ContractSchema"/> only.
/// </summary>
internal sealed class SqlStoreCore
{
    private const string VCenterColumns =
        "id, name, url, username, tls_thumbprint, tls_insecure, enabled, instance_uuid, api_version, " +
        "last_sync_at, last_sync_status, last_sync_error";

    private readonly ISqlDialect _dialect;

    public SqlStoreCore(ISqlDialect dialect)
    {
        _dialect = dialect;
    }

    public async Task<IReadOnlyList<VCenterRow>> ListVCentersAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var order = _dialect.OrderBy(ContractSchema.VCenters.Columns[1]);
        return await QueryVCentersAsync(connection, $"SELECT {VCenterColumns} FROM vcenters ORDER BY {order}", [], cancellationToken);
    }

    public async Task<VCenterRow?> FindVCenterAsync(
        DbConnection connection, string column, ColumnKind kind, object value, CancellationToken cancellationToken)
    {
        var rows = await QueryVCentersAsync(
            connection, $"SELECT {VCenterColumns} FROM vcenters WHERE {column} = @value", [_dialect.Parameter("value", kind, value)], cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<VCenterRow> AddVCenterAsync(
        DbConnection connection, VCenterRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var row = new VCenterRow
        {
            Id = Guid.NewGuid(),
            Name = registration.Name,
            Url = registration.Url,
            Username = registration.Username,
            TlsThumbprint = registration.TlsThumbprint,
            TlsInsecure = registration.TlsInsecure,
            Enabled = true,
        };
        await using var command = connection.Command(null,
            "INSERT INTO vcenters (id, name, url, username, tls_thumbprint, tls_insecure, enabled) " +
            "VALUES (@id, @name, @url, @username, @tls_thumbprint, @tls_insecure, @enabled)",
            RegistrationParameters(row));
        await ExecuteRegistryChangeAsync(command, row.Name, row.Url, cancellationToken);
        return row;
    }

    public async Task<bool> UpdateVCenterAsync(DbConnection connection, VCenterRow vcenter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vcenter);
        await using var command = connection.Command(null,
            "UPDATE vcenters SET name = @name, url = @url, username = @username, tls_thumbprint = @tls_thumbprint, " +
            "tls_insecure = @tls_insecure, enabled = @enabled WHERE id = @id",
            RegistrationParameters(vcenter));
        return await ExecuteRegistryChangeAsync(command, vcenter.Name, vcenter.Url, cancellationToken) == 1;
    }

    private DbParameter[] RegistrationParameters(VCenterRow vcenter) =>
    [
        _dialect.Parameter("id", ColumnKind.Uuid, vcenter.Id),
        _dialect.Parameter("name", ColumnKind.Text, vcenter.Name),
        _dialect.Parameter("url", ColumnKind.Text, vcenter.Url),
        _dialect.Parameter("username", ColumnKind.Text, vcenter.Username),
        _dialect.Parameter("tls_thumbprint", ColumnKind.Text, vcenter.TlsThumbprint),
        _dialect.Parameter("tls_insecure", ColumnKind.Boolean, vcenter.TlsInsecure),
        _dialect.Parameter("enabled", ColumnKind.Boolean, vcenter.Enabled),
    ];

    public async Task<bool> RemoveVCenterAsync(DbConnection connection, Guid id, CancellationToken cancellationToken)
    {
        // The vcenters row goes first: on PostgreSQL its delete waits for a write of the vCenter's rows in progress
        // (each holds the row FOR KEY SHARE), and the rows that write committed go with the others below. The inventory
        // tables have no foreign key to vcenters there (migration 0010); jobs and watchers go by theirs.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var removed = await connection.ExecuteAsync(
            transaction, "DELETE FROM vcenters WHERE id = @id", cancellationToken, _dialect.Parameter("id", ColumnKind.Uuid, id)) == 1;
        if (removed)
        {
            foreach (var table in ContractSchema.Tables.Where(t => t.VCenterColumn == "source_vcenter_id"))
            {
                await connection.ExecuteAsync(
                    transaction, $"DELETE FROM {table.Name} WHERE source_vcenter_id = @id", cancellationToken,
                    _dialect.Parameter("id", ColumnKind.Uuid, id));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    /// <summary>Runs an insert or update of <c>vcenters</c>, turning a duplicate name or URL into a plain message.</summary>
    private async Task<int> ExecuteRegistryChangeAsync(DbCommand command, string name, string url, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException exception) when (_dialect.IsUniqueViolation(exception))
        {
            throw new InvalidOperationException(
                $"Another vCenter is already registered with the name '{name}' or the URL '{url}'.", exception);
        }
    }

    /// <summary>
    /// Throws unless the vCenter is registered, so a write for an unknown one fails with a clear message; else keeps its
    /// row until the transaction ends, so the vCenter cannot be removed under the write (the inventory tables have no
    /// foreign key to it on PostgreSQL).
    /// </summary>
    public async Task EnsureVCenterExistsAsync(
        DbConnection connection, DbTransaction transaction, Guid id, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            transaction, "SELECT 1 FROM vcenters WHERE id = @id" + _dialect.KeyShareClause, _dialect.Parameter("id", ColumnKind.Uuid, id));
        if (await command.ExecuteScalarAsync(cancellationToken) is null)
        {
            throw new InvalidOperationException($"vCenter {id} is not registered.");
        }
    }

    public Task RecordSyncSuccessAsync(
        DbConnection connection, DbTransaction transaction, SyncWrite write, CancellationToken cancellationToken) =>
        RecordSyncSuccessAsync(connection, transaction, write.VCenterId, write.InstanceUuid, write.ApiVersion, write.SyncedAt, cancellationToken);

    public async Task RecordSyncSuccessAsync(
        DbConnection connection, DbTransaction transaction, Guid vcenterId, string? instanceUuid, string? apiVersion, DateTimeOffset syncedAt,
        CancellationToken cancellationToken)
    {
        // A sync that could not read about.* keeps what an earlier one read.
        await using var command = connection.Command(transaction,
            "UPDATE vcenters SET instance_uuid = COALESCE(@instance_uuid, instance_uuid), " +
            "api_version = COALESCE(@api_version, api_version), last_sync_at = @at, " +
            $"last_sync_status = '{SyncStatusText.Completed}', last_sync_error = NULL WHERE id = @id",
            _dialect.Parameter("id", ColumnKind.Uuid, vcenterId),
            _dialect.Parameter("instance_uuid", ColumnKind.Text, instanceUuid),
            _dialect.Parameter("api_version", ColumnKind.Text, apiVersion),
            _dialect.Parameter("at", ColumnKind.Timestamp, ContractValue.Truncate(syncedAt)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RecordSyncFailureAsync(
        DbConnection connection, DbTransaction transaction, SyncFailure failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        await using var command = connection.Command(transaction,
            "UPDATE vcenters SET last_sync_at = @at, last_sync_status = @status, last_sync_error = @error WHERE id = @id",
            _dialect.Parameter("id", ColumnKind.Uuid, failure.VCenterId),
            _dialect.Parameter("status", ColumnKind.Text, failure.Status.ToText()),
            _dialect.Parameter("error", ColumnKind.Text, failure.Error),
            _dialect.Parameter("at", ColumnKind.Timestamp, ContractValue.Truncate(failure.At)));
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InvalidOperationException($"vCenter {failure.VCenterId} is not registered.");
        }

        await InsertActivitiesAsync(connection, transaction, failure.Activities, cancellationToken);
    }

    public async Task InsertActivitiesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ActivityRecord> activities, CancellationToken cancellationToken)
    {
        foreach (var activity in activities)
        {
            await using var command = connection.Command(transaction,
                "INSERT INTO idrac_commands (id, job_id, server_id, operation_type, operation, endpoint, success, " +
                "response_time_ms, details, error_message, created_at) VALUES (@id, @job_id, NULL, 'vcenter_api', " +
                "@operation, @endpoint, @success, @response_time_ms, @details, @error_message, @created_at)",
                _dialect.Parameter("id", ColumnKind.Uuid, Guid.CreateVersion7()),
                _dialect.Parameter("job_id", ColumnKind.Uuid, activity.JobId),
                _dialect.Parameter("operation", ColumnKind.Text, activity.Operation),
                _dialect.Parameter("endpoint", ColumnKind.Text, activity.Endpoint),
                _dialect.Parameter("success", ColumnKind.Boolean, activity.Success),
                _dialect.Parameter("response_time_ms", ColumnKind.Integer, activity.ResponseTimeMs),
                _dialect.Parameter("details", ColumnKind.Json, activity.DetailsJson),
                _dialect.Parameter("error_message", ColumnKind.Text, activity.ErrorMessage),
                _dialect.Parameter("created_at", ColumnKind.Timestamp, ContractValue.Truncate(activity.CreatedAt)));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ListRowsAsync(
        DbConnection connection, string table, Guid? vcenterId, CancellationToken cancellationToken)
    {
        var schema = ContractSchema.Get(table);
        var sql = new StringBuilder("SELECT ")
            .AppendJoin(", ", schema.Columns.Select(c => c.Name))
            .Append(" FROM ").Append(schema.Name);
        List<DbParameter> parameters = [];
        if (vcenterId is { } id)
        {
            var column = schema.VCenterColumn
                ?? throw new ArgumentException($"Rows of {schema.Name} do not belong to a vCenter.", nameof(vcenterId));
            sql.Append(" WHERE ").Append(column).Append(" = @vcenter");
            parameters.Add(_dialect.Parameter("vcenter", ColumnKind.Uuid, id));
        }

        sql.Append(" ORDER BY ").AppendJoin(", ", schema.OrderBy.Select(name => _dialect.OrderBy(schema.FindColumn(name)!)));

        await using var command = connection.Command(null, sql.ToString(), [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new Dictionary<string, object?>(schema.Columns.Count, StringComparer.Ordinal);
            for (var i = 0; i < schema.Columns.Count; i++)
            {
                row.Add(schema.Columns[i].Name, _dialect.Read(reader, i, schema.Columns[i].Kind));
            }

            rows.Add(row);
        }

        return rows;
    }

    public async Task<IReadOnlyDictionary<string, long>> CountRowsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in ContractSchema.Tables)
        {
            await using var command = connection.Command(null, $"SELECT COUNT(*) FROM {table.Name}");
            counts.Add(table.Name, Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture));
        }

        return counts;
    }

    private async Task<IReadOnlyList<VCenterRow>> QueryVCentersAsync(
        DbConnection connection, string sql, DbParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<VCenterRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new VCenterRow
            {
                Id = (Guid)_dialect.Read(reader, 0, ColumnKind.Uuid)!,
                Name = (string)_dialect.Read(reader, 1, ColumnKind.Text)!,
                Url = (string)_dialect.Read(reader, 2, ColumnKind.Text)!,
                Username = (string)_dialect.Read(reader, 3, ColumnKind.Text)!,
                TlsThumbprint = (string?)_dialect.Read(reader, 4, ColumnKind.Text),
                TlsInsecure = (bool)_dialect.Read(reader, 5, ColumnKind.Boolean)!,
                Enabled = (bool)_dialect.Read(reader, 6, ColumnKind.Boolean)!,
                InstanceUuid = (string?)_dialect.Read(reader, 7, ColumnKind.Text),
                ApiVersion = (string?)_dialect.Read(reader, 8, ColumnKind.Text),
                LastSyncAt = (DateTimeOffset?)_dialect.Read(reader, 9, ColumnKind.Timestamp),
                LastSyncStatus = _dialect.Read(reader, 10, ColumnKind.Text) is string status ? SyncStatusText.Parse(status) : null,
                LastSyncError = (string?)_dialect.Read(reader, 11, ColumnKind.Text),
            });
        }

        return rows;
    }
}

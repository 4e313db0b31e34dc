using System.Data.Common;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Servers;

/// <summary>Upserts servers by service tag inside the caller's transaction; writes only rows that differ.</summary>
internal sealed class ServerImporter
{
    private readonly ISqlDialect _dialect;

    public ServerImporter(ISqlDialect dialect)
    {
        _dialect = dialect;
    }

    /// <summary>The tag as <c>servers.service_tag</c> stores it.</summary>
    public static string NormalizeTag(string tag) => tag.Trim().ToUpperInvariant();

    /// <exception cref="ArgumentException">A row has an empty service tag, or two rows have the same one.</exception>
    public async Task<(int New, int Updated, int Unchanged)> UpsertAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ServerImportRow> rows, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<string, ServerImportRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var tag = NormalizeTag(row.ServiceTag ?? string.Empty);
            if (tag.Length == 0)
            {
                throw new ArgumentException("A server has an empty service tag.", nameof(rows));
            }

            if (!wanted.TryAdd(tag, row with { ServiceTag = tag, Hostname = Blank(row.Hostname), Model = Blank(row.Model), IdracIp = Blank(row.IdracIp) }))
            {
                throw new ArgumentException($"Service tag {tag} occurs twice.", nameof(rows));
            }
        }

        var existing = new Dictionary<string, (Guid Id, ServerImportRow Row)>(StringComparer.Ordinal);
        await using (var select = connection.Command(transaction, "SELECT id, service_tag, hostname, model, idrac_ip FROM servers"))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var tag = (string)_dialect.Read(reader, 1, ColumnKind.Text)!;
                existing[tag] = ((Guid)_dialect.Read(reader, 0, ColumnKind.Uuid)!, new ServerImportRow
                {
                    ServiceTag = tag,
                    Hostname = (string?)_dialect.Read(reader, 2, ColumnKind.Text),
                    Model = (string?)_dialect.Read(reader, 3, ColumnKind.Text),
                    IdracIp = (string?)_dialect.Read(reader, 4, ColumnKind.Text),
                });
            }
        }

        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var (tag, row) in wanted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (existing.TryGetValue(tag, out var current))
            {
                if (current.Row == row)
                {
                    unchanged++;
                    continue;
                }

                await connection.ExecuteAsync(transaction, "UPDATE servers SET hostname = @hostname, model = @model, idrac_ip = @idrac_ip WHERE id = @id",
                    cancellationToken, Values(current.Id, row));
                updated++;
            }
            else
            {
                await connection.ExecuteAsync(transaction,
                    "INSERT INTO servers (id, service_tag, hostname, model, idrac_ip) VALUES (@id, @service_tag, @hostname, @model, @idrac_ip)",
                    cancellationToken, [.. Values(Guid.NewGuid(), row), _dialect.Parameter("service_tag", ColumnKind.Text, tag)]);
                inserted++;
            }
        }

        return (inserted, updated, unchanged);
    }

    private DbParameter[] Values(Guid id, ServerImportRow row) =>
    [
        _dialect.Parameter("id", ColumnKind.Uuid, id),
        _dialect.Parameter("hostname", ColumnKind.Text, row.Hostname),
        _dialect.Parameter("model", ColumnKind.Text, row.Model),
        _dialect.Parameter("idrac_ip", ColumnKind.Text, row.IdracIp),
    ];

    // Unset is NULL, never an empty string.
    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

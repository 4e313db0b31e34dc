using VcSync.Storage.Schema;

namespace VcSync.Storage.Secrets;

/// <summary><see cref="IVCenterPasswordStore"/> in SQL both stores run alike.</summary>
internal sealed class SqlVCenterPasswordStore : IVCenterPasswordStore
{
    private readonly ISqlConnectionSource _source;

    public SqlVCenterPasswordStore(ISqlConnectionSource source)
    {
        _source = source;
    }

    public async Task<bool> SetEncryptedPasswordAsync(Guid vcenterId, string? ciphertext, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null,
            "UPDATE vcenters SET password_encrypted = @password WHERE id = @id",
            _source.Dialect.Parameter("id", ColumnKind.Uuid, vcenterId),
            _source.Dialect.Parameter("password", ColumnKind.Text, ciphertext));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<string?> GetEncryptedPasswordAsync(Guid vcenterId, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null,
            "SELECT password_encrypted FROM vcenters WHERE id = @id",
            _source.Dialect.Parameter("id", ColumnKind.Uuid, vcenterId));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}

namespace VcSync.Storage.Secrets;

/// <summary>
/// <c>vcenters.password_encrypted</c>: a vCenter's password as ciphertext, so unattended workers can log in. The store
/// never sees the plain text or the key; encrypting and decrypting is the caller's (see VcSync.Sync's PasswordProtector).
/// </summary>
public interface IVCenterPasswordStore
{
    /// <summary>Sets (or with null clears) the vCenter's encrypted password.</summary>
    /// <returns>False when no vCenter has this id.</returns>
    Task<bool> SetEncryptedPasswordAsync(Guid vcenterId, string? ciphertext, CancellationToken cancellationToken);

    /// <summary>The vCenter's encrypted password, or null when none is stored.</summary>
    Task<string?> GetEncryptedPasswordAsync(Guid vcenterId, CancellationToken cancellationToken);
}

using System.Security.Cryptography;
using System.Text;

namespace VcSync.Sync.Secrets;

/// <summary>
/// Encrypts vCenter passwords for <c>vcenters.password_encrypted</c> with AES-256-GCM. The text stored is
/// <c>v1:</c> + base64(nonce ‖ tag ‖ ciphertext); the vCenter's id is the associated data, so a ciphertext copied onto
/// another vCenter's row does not decrypt. The key never enters the database (see <see cref="SecretKey"/>).
/// </summary>
public sealed class PasswordProtector
{
    private const string Prefix = "v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key;

    /// <summary>A protector under a 32-byte key.</summary>
    public PasswordProtector(ReadOnlySpan<byte> key)
    {
        if (key.Length != SecretKey.Size)
        {
            throw new ArgumentException($"The key must be {SecretKey.Size} bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>The stored form of <paramref name="password"/> for vCenter <paramref name="vcenterId"/>; a fresh nonce each time.</summary>
    public string Protect(Guid vcenterId, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        var plain = Encoding.UTF8.GetBytes(password);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), vcenterId.ToByteArray());
        CryptographicOperations.ZeroMemory(plain);
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The password from its stored form.</summary>
    /// <exception cref="CryptographicException">Not made by this key for this vCenter, or altered.</exception>
    public string Unprotect(Guid vcenterId, string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        byte[] sealedBytes;
        try
        {
            sealedBytes = stored.StartsWith(Prefix, StringComparison.Ordinal)
                ? Convert.FromBase64String(stored[Prefix.Length..])
                : throw new CryptographicException("unknown format");
        }
        catch (FormatException exception)
        {
            throw new CryptographicException("not base64", exception);
        }

        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("too short");
        }

        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(
            sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain,
            vcenterId.ToByteArray());
        var password = Encoding.UTF8.GetString(plain);
        CryptographicOperations.ZeroMemory(plain);
        return password;
    }
}

using System.Security.Cryptography;
using System.Text;
using VcSync.Storage;
using VcSync.Storage.Secrets;

namespace VcSync.Sync.Secrets;

/// <summary>
/// Finds a registered vCenter's password without a person: <c>VCSYNC_PASSWORD_&lt;NAME&gt;</c> (the name upper-cased,
/// every character but A-Z and 0-9 as <c>_</c>), else the encrypted password stored with the vCenter.
/// </summary>
public sealed class VCenterPasswords
{
    private readonly IVCenterPasswordStore _store;
    private readonly Lazy<PasswordProtector> _protector;

    /// <summary>Passwords from the environment and from <paramref name="store"/>, decrypted under the configured key.</summary>
    public VCenterPasswords(IVCenterPasswordStore store, PasswordProtector? protector = null)
    {
        _store = store;
        _protector = new Lazy<PasswordProtector>(() => protector ?? SecretKey.LoadProtector(createIfMissing: false));
    }

    /// <summary>The environment variable holding <paramref name="vcenterName"/>'s password.</summary>
    public static string VariableFor(string vcenterName)
    {
        ArgumentNullException.ThrowIfNull(vcenterName);
        var name = new StringBuilder("VCSYNC_PASSWORD_");
        foreach (var c in vcenterName.ToUpperInvariant())
        {
            name.Append(c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') ? c : '_');
        }

        return name.ToString();
    }

    /// <summary>Encrypts and stores <paramref name="password"/> for the vCenter (creating the key file if need be).</summary>
    public static async Task StoreAsync(IVCenterPasswordStore store, Guid vcenterId, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var protector = SecretKey.LoadProtector(createIfMissing: true);
        if (!await store.SetEncryptedPasswordAsync(vcenterId, protector.Protect(vcenterId, password), cancellationToken))
        {
            throw new InvalidOperationException($"vCenter {vcenterId} is not registered.");
        }
    }

    /// <summary>The vCenter's password.</summary>
    /// <exception cref="InvalidOperationException">None is configured, or the stored one does not decrypt; the message says what to do.</exception>
    public async Task<string> ResolveAsync(VCenterRow vcenter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vcenter);
        var variable = VariableFor(vcenter.Name);
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        var stored = await _store.GetEncryptedPasswordAsync(vcenter.Id, cancellationToken)
            ?? throw new InvalidOperationException(
                $"no password for vCenter '{vcenter.Name}': set {variable} or store one with 'vcsync vcenters set {vcenter.Name} --password-stdin'");
        try
        {
            return _protector.Value.Unprotect(vcenter.Id, stored);
        }
        catch (CryptographicException)
        {
            throw new InvalidOperationException(
                $"the stored password of vCenter '{vcenter.Name}' does not decrypt: is {SecretKey.KeyVariable} (or the key file) the one it was stored with?");
        }
    }
}

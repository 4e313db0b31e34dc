using System.Security.Cryptography;

namespace VcSync.Sync.Secrets;

/// <summary>
/// Where the password key lives, outside the database: <c>VCSYNC_SECRET_KEY</c> (base64 of 32 bytes), else the key file
/// <c>VCSYNC_SECRET_KEY_FILE</c>, else <c>$XDG_CONFIG_HOME/vcsync/secret.key</c> (<c>~/.config/vcsync/secret.key</c>),
/// created with mode 0600 the first time a password is stored. Every worker that syncs unattended needs the same key.
/// </summary>
public static class SecretKey
{
    /// <summary>AES-256: 32 bytes.</summary>
    public const int Size = 32;

    /// <summary>The variable holding the key itself.</summary>
    public const string KeyVariable = "VCSYNC_SECRET_KEY";

    /// <summary>The variable naming the key file.</summary>
    public const string KeyFileVariable = "VCSYNC_SECRET_KEY_FILE";

    /// <summary>The key file used when <see cref="KeyFileVariable"/> is unset.</summary>
    public static string DefaultKeyFile
    {
        get
        {
            var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
            if (string.IsNullOrEmpty(config))
            {
                config = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
            }

            return Path.Combine(config, "vcsync", "secret.key");
        }
    }

    /// <summary>A protector under the configured key.</summary>
    /// <param name="createIfMissing">Create the key file when neither the variable nor the file exists (storing a password);
    /// false when only reading one back, where a missing key is an error.</param>
    /// <exception cref="InvalidOperationException">No usable key; the message says where one was looked for.</exception>
    public static PasswordProtector LoadProtector(bool createIfMissing)
    {
        if (Environment.GetEnvironmentVariable(KeyVariable) is { Length: > 0 } encoded)
        {
            return new PasswordProtector(Decode(encoded, KeyVariable));
        }

        var path = Environment.GetEnvironmentVariable(KeyFileVariable) is { Length: > 0 } configured ? configured : DefaultKeyFile;
        if (File.Exists(path))
        {
            return new PasswordProtector(Decode(File.ReadAllText(path).Trim(), path));
        }

        if (!createIfMissing)
        {
            throw new InvalidOperationException($"no password key: set {KeyVariable} or provide the key file {path}");
        }

        return new PasswordProtector(Create(path));
    }

    private static byte[] Create(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var key = RandomNumberGenerator.GetBytes(Size);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.WriteLine(Convert.ToBase64String(key));
        }

        return key;
    }

    private static byte[] Decode(string encoded, string source)
    {
        try
        {
            var key = Convert.FromBase64String(encoded.Trim());
            return key.Length == Size ? key : throw new InvalidOperationException($"{source}: the key must be base64 of {Size} bytes, not {key.Length}");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{source}: the key is not base64");
        }
    }
}

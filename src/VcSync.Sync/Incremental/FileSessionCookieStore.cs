using System.Security.Cryptography;
using System.Text;
using VcSync.Vim;

namespace VcSync.Sync.Incremental;

/// <summary>
/// Session cookies as files readable by their owner only (directory 0700, files 0600), one per SDK URL and user, named by
/// a hash of the two: <c>VCSYNC_STATE_DIR/sessions</c>, else <c>$XDG_STATE_HOME/vcsync/sessions</c>
/// (<c>~/.local/state/vcsync/sessions</c>). govc keeps its persisted sessions the same way (<c>~/.govmomi/sessions</c>).
/// </summary>
public sealed class FileSessionCookieStore : ISessionCookieStore
{
    /// <summary>The variable naming VcSync's state directory.</summary>
    public const string StateDirectoryVariable = "VCSYNC_STATE_DIR";

    private readonly string _directory;

    /// <summary>A store in <paramref name="directory"/> (created on the first save).</summary>
    public FileSessionCookieStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = directory;
    }

    /// <summary>The store in the default directory (see the type's remarks).</summary>
    public static FileSessionCookieStore Default() => new(DefaultDirectory);

    /// <summary>The default directory.</summary>
    public static string DefaultDirectory
    {
        get
        {
            if (Environment.GetEnvironmentVariable(StateDirectoryVariable) is { Length: > 0 } configured)
            {
                return Path.Combine(configured, "sessions");
            }

            var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
            if (string.IsNullOrEmpty(state))
            {
                state = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
            }

            return Path.Combine(state, "vcsync", "sessions");
        }
    }

    /// <inheritdoc />
    public string? Load(Uri sdk, string username)
    {
        try
        {
            // Anything but a cookie value (a damaged or tampered file) is no session: never sent in a header.
            var text = File.ReadAllText(PathOf(sdk, username)).Trim();
            return VimClient.IsCookieValue(text) ? text : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public void Save(Uri sdk, string username, string cookie)
    {
        if (!VimClient.IsCookieValue(cookie))
        {
            throw new ArgumentException("Not a session cookie value.", nameof(cookie));
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_directory);
        }
        else
        {
            Directory.CreateDirectory(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // Written under a temporary name and renamed: a reader never sees half a cookie, and the file is 0600 from birth.
        var path = PathOf(sdk, username);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(Encoding.UTF8.GetBytes(cookie));
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <inheritdoc />
    public void Forget(Uri sdk, string username)
    {
        try
        {
            File.Delete(PathOf(sdk, username));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Nothing to forget, or nothing we may touch: the next run logs in either way.
        }
    }

    private string PathOf(Uri sdk, string username)
    {
        ArgumentNullException.ThrowIfNull(sdk);
        ArgumentNullException.ThrowIfNull(username);
        var key = SHA256.HashData(Encoding.UTF8.GetBytes($"{sdk.AbsoluteUri}\n{username}"));
        return Path.Combine(_directory, Convert.ToHexStringLower(key.AsSpan(0, 16)));
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace VcSync.Tests.Fixtures;

/// <summary>
/// A throwaway PostgreSQL server: initdb into a temp directory, started on a free port on 127.0.0.1 with fsync off,
/// stopped and deleted on dispose. It starts on first use (<see cref="StartAsync"/> or <see cref="CreateDatabaseAsync"/>).
/// Run as root, the server runs as the <c>postgres</c> user (initdb refuses root). Binaries: <c>VCSYNC_PG_BIN</c>, else
/// the newest <c>/usr/lib/postgresql/*/bin</c>, else <c>initdb</c> on PATH. Shared as source by the tests' fixture
/// (<c>PostgresServer</c>) and the benchmarks (linked into bench/VcSync.Bench), so it uses nothing from xunit.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private static int _databaseCounter;

    private readonly SemaphoreSlim _startLock = new(1, 1);
    private System.Runtime.ExceptionServices.ExceptionDispatchInfo? _startFailure;
    private string? _directory;
    private string? _binDirectory;
    private bool _started;

    /// <summary>The port the server listens on, once <see cref="StartAsync"/> has run.</summary>
    public int Port { get; private set; }

    /// <summary>The server's main process (from its <c>postmaster.pid</c>), once <see cref="StartAsync"/> has run.</summary>
    public int? PostmasterPid =>
        _directory is null ? null : int.Parse(File.ReadLines(Path.Combine(_directory, "data", "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A connection string to the <c>postgres</c> maintenance database.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    /// <summary>A connection string to <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = Superuser,
            Database = database,
            Pooling = true,
        }.ConnectionString;

    /// <summary>Starts the server unless it runs already; throws with instructions when PostgreSQL is not installed.</summary>
    public async Task StartAsync()
    {
        await _startLock.WaitAsync();
        try
        {
            // A server that failed to start fails every test that wants it the same way, without retrying.
            _startFailure?.Throw();
            if (!_started)
            {
                try
                {
                    await StartServerAsync();
                }
                catch (Exception exception)
                {
                    _startFailure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception);
                    throw;
                }
            }
        }
        finally
        {
            _startLock.Release();
        }
    }

    private async Task StartServerAsync()
    {
        _binDirectory = FindBinaries();
        _directory = Path.Combine(Path.GetTempPath(), "vcsync-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_directory);
        var data = Path.Combine(_directory, "data");
        var asRoot = IsRoot();
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", _directory], asPostgres: false);
        }

        await RunAsync(
            Path.Combine(_binDirectory, "initdb"),
            ["-D", data, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"],
            asRoot);
        Port = FreePort();
        var options = $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off " +
                      "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100";
        await RunAsync(
            Path.Combine(_binDirectory, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(_directory, "server.log"), "-o", options, "-w", "-t", "60", "start"],
            asRoot);
        _started = true;
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        await StartAsync();
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCounter)}".ToLowerInvariant();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Stops the server, if it started, and deletes its files.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_started && _binDirectory is not null && _directory is not null)
        {
            try
            {
                await RunAsync(
                    Path.Combine(_binDirectory, "pg_ctl"),
                    ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"],
                    IsRoot());
            }
            catch (InvalidOperationException)
            {
                // Already gone; nothing to stop.
            }
        }

        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        _startLock.Dispose();
    }

    private static string FindBinaries()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("VCSYNC_PG_BIN") is { Length: > 0 } configured)
        {
            // Told where: look nowhere else.
            candidates.Add(configured);
        }
        else if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        if (candidates.Count == 0)
        {
            candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries));
        }

        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                $"PostgreSQL server binaries (initdb, pg_ctl) were not found in {string.Join(", ", candidates.DefaultIfEmpty("(nowhere)"))} " +
                "(VCSYNC_PG_BIN, else /usr/lib/postgresql/*/bin, else PATH). Install them (Debian: apt-get install -y postgresql) to run the PostgreSQL tests.");
    }

    // runuser lives in /usr/sbin or /sbin, which a test runner's PATH may lack.
    private static string Runuser() =>
        new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Running as root, and runuser (util-linux) is missing: it is needed to run PostgreSQL as the postgres user.");

    private static bool IsRoot() => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgres ? Runuser() : file,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The server must not hold the test host's output pipes open after pg_ctl returns.
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }
}

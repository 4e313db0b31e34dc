using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VcSync.Simulator;
using VcSync.Storage;
using VcSync.Storage.Sqlite;
using VcSync.Sync.FullSync;
using VcSync.Sync.Reliability;
using VcSync.Tests.Storage;
using VcSync.Tests.Support;
using VcSync.Vim;
using VcSync.Vim.PropertyCollector;

namespace VcSync.Tests.Faults;

/// <summary>
/// The password never leaks (logs at Trace, every table, the raw database files, exceptions, the CLI's output), and
/// names from vCenter are data: they reach the database unchanged and are shown, not interpreted, by the CLI.
/// </summary>
public sealed class SecurityTests : IClassFixture<SecurityTests.CanarySimulator>
{
    /// <summary>The simulator's password: characters XML, SQL and shells treat specially.</summary>
    public const string Canary = "Canary-7f3a<&\"'>";

    /// <summary>A wrong password for the failed login, a canary too.</summary>
    public const string WrongCanary = "Canary-9e1b<&\"'>";

    /// <summary>What is searched for: the common prefix finds raw, XML-escaped and JSON-escaped forms alike.</summary>
    private const string Needle = "Canary-";

    private readonly CanarySimulator _fixture;

    public SecurityTests(CanarySimulator fixture)
    {
        _fixture = fixture;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_password_is_in_no_log_row_file_or_exception_after_a_sync_and_a_failed_login()
    {
        var path = Path.Combine(_fixture.Directory, $"{Guid.NewGuid():N}.db");
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        SyncFailedException failed;
        await using (var store = new SqliteInventoryStore(path, loggerFactory))
        {
            await store.MigrateAsync(Ct);
            var vcenter = await VCenterRegistry.FindOrRegisterAsync(
                store, _fixture.Simulator.SdkUrl, _fixture.Simulator.Username, "vc-canary", _fixture.Simulator.Thumbprint, false, Ct);
            var sync = new FullInventorySync(store, loggerFactory);
            var result = await sync.RunAsync(Target(vcenter, Canary), null, Ct).WaitAsync(NetworkFaultTests.Guard, Ct);
            Assert.True(result.TotalObjects > 0);

            failed = await Assert.ThrowsAsync<SyncFailedException>(
                () => sync.RunAsync(Target(vcenter, WrongCanary), null, Ct).WaitAsync(NetworkFaultTests.Guard, Ct));
            Assert.Contains("InvalidLogin", failed.Message, StringComparison.Ordinal);

            Assert.DoesNotContain(Needle, await StoreDump.AllTablesAsync(store), StringComparison.Ordinal);
        }

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, line => line.Contains("Logged in", StringComparison.Ordinal));
        Assert.All(logs.Lines, line => Assert.DoesNotContain(Needle, line, StringComparison.Ordinal));
        Assert.DoesNotContain(Needle, failed.ToString(), StringComparison.Ordinal);
        foreach (var file in System.IO.Directory.GetFiles(_fixture.Directory, Path.GetFileName(path) + "*"))
        {
            var bytes = await File.ReadAllBytesAsync(file, Ct);
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Needle)) < 0, $"{file} holds the password (UTF-8)");
            Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(Needle)) < 0, $"{file} holds the password (UTF-16)");
        }
    }

    [Fact]
    public async Task The_CLI_never_prints_the_password_and_its_json_is_one_document()
    {
        var db = Path.Combine(_fixture.Directory, $"{Guid.NewGuid():N}.db");
        string[] args =
        [
            "sync", "--url", _fixture.Simulator.SdkUrl.ToString(), "--username", _fixture.Simulator.Username,
            "--thumbprint", _fixture.Simulator.Thumbprint, "--password-stdin", "--db", db, "--json", "--verbose", "--retries", "0",
        ];

        var ok = await RunCliAsync(args, Canary);
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        using (var json = JsonDocument.Parse(ok.Stdout))
        {
            Assert.True(json.RootElement.GetProperty("total_objects").GetInt32() > 0);
        }

        var wrong = await RunCliAsync(args, WrongCanary);
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("InvalidLogin", wrong.Stderr, StringComparison.Ordinal);

        foreach (var output in new[] { ok.Stdout, ok.Stderr, wrong.Stdout, wrong.Stderr })
        {
            Assert.DoesNotContain(Needle, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hostile_names_from_vCenter_reach_the_database_unchanged()
    {
        var path = Path.Combine(_fixture.Directory, $"{Guid.NewGuid():N}.db");
        await using var store = new SqliteInventoryStore(path);
        await store.MigrateAsync(Ct);
        var vcenter = await VCenterRegistry.FindOrRegisterAsync(
            store, _fixture.Simulator.SdkUrl, _fixture.Simulator.Username, "vc-names", _fixture.Simulator.Thumbprint, false, Ct);
        await new FullInventorySync(store, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)
            .RunAsync(Target(vcenter, Canary), null, Ct).WaitAsync(NetworkFaultTests.Guard, Ct);

        // What the server says, read with the client directly.
        await using var client = await VimClient.ConnectAsync(
            new VimClientOptions { Url = _fixture.Simulator.SdkUrl, Thumbprint = _fixture.Simulator.Thumbprint }, Ct);
        await client.LoginAsync(_fixture.Simulator.Username, Canary, Ct);
        var view = await client.CreateContainerViewAsync(client.ServiceContent.RootFolder, ["VirtualMachine"], true, Ct);
        var names = new List<string>();
        var spec = new PropertyFilterSpec(
            [new PropertySpec("VirtualMachine", ["name"])],
            [new ObjectSpec(view, true, [new TraversalSpec("view", "ContainerView", "view", false, [])])]);
        await foreach (var content in client.RetrievePropertiesAsync(spec, null, Ct))
        {
            names.Add((string)content["name"]!);
        }

        var stored = (await store.ListRowsAsync("vcenter_vms", null, Ct)).Select(row => (string)row["name"]!).ToList();
        Assert.Contains(names, name => name.Contains("<DB> & \"Reports\" 'Q4'", StringComparison.Ordinal));
        Assert.Contains(names, name => name.StartsWith(' ') || name.EndsWith(' '));
        Assert.Equal(names.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_CLI_shows_markup_and_SQL_in_names_as_text()
    {
        var path = Path.Combine(_fixture.Directory, $"{Guid.NewGuid():N}.db");
        string[] hostile = ["[red]alert[/] [bold]vm", "'; DROP TABLE vcenter_vms; --", "[link=http://x]y[/]"];
        await using (var store = new SqliteInventoryStore(path))
        {
            await store.MigrateAsync(Ct);
            var vcenter = await VCenterRegistry.FindOrRegisterAsync(store, new Uri("https://vc.example/sdk"), "u", "vc-markup", null, false, Ct);
            var snapshot = SnapshotBuilder.Build(vms: 3, hosts: 1, clusters: 1, datastores: 1, networks: 1, alarms: 0);
            var vms = snapshot.Vms.Select((vm, i) => vm with { Name = hostile[i] }).ToList();
            await store.WriteSyncAsync(
                new SyncWrite { VCenterId = vcenter.Id, Snapshot = snapshot.With(vms: vms), SyncedAt = DateTimeOffset.UtcNow, Activities = [] },
                Ct);
        }

        var table = await RunCliAsync(["vms", "--db", path], null);
        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.All(hostile, name => Assert.Contains(name, table.Stdout, StringComparison.Ordinal));

        var json = await RunCliAsync(["vms", "--db", path, "--json"], null);
        using var document = JsonDocument.Parse(json.Stdout);
        var names = document.RootElement.EnumerateArray().Select(vm => vm.GetProperty("name").GetString()).ToList();
        Assert.All(hostile, name => Assert.Contains(name, names));
    }

    private static SyncTarget Target(VCenterRow vcenter, string password) => new()
    {
        VCenter = vcenter,
        Password = password,
        CallTimeout = TimeSpan.FromSeconds(30),
        Retry = SyncRetryOptions.None,
    };

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunCliAsync(
        string[] args, string? stdin, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(CliExecutable.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        CliExecutable.AddLauncherArguments(start);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var variable in new[] { "VCSYNC_PASSWORD", "VCSYNC_URL", "VCSYNC_USERNAME", "VCSYNC_DB", "VCSYNC_INSECURE", "VCSYNC_THUMBPRINT" })
        {
            start.Environment.Remove(variable);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(NetworkFaultTests.Guard);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>A small simulator whose password is the canary.</summary>
    public sealed class CanarySimulator : IAsyncLifetime
    {
        private SimulatorProcess? _simulator;

        public SimulatorProcess Simulator => _simulator ?? throw new InvalidOperationException("Not started.");

        public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("vcsync-security-").FullName;

        public async ValueTask InitializeAsync() =>
            _simulator = await SimulatorProcess.StartAsync(new SimulatorOptions { Size = "small", Password = Canary }, TestContext.Current.CancellationToken);

        public async ValueTask DisposeAsync()
        {
            if (_simulator is not null)
            {
                await _simulator.DisposeAsync();
            }

            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    /// <summary>Keeps every log line, at every level, with its exception.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = $"{logLevel} {category}: {formatter(state, exception)} {state} {exception}";
                lock (owner._lines)
                {
                    owner._lines.Add(line);
                }
            }
        }
    }
}

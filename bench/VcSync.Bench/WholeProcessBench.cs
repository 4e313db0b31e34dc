using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using VcSync.Inventory;
using VcSync.Simulator;

namespace VcSync.Bench;

/// <summary>
/// <c>--whole-process</c>: vcsync as users meet it, a command from process start to exit, against the pyVmomi
/// script doing the same retrieval (log in, one paged retrieval with the alarms, log out, no database), also from
/// process start to exit. The commands alternate within each repetition, so load on the machine hits all alike.
/// </summary>
internal static partial class WholeProcessBench
{
    public const string Flag = "--whole-process";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var size = "plan";
        var repetitions = 7;
        string? vcsync = null;
        string? jit = null;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--size": size = Value(); break;
                case "--repetitions": repetitions = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--vcsync": vcsync = Path.GetFullPath(Value()); break;
                case "--jit": jit = Path.GetFullPath(Value()); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        if (vcsync is null || !File.Exists(vcsync))
        {
            throw new ArgumentException("--vcsync PATH: the native vcsync to measure (bench/whole-process.sh passes .build/cli/vcsync).");
        }

        Program.Log($"whole process: starting the {size} simulator");
        await using var simulator = await SimulatorProcess.StartAsync(new SimulatorOptions { Size = size }, cancellationToken);
        var directory = Directory.CreateTempSubdirectory("vcsync-whole-");
        try
        {
            var request = PyVmomiRequest(simulator);
            var script = Path.Combine(AppContext.BaseDirectory, "pyvmomi_fetch.py");
            var python = Environment.GetEnvironmentVariable("VCSYNC_BENCH_PYTHON") ?? "/usr/bin/python3";
            var rows = new List<Row>
            {
                new("pyVmomi script: start, import, log in, one paged retrieval with alarms, log out"),
                new("`vcsync --help`"),
                new("`vcsync sync` into a new SQLite file (cold)"),
                new("`vcsync sync`, unchanged re-sync"),
                new("`vcsync sync --incremental` into a new SQLite file (cold: logs in, starts the change collector)"),
                new("`vcsync sync --incremental`, unchanged re-sync (kept session, nothing changed)"),
                new("`vcsync sync --incremental` after one VM was renamed (reads the other objects and that VM)"),
            };
            var renamed = "quote\"in'name";
            if (jit is not null)
            {
                rows.Add(new("JIT build (`dotnet vcsync.dll`): `sync` into a new SQLite file"));
                rows.Add(new("JIT build (`dotnet vcsync.dll`): unchanged re-sync"));
            }

            for (var repetition = 0; repetition <= repetitions; repetition++)
            {
                var timed = repetition > 0; // the first round warms the page cache and the simulator
                var db = Path.Combine(directory.FullName, $"whole-{repetition}.db");
                var pyEnv = new Dictionary<string, string> { ["VCSYNC_BENCH_PASSWORD"] = simulator.Password };
                await MeasureAsync(rows[0], timed, python, [script], pyEnv, request, cancellationToken);
                await MeasureAsync(rows[1], timed, vcsync, ["--help"], null, null, cancellationToken);
                var sync = SyncArguments(simulator, db);
                await MeasureAsync(rows[2], timed, vcsync, sync, SyncEnvironment(simulator), null, cancellationToken);
                await MeasureAsync(rows[3], timed, vcsync, sync, SyncEnvironment(simulator), null, cancellationToken);
                // A state directory per round: the cold incremental sync has no kept session to start from.
                var incremental = SyncArguments(simulator, Path.Combine(directory.FullName, $"incremental-{repetition}.db"));
                var incrementalEnvironment = SyncEnvironment(simulator);
                incrementalEnvironment["VCSYNC_STATE_DIR"] = Path.Combine(directory.FullName, $"state-{repetition}");
                await MeasureAsync(rows[4], timed, vcsync, [.. incremental, "--incremental"], incrementalEnvironment, null, cancellationToken);
                Expect(await MeasureAsync(rows[5], timed, vcsync, [.. incremental, "--incremental"], incrementalEnvironment, null, cancellationToken), 0, 5);
                var name = $"bench-renamed-{repetition}";
                await simulator.ControlAsync(new JsonObject { ["op"] = "rename", ["entity"] = renamed, ["entityType"] = "VirtualMachine", ["name"] = name }, cancellationToken);
                renamed = name;
                Expect(await MeasureAsync(rows[6], timed, vcsync, [.. incremental, "--incremental"], incrementalEnvironment, null, cancellationToken), 1, 12);
                if (jit is not null)
                {
                    var jitSync = SyncArguments(simulator, Path.Combine(directory.FullName, $"jit-{repetition}.db"));
                    await MeasureAsync(rows[7], timed, "dotnet", [jit, .. jitSync], SyncEnvironment(simulator), null, cancellationToken);
                    await MeasureAsync(rows[8], timed, "dotnet", [jit, .. jitSync], SyncEnvironment(simulator), null, cancellationToken);
                }

                Program.Log($"whole process: round {repetition}{(timed ? "" : " (warm-up)")}: " +
                            string.Join(", ", rows.Select(r => $"{r.Wall.LastOrDefault():F0}")) + " ms");
            }

            Console.Out.Write(Markdown(size, repetitions, simulator, rows, Environment.GetCommandLineArgs()));
            return 0;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string[] SyncArguments(SimulatorProcess simulator, string db) =>
        ["sync", "--url", simulator.SdkUrl.ToString(), "--username", simulator.Username, "--thumbprint", simulator.Thumbprint, "--db", db, "--json"];

    private static Dictionary<string, string> SyncEnvironment(SimulatorProcess simulator) => new() { ["VCSYNC_PASSWORD"] = simulator.Password };

    private static string PyVmomiRequest(SimulatorProcess simulator) => new JsonObject
    {
        ["host"] = simulator.SdkUrl.Host,
        ["port"] = simulator.SdkUrl.Port,
        ["user"] = simulator.Username,
        ["maxObjects"] = VcSync.Sync.FullSync.SyncTarget.DefaultMaxObjectsPerPage,
        ["viewTypes"] = new JsonArray([.. InventoryPropertySpecs.ContainerViewTypes.Select(t => JsonValue.Create(t))]),
        ["propSet"] = new JsonArray([.. InventoryPropertySpecs.ForApiVersion(simulator.ApiVersion).Select(spec => new JsonObject
        {
            ["type"] = spec.Type,
            ["paths"] = new JsonArray([.. spec.PathSet.Select(p => JsonValue.Create(p))]),
        })]),
        ["alarms"] = true,
        ["warmup"] = 0,
        ["repetitions"] = 1,
    }.ToJsonString();

    private static async Task<string> MeasureAsync(
        Row row, bool timed, string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment,
        string? standardInput, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var cpuBefore = ChildrenCpu();
        var wall = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        wall.Stop();
        var cpu = ChildrenCpu() - cpuBefore;
        await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
        }

        row.Wall.Add(wall.Elapsed.TotalMilliseconds);
        if (timed)
        {
            row.TimedWall.Add(wall.Elapsed);
            row.TimedCpu.Add(cpu);
        }

        return await output;
    }

    // The incremental rows measure what they claim only if the sync took the path they name.
    private static void Expect(string json, int vmsUpdated, int maxSoapCalls)
    {
        var result = JsonNode.Parse(json)!;
        var updated = (int)result["vms"]!["updated"]!;
        var calls = (int)result["soap_calls"]!;
        if (updated != vmsUpdated || calls > maxSoapCalls)
        {
            throw new InvalidOperationException($"expected {vmsUpdated} VMs updated in at most {maxSoapCalls} SOAP calls, got {updated} in {calls}");
        }
    }

    // getrusage(RUSAGE_CHILDREN): user + system time of every waited-for child; the difference around one child is its own.
    private static TimeSpan ChildrenCpu()
    {
        var usage = new RUsage();
        if (GetRUsage(-1, ref usage) != 0)
        {
            throw new InvalidOperationException("getrusage failed");
        }

        return TimeSpan.FromMicroseconds(((usage.UserSeconds + usage.SystemSeconds) * 1_000_000.0) + usage.UserMicroseconds + usage.SystemMicroseconds);
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRUsage(int who, ref RUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        private readonly long _rest0, _rest1, _rest2, _rest3, _rest4, _rest5, _rest6, _rest7, _rest8, _rest9, _rest10, _rest11, _rest12, _rest13;
    }

    private static string Markdown(string size, int repetitions, SimulatorProcess simulator, List<Row> rows, string[] command)
    {
        var (vms, hosts, datastores, _) = simulator.Counts;
        var baseline = rows[0];
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Whole process, `{size}` world ({vms:N0} VMs, {hosts:N0} hosts, {datastores:N0} datastores), median of {repetitions} alternating rounds after one warm-up round; {MachineInfo.Describe()}; load average at the end: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `{string.Join(' ', command.Skip(1))}`");
        text.AppendLine();
        text.AppendLine("| whole process | wall median ms | wall min ms | CPU median ms | × pyVmomi (wall) | × pyVmomi (CPU) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Name} | {row.TimedWall.Median:F0} | {row.TimedWall.Min:F0} | {row.TimedCpu.Median:F0} | {row.TimedWall.Median / baseline.TimedWall.Median:F2} | {row.TimedCpu.Median / baseline.TimedCpu.Median:F2} |");
        }

        return text.ToString();
    }

    private sealed class Row(string name)
    {
        public string Name { get; } = name;

        public List<double> Wall { get; } = [];

        public Samples TimedWall { get; } = new();

        public Samples TimedCpu { get; } = new();
    }
}

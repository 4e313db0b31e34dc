using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using VcSync.Simulator;
using VcSync.Storage;
using VcSync.Sync.FullSync;

namespace VcSync.Bench;

/// <summary>
/// Peak memory of one whole sync, measured in a child process of the bench that does nothing else: start the runtime,
/// open and migrate a new database, sync once (cold: JIT included), and report its peak resident set
/// (<see cref="Process.PeakWorkingSet64"/>, Linux's VmHWM). In the bench's own process the figure would include the
/// simulator launcher, earlier measurements' heap and the GC's high-water mark from them.
/// </summary>
internal static class PeakMemoryChild
{
    public const string Flag = "--peak-memory-child";

    // The child's inputs come by environment so the password is never on a command line.
    private const string UrlVariable = "VCSYNC_BENCH_URL";
    private const string UserVariable = "VCSYNC_BENCH_USER";
    private const string PasswordVariable = "VCSYNC_BENCH_PASSWORD";
    private const string ThumbprintVariable = "VCSYNC_BENCH_THUMBPRINT";
    private const string DatabaseVariable = "VCSYNC_BENCH_DB";
    private const string PageVariable = "VCSYNC_BENCH_PAGE";

    public static async Task<PeakMemory> MeasureAsync(SimulatorProcess simulator, string database, int? pageSize, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath ?? "dotnet",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        }

        start.ArgumentList.Add(Flag);

        // Under dotnet-trace the bench's environment names a diagnostic port that suspends the runtime at start-up
        // until a tracer connects; the child must not inherit it.
        start.Environment.Remove("DOTNET_DiagnosticPorts");
        start.Environment[UrlVariable] = simulator.SdkUrl.ToString();
        start.Environment[UserVariable] = simulator.Username;
        start.Environment[PasswordVariable] = simulator.Password;
        start.Environment[ThumbprintVariable] = simulator.Thumbprint;
        start.Environment[DatabaseVariable] = database;
        start.Environment[PageVariable] = pageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the peak-memory child.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The peak-memory child exited with {process.ExitCode}: {await error}");
        }

        return JsonSerializer.Deserialize<PeakMemory>(await output)
            ?? throw new InvalidOperationException("The peak-memory child printed nothing.");
    }

    public static async Task<int> RunChildAsync()
    {
        static string Get(string name) => Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set.");
        var page = Get(PageVariable);
        await using var store = new RecordingStore(await InventoryStoreFactory.OpenAsync(Get(DatabaseVariable), NullLoggerFactory.Instance, CancellationToken.None));
        var vcenter = await store.AddVCenterAsync(
            new VCenterRegistration { Name = "bench", Url = Get(UrlVariable), Username = Get(UserVariable), TlsThumbprint = Get(ThumbprintVariable) },
            CancellationToken.None);
        var target = new SyncTarget
        {
            VCenter = vcenter,
            Password = Get(PasswordVariable),
            MaxObjectsPerPage = page.Length == 0 ? null : int.Parse(page, System.Globalization.CultureInfo.InvariantCulture),
        };
        var watch = Stopwatch.StartNew();
        await new FullInventorySync(store, NullLoggerFactory.Instance).RunAsync(target, null, CancellationToken.None);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var peak = new PeakMemory(elapsed, self.PeakWorkingSet64, GC.GetTotalAllocatedBytes(), store.LastWrite!.RowsWritten);
        Console.Out.WriteLine(JsonSerializer.Serialize(peak));
        return 0;
    }
}

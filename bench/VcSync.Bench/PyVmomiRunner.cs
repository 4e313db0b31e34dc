using System.Diagnostics;
using System.Text.Json.Nodes;
using VcSync.Inventory;
using VcSync.Simulator;

namespace VcSync.Bench;

/// <summary>
/// Runs <c>bench/pyvmomi_fetch.py</c> with Debian's python3-pyvmomi against the same simulator, asking for the same
/// properties (sent from <see cref="InventoryPropertySpecs"/>, so they cannot drift), the same view types and page size.
/// </summary>
internal static class PyVmomiRunner
{
    public static async Task<PyVmomiResult> RunAsync(SimulatorProcess simulator, int? pageSize, int repetitions, CancellationToken cancellationToken)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "pyvmomi_fetch.py");
        var start = new ProcessStartInfo
        {
            FileName = Environment.GetEnvironmentVariable("VCSYNC_BENCH_PYTHON") ?? "/usr/bin/python3",
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.Environment["VCSYNC_BENCH_PASSWORD"] = simulator.Password;
        var request = new JsonObject
        {
            ["host"] = simulator.SdkUrl.Host,
            ["port"] = simulator.SdkUrl.Port,
            ["user"] = simulator.Username,
            ["maxObjects"] = pageSize,
            ["viewTypes"] = new JsonArray([.. InventoryPropertySpecs.ContainerViewTypes.Select(t => JsonValue.Create(t))]),
            ["propSet"] = new JsonArray([.. InventoryPropertySpecs.ForApiVersion(simulator.ApiVersion).Select(spec => new JsonObject
            {
                ["type"] = spec.Type,
                ["paths"] = new JsonArray([.. spec.PathSet.Select(p => JsonValue.Create(p))]),
            })]),
            ["alarms"] = true,
            ["warmup"] = 1,
            ["repetitions"] = repetitions,
        };

        var startedAt = DateTimeOffset.UtcNow;
        var wall = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        await process.StandardInput.WriteAsync(request.ToJsonString().AsMemory(), cancellationToken);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        wall.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} exited with {process.ExitCode}: {await error}");
        }

        var answer = JsonNode.Parse(await output) ?? throw new InvalidOperationException($"{script} printed nothing.");
        var runs = answer["runs"]!.AsArray();
        var warmup = answer["warmup"]!.GetValue<int>();
        var fetch = new Samples();
        foreach (var run in runs.Skip(warmup))
        {
            fetch.Add(run!["seconds"]!.GetValue<double>() * 1000);
        }

        var firstEnded = DateTimeOffset.FromUnixTimeMilliseconds((long)(runs[0]!["endedAt"]!.GetValue<double>() * 1000));
        return new PyVmomiResult(
            Version: answer["pyvmomi"]?.GetValue<string>() ?? "unknown",
            Fetch: fetch,
            Objects: runs[^1]!["objects"]!.GetValue<long>(),
            Pages: runs[^1]!["pages"]!.GetValue<long>(),
            ImportMs: answer["importSeconds"]!.GetValue<double>() * 1000,
            LoginMs: answer["loginSeconds"]!.GetValue<double>() * 1000,
            OneShotMs: (firstEnded - startedAt).TotalMilliseconds,
            ProcessWallMs: wall.Elapsed.TotalMilliseconds);
    }
}

using System.Diagnostics;
using System.Globalization;

namespace VcSync.Bench;

/// <summary>
/// <c>--pin</c>: the simulator gets CPU 1 to itself, and the bench (with the PostgreSQL server it started) CPU 0, as if
/// vCenter ran on its own host. On a shared 2-core machine the simulator and the client otherwise take CPU from each
/// other, and the wire floor (which parses nothing) suffers less from that than the fetch does.
/// </summary>
internal static class CpuPinning
{
    public const string ServerCpu = "1";

    public const string ClientCpu = "0";

    /// <summary>Pins every thread of <paramref name="pid"/> (and, with <paramref name="children"/>, of its child processes) to <paramref name="cpus"/>.</summary>
    public static async Task PinAsync(int pid, string cpus, bool children = false)
    {
        await RunAsync("taskset", "-a", "-cp", cpus, pid.ToString(CultureInfo.InvariantCulture));
        if (children)
        {
            var list = await RunAsync("pgrep", "-P", pid.ToString(CultureInfo.InvariantCulture));
            foreach (var child in list.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                await RunAsync("taskset", "-a", "-cp", cpus, child);
            }
        }
    }

    private static async Task<string> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        // pgrep exits 1 when a process has no children: not an error here.
        if (process.ExitCode != 0 && !(file == "pgrep" && process.ExitCode == 1))
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}");
        }

        return output;
    }
}

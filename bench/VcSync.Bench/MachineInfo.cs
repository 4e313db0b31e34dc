using System.Globalization;
using System.Runtime.InteropServices;

namespace VcSync.Bench;

/// <summary>A one-line description of the machine the figures come from.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} CPUs ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {memory:F1} GiB memory, " +
            $"load average {load} at start, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
    }
}

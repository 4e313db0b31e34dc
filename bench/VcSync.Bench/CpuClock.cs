using System.Diagnostics;
using System.Globalization;

namespace VcSync.Bench;

/// <summary>
/// CPU time used by this process and by the simulator: on a loaded machine wall time depends on the neighbours, CPU
/// time much less, so it shows where the cost is (our parsing versus the simulator's serialising).
/// </summary>
internal sealed class CpuClock(int simulatorPid)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public (TimeSpan Own, TimeSpan Simulator) Now()
    {
        using var self = Process.GetCurrentProcess();
        return (self.TotalProcessorTime, SimulatorCpu());
    }

    private TimeSpan SimulatorCpu()
    {
        var stat = $"/proc/{simulatorPid}/stat";
        if (!File.Exists(stat))
        {
            return TimeSpan.Zero;
        }

        // Fields after the command name in parentheses: state is field 3, utime 14, stime 15.
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}

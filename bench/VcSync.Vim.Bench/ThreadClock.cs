using System.Runtime.InteropServices;

namespace VcSync.Vim.Bench;

/// <summary>
/// The calling thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): the recorded page is parsed on one thread, so
/// this leaves out the tiered JIT and other threads that the process's CPU time counts, which matters on a loaded machine.
/// </summary>
internal static partial class ThreadClock
{
    private const int ThreadCpuTimeId = 3;

    /// <summary>The thread's CPU time in milliseconds, or NaN where the clock is not available.</summary>
    public static double Milliseconds()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ThreadCpuTimeId, out var time) != 0)
        {
            return double.NaN;
        }

        return (time.Seconds * 1e3) + (time.Nanoseconds / 1e6);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

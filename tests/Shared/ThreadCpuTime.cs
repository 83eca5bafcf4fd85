using System.Diagnostics;
using System.Runtime.InteropServices;

namespace B12Dosing.Tests.Shared;

/// <summary>
/// The CPU time the calling thread has used, in nanoseconds (Linux: <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>), for
/// the tests that compare how a cost grows (a ratio of two sizes within one test): time spent waiting for a core on a
/// loaded machine is not counted, as it was by the wall clock (a linear ratio of about 1 once read 11.7 at load 30).
/// Elsewhere it falls back to the wall clock.
/// </summary>
internal static class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>The calling thread's CPU time so far (or, off Linux, the wall clock), ns.</summary>
    public static long Nanoseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out var time) == 0)
        {
            return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
        }

        return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

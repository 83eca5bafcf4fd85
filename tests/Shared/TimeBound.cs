namespace B12Dosing.Tests.Shared;

/// <summary>
/// Runs work that once hung (issue 12) on a task and fails the test if it does not finish in time, instead of hanging
/// the test run. The bound is generous (tens of times the measured time on the 2-core build machine) so that only a
/// return of the old cost (minutes, or a loop that never ends) fails it; speed itself is measured by the benchmarks.
/// </summary>
internal static class TimeBound
{
    /// <summary>The result of <paramref name="work"/>, which must finish within <paramref name="limit"/>.</summary>
    public static T Run<T>(TimeSpan limit, Func<T> work, string what)
    {
        var task = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(task.Wait(limit), $"{what} did not finish within {limit.TotalSeconds} s: it hangs or costs far more than linear time.");
        return task.Result;
    }

    /// <summary>
    /// The result of <paramref name="work"/>, which must finish within <paramref name="limit"/>, and the CPU time its
    /// thread used for it (<see cref="ThreadCpuTime"/>: waiting for a core on a loaded machine is not counted).
    /// </summary>
    public static (T Result, TimeSpan Used) CpuTimed<T>(TimeSpan limit, Func<T> work, string what) => Run(limit, () =>
    {
        var start = ThreadCpuTime.Nanoseconds();
        var result = work();
        return (result, TimeSpan.FromTicks((ThreadCpuTime.Nanoseconds() - start) / 100));
    }, what);

    /// <summary>Runs <paramref name="work"/>, which must finish within <paramref name="limit"/>; returns the bytes it allocated on its thread.</summary>
    public static long Allocated(TimeSpan limit, Action work, string what) => Run(limit, () =>
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        work();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }, what);
}

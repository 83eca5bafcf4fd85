using System.Globalization;
using B12Dosing.Dosing;
using B12Dosing.Population;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using B12Dosing.Tests.Shared;
using Xunit.Abstractions;

namespace B12Dosing.Tests.Hardening;

/// <summary>
/// Costs linear in the input (issue 12, class 1): inputs that once took minutes or gigabytes finish within a time bound
/// that fails the test instead of hanging it, and allocate memory in proportion to their size.
/// </summary>
[Collection(nameof(ProcessWideMeasurements))]
public class CostTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary><paramref name="parts"/> daily parts, each starting a second after the one before.</summary>
    private static Regimen ManyParts(int parts) =>
        Regimen.Parse(string.Join(" + ", Enumerable.Range(0, parts).Select(i => string.Create(CultureInfo.InvariantCulture, $"after {i}s 1 µg im daily"))));

    [Fact]
    public void A_regimen_of_many_plus_parts_merges_in_near_linear_time()
    {
        // The old merge scanned every part for each event: its cost per event grew with the number of parts (20 000
        // parts over 110 days took minutes). The heap merge costs events · log(parts). Two regimens with the same
        // 440 000 events, one of 20 000 parts over 22 days and one of 200 parts over 2 200 days: per event, the scan
        // would cost 100 times more for the first, the heap log(20 000)/log(200) = 1.9 times. The fastest of three
        // interleaved runs of each, in the CPU time of the thread that does the work (TimeBound.CpuTimed), is compared
        // (a ratio within one test, so the machine's load cancels), and every run is also bounded in time so that a
        // regression fails instead of hanging.
        const int parts = 20_000;
        var many = TimeBound.Run(Limit, () => ManyParts(parts), "Parsing 20 000 '+' parts");
        var few = ManyParts(200);
        var manyHorizon = TimeSpan.FromDays(21) + TimeSpan.FromSeconds(parts);
        var fewHorizon = TimeSpan.FromDays(2_199) + TimeSpan.FromSeconds(200);
        var manyBest = TimeSpan.MaxValue;
        var fewBest = TimeSpan.MaxValue;
        var events = System.Collections.Immutable.ImmutableArray<DoseEvent>.Empty;
        for (var run = 0; run < 3; run++)
        {
            (events, var manyUsed) = TimeBound.CpuTimed(Limit, () => many.Events(manyHorizon), "Merging 20 000 '+' parts");
            manyBest = TimeSpan.FromTicks(Math.Min(manyBest.Ticks, manyUsed.Ticks));
            var (fewEvents, fewUsed) = TimeBound.CpuTimed(Limit, () => few.Events(fewHorizon), "Merging 200 '+' parts");
            fewBest = TimeSpan.FromTicks(Math.Min(fewBest.Ticks, fewUsed.Ticks));
            Assert.Equal(200 * 2_200, fewEvents.Length);
        }

        var ratio = manyBest / fewBest;
        output.WriteLine($"{parts} parts: {manyBest.TotalMilliseconds:0} ms; 200 parts: {fewBest.TotalMilliseconds:0} ms; ratio {ratio:0.00} (scan 100, heap 1.9)");
        Assert.InRange(ratio, 0, 10);
        Assert.Equal(parts * 22, events.Length);
        for (var i = 1; i < events.Length; i++)
        {
            Assert.True(events[i - 1].Time < events[i].Time);
        }

        Assert.Equal(TimeSpan.FromSeconds(parts - 1), events[parts - 1].Time);
        Assert.Equal(TimeSpan.FromDays(1), events[parts].Time);
    }

    [Fact]
    public void Merged_parts_keep_their_order_at_equal_times() =>
        Assert.Equal(
            [1, 2, 3, 1, 2, 3],
            Regimen.Parse("1 µg im at 0h,1h + 2 µg im at 0h,1h + 3 µg im at 0h,1h").Events(TimeSpan.FromDays(1)).Select(e => e.Dose.Amount.Micrograms));

    [Fact]
    public void Combining_many_regimens_is_linear()
    {
        var one = Regimen.Parse("1 µg im once");
        var combined = TimeBound.Run(Limit, () => Regimen.Combine(Enumerable.Repeat(one, 20_000)), "Combining 20 000 regimens");
        Assert.Equal(20_000, combined.Events(TimeSpan.FromDays(1)).Length);
    }

    /// <summary>A <c>then</c> chain of <paramref name="phases"/> phases of one dose each, a day apart.</summary>
    private static string LongChain(int phases) => string.Join(" then ", Enumerable.Repeat("1 µg im daily x1", phases));

    [Fact]
    public void A_long_then_chain_parses_in_linear_time_and_memory()
    {
        // 10 000 phases took 2.6 s and 0.8 GB; 30 000 more than five minutes (each phase re-checked the whole chain).
        var small = LongChain(3_000);
        var large = LongChain(30_000);
        var allocatedSmall = TimeBound.Allocated(Limit, () => Regimen.Parse(small), "Parsing a chain of 3 000 phases");
        var allocatedLarge = TimeBound.Allocated(Limit, () => Regimen.Parse(large), "Parsing a chain of 30 000 phases");
        output.WriteLine($"parse: 3 000 phases {allocatedSmall} B, 30 000 phases {allocatedLarge} B");

        // Ten times the phases: at most about ten times the memory (quadratic would be a hundred times).
        Assert.InRange(allocatedLarge, 0, 15 * allocatedSmall);
        var regimen = Regimen.Parse(large);
        Assert.Equal(30_000, regimen.Events(TimeSpan.FromDays(40_000)).Length);
        Assert.Equal(large, regimen.ToString());
    }

    [Fact]
    public void A_long_then_chain_builds_in_linear_time_and_memory()
    {
        static Regimen Build(int phases)
        {
            var dose = Dose.Intramuscular(Mass.FromMicrograms(1));
            var regimen = Regimen.Start(dose).Daily().Times(1);
            for (var i = 1; i < phases; i++)
            {
                regimen = regimen.Then(dose).Daily().Times(1);
            }

            return regimen;
        }

        var allocatedSmall = TimeBound.Allocated(Limit, () => Build(3_000), "Building a chain of 3 000 phases");
        var allocatedLarge = TimeBound.Allocated(Limit, () => Build(30_000), "Building a chain of 30 000 phases");
        output.WriteLine($"builder: 3 000 phases {allocatedSmall} B, 30 000 phases {allocatedLarge} B");
        Assert.InRange(allocatedLarge, 0, 15 * allocatedSmall);
        var built = Build(30_000);
        Assert.Equal(LongChain(30_000), built.ToString());
        Assert.Equal(Regimen.Parse(LongChain(30_000)), built);
    }

    [Fact]
    public void A_population_never_uses_more_threads_than_processors_whatever_it_asks()
    {
        // Each worker keeps its own counts (about 120 MB at the most rows): 200 asked for 24 GB.
        Assert.Equal(Math.Min(Environment.ProcessorCount, 10), PopulationSimulator.WorkerCount(200, 10));
        Assert.Equal(Environment.ProcessorCount, PopulationSimulator.WorkerCount(int.MaxValue, int.MaxValue));
        Assert.Equal(Environment.ProcessorCount, PopulationSimulator.WorkerCount(0, int.MaxValue));
        Assert.Equal(1, PopulationSimulator.WorkerCount(1, 1000));

        // Memory: 200 threads asked for and 200 chunks of patients: the run allocates what the threads it uses need (each
        // accumulator is about 2 MB at 1 000 rows); the old code started 200 workers with one accumulator each.
        static long Allocated(int threads) => TimeBound.Run(Limit, () =>
        {
            var settings = new PopulationSettings(200 * PopulationSimulator.ChunkSize, TimeSpan.FromDays(999), 1) { MaxDegreeOfParallelism = threads };
            var before = GC.GetTotalAllocatedBytes(precise: true);
            _ = PopulationSimulator.Run(Regimen.None, settings);
            return GC.GetTotalAllocatedBytes(precise: true) - before;
        }, $"A population on {threads} threads");
        var one = Allocated(1);
        var many = Allocated(200);
        output.WriteLine($"allocated: 1 thread {one} B, 200 asked for {many} B ({Environment.ProcessorCount} processors)");
        Assert.InRange(many, 0, (Environment.ProcessorCount + 1) * one);
    }
}

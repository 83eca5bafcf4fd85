using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using Xunit.Abstractions;

namespace B12Dosing.Tests.Hardening;

/// <summary>
/// Long and large runs (issue 7): a lifetime of daily doses and 100 000 dose events stay finite and keep the mass
/// balance; memory grows with the output rows asked for and with the events given, never per step.
/// </summary>
public class LongRunTests(ITestOutputHelper output)
{
    /// <summary>
    /// Mass balance tolerance relative to the total dosed: 1e-9, the bound of issue 7. The simulator sums with Kahan
    /// compensation and moves mass between pools with a 2×2 propagator whose columns sum to the body's loss, so the
    /// error stays near 1e-16 per operation; 1e-9 leaves room for 10^5-10^6 operations of rounding.
    /// </summary>
    private const double RelativeBalance = 1e-9;

    public static TheoryData<string, string> LifetimeRegimens => new()
    {
        { "1000 µg oral daily", "healthy" },
        { "1000 µg oral daily", "pernicious-anemia" },
        { "2.4 µg food daily split at 8h,13h,19h", "atrophic-gastritis" },
        { "1 mg ohcbl im tiw for 2w then 1 mg ohcbl im q3mo", "pernicious-anemia" },
        { "5 g iv daily", "healthy" },
        { "1 ng oral daily", "gastrectomy" },
    };

    [Theory]
    [MemberData(nameof(LifetimeRegimens))]
    public void A_hundred_years_of_doses_stay_finite_and_balanced(string notation, string condition)
    {
        var settings = new SimulationSettings(SimulationSettings.MaximumHorizon) { ParameterSet = ParameterSet.For(Conditions.Parse(condition)) };
        var result = Simulator.Run(Regimen.Parse(notation), settings);

        Assert.Equal(36_526, result.Series.Count);
        AssertFiniteAndBalanced(result);
    }

    [Fact]
    public void A_hundred_thousand_dose_events_stay_finite_and_balanced()
    {
        // Every 6 hours for 25 000 days: 100 000 oral doses, alternating 500 µg and 2 µg so the IF state moves.
        var events = Enumerable.Range(0, 100_000)
            .Select(i => new DoseEvent(TimeSpan.FromHours(6 * i), Dose.Oral(Mass.FromMicrograms(i % 2 == 0 ? 500 : 2))))
            .ToArray();
        var result = Simulator.Run(events, new SimulationSettings(TimeSpan.FromDays(25_001)));

        Assert.Equal((100_000 / 2 * 500.0) + (100_000 / 2 * 2.0), result.Summary.TotalDoseMicrograms, 1e-6);
        AssertFiniteAndBalanced(result);
    }

    [Fact]
    public void Memory_grows_with_output_rows_and_events_not_per_step()
    {
        var horizon = TimeSpan.FromDays(25_001);
        var few = Events(1_000, horizon);
        var many = Events(100_000, horizon);
        var coarse = new SimulationSettings(horizon) { Step = TimeSpan.FromDays(250) }; // 101 rows
        var fine = new SimulationSettings(horizon) { Step = TimeSpan.FromDays(1) };     // 25 002 rows
        _ = Simulator.Run(few, coarse); // warm up (JIT, statics)

        var fewCoarse = Allocated(() => Simulator.Run(few, coarse));
        var manyCoarse = Allocated(() => Simulator.Run(many, coarse));
        var fewFine = Allocated(() => Simulator.Run(few, fine));
        output.WriteLine($"allocated: 1 000 events, 101 rows: {fewCoarse} B; 100 000 events, 101 rows: {manyCoarse} B; 1 000 events, 25 002 rows: {fewFine} B");

        // 99 000 more events cost at most 64 bytes each (one merged intake per event is 32-40 bytes), whatever the steps.
        Assert.InRange(manyCoarse - fewCoarse, 0, 99_000 * 64);
        // 24 901 more rows cost at most 160 bytes each (a row is 104 bytes: the pools of the plasma model, issue 10).
        Assert.InRange(fewFine - fewCoarse, 0, 24_901 * 160);
        // A run with 101 rows and 1 000 events needs well under 1 MB, although it steps over 25 000 days.
        Assert.InRange(fewCoarse, 0, 1 << 20);
    }

    private static DoseEvent[] Events(int count, TimeSpan horizon) =>
        [.. Enumerable.Range(0, count).Select(i => new DoseEvent(TimeSpan.FromTicks(horizon.Ticks / count * i), Dose.Intramuscular(Mass.FromMicrograms(100 + (i % 7)))))];

    private static long Allocated(Func<SimulationResult> run)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(run());
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    internal static void AssertFiniteAndBalanced(SimulationResult result)
    {
        foreach (var row in result.Series)
        {
            Assert.True(
                double.IsFinite(row.StoresMicrograms) && double.IsFinite(row.PlasmaMicrograms) && double.IsFinite(row.SerumPicogramsPerMilliliter)
                && double.IsFinite(row.CumulativeUrinaryLossMicrograms) && double.IsFinite(row.CumulativeFaecesMicrograms),
                $"Not finite: {row}");
            Assert.True(row.StoresMicrograms >= 0 && row.PlasmaMicrograms >= 0 && row.SerumPicogramsPerMilliliter >= 0, $"Negative: {row}");
        }

        var s = result.Summary;
        Assert.True(double.IsFinite(s.MassBalanceErrorMicrograms), s.ToString());
        Assert.True(Math.Abs(s.MassBalanceErrorMicrograms) <= RelativeBalance * Math.Max(s.TotalDoseMicrograms, s.InitialBodyMicrograms), s.ToString());
    }
}

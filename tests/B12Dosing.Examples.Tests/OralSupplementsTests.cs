using B12Dosing.Absorption;
using B12Dosing.AbsorptionTests;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;

namespace B12Dosing.Examples.Tests;

/// <summary>
/// docs/examples/oral-supplements.cs (issue 17 item 7): 16 weeks of daily tablets from Sharabi's baseline, the gaps to
/// Sharabi 2003 and OPEN, and the Schilling test. Every printed number is derived here from the library by its own runs.
/// </summary>
public sealed class OralSupplementsTests
{
    private static ExampleRun Run => ExampleRun.Of("oral-supplements");

    private static readonly ParameterSet Healthy = ModelThree(ParameterSet.Healthy);

    private static ParameterSet ModelThree(ParameterSet p) => p.CarrierModel == PlasmaCarrierModel.FreeCapacity ? p : p.WithFreeCapacity();

    /// <summary>The stores whose serum before any dose is <paramref name="picomolar"/>: a geometric bisection to 1e-12.</summary>
    private static double Stores(double picomolar)
    {
        double Serum(double s) => Simulator.Run([], new SimulationSettings(TimeSpan.FromHours(1)) { ParameterSet = Healthy, InitialStores = Mass.FromMicrograms(s) }).Series[0].SerumMolarity.PicomolesPerLiter;
        var (lo, hi) = (10.0, Healthy.MaximumStores.Micrograms);
        while (hi / lo > 1 + 1e-12)
        {
            var mid = Math.Sqrt(lo * hi);
            (lo, hi) = Serum(mid) < picomolar ? (mid, hi) : (lo, mid);
        }

        return lo;
    }

    private static IReadOnlyList<SimulationRow> Tablets(double dose, int days, double stores) => Simulator.Run(
        [.. Enumerable.Range(0, days).Select(d => new DoseEvent(TimeSpan.FromDays(d), Dose.Oral(Mass.FromMicrograms(dose))))],
        new SimulationSettings(TimeSpan.FromDays(days)) { ParameterSet = Healthy, InitialStores = Mass.FromMicrograms(stores) }).Series;

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(500)]
    [InlineData(1000)]
    [InlineData(2000)]
    public void Sixteen_weeks_of_each_dose_print_the_librarys_troughs(double dose)
    {
        var rows = Tablets(dose, 112, Stores(108));
        var printed = Run.Row($"{dose,-9:F0}".Replace(',', '.'));
        Assert.Equal(10, printed.Length);
        for (var w = 0; w <= 4; w++)
        {
            ExampleRun.AssertRounded(rows[28 * w].SerumMolarity.PicomolesPerLiter, printed[2 * w], 0, $"{dose} µg, serum at week {4 * w}");
            ExampleRun.AssertRounded(rows[28 * w].HoloTranscobalamin.PicomolesPerLiter, printed[(2 * w) + 1], 1, $"{dose} µg, holoTC at week {4 * w}");
        }
    }

    /// <summary>Issue 17: serum after 16 weeks rises strictly with the daily dose from 10 to 2000 µg (read from the printed table).</summary>
    [Fact]
    public void Serum_at_16_weeks_rises_with_the_dose()
    {
        var week16 = new[] { 10, 100, 500, 1000, 2000 }.Select(d => Run.Row($"{d,-9}")[8]).ToArray();
        Assert.True(week16.Zip(week16.Skip(1)).All(p => p.Second > p.First), string.Join(", ", week16));
    }

    [Fact]
    public void Prints_the_gaps_to_Sharabi_and_OPEN()
    {
        var sharabi = Tablets(500, 28, Stores(108))[28].SerumMolarity.PicomolesPerLiter;
        var s = Run.Row("Sharabi 2003");
        ExampleRun.AssertRounded(sharabi, s[4], 0, "Sharabi model");
        ExampleRun.AssertRounded(sharabi / 286, s[6], 2, "Sharabi ratio");

        var open = Tablets(1000, 365, Stores(231));
        (string Line, double Model, double Published)[] lines =
        [
            ("serum at a year:", open[^1].SerumMolarity.PicomolesPerLiter, 641),
            ("holoTC at a year:", open[^1].HoloTranscobalamin.PicomolesPerLiter, 240),
            ("holoTC before:", open[0].HoloTranscobalamin.PicomolesPerLiter, 56),
        ];
        foreach (var (line, model, published) in lines)
        {
            var printed = Run.Row(line);
            ExampleRun.AssertRounded(model, printed[0], 0, line);
            Assert.Equal(published, printed[1]);
            ExampleRun.AssertRounded(model / published, printed[2], 2, line + " ratio");
        }
    }

    [Theory]
    [InlineData("healthy:", Condition.Healthy, false)]
    [InlineData("pernicious anaemia:", Condition.PerniciousAnemia, false)]
    [InlineData("pernicious anaemia, IF given:", Condition.PerniciousAnemia, true)]
    public void Prints_the_Schilling_test_of_the_library(string name, Condition condition, bool withIf)
    {
        var result = (SchillingTest.Standard with { WithIntrinsicFactor = withIf }).Run(ModelThree(ParameterSet.For(condition)));
        ExampleRun.AssertRounded(100 * result.ExcretedFraction, Run.Row(name)[0], 1, name);
    }
}

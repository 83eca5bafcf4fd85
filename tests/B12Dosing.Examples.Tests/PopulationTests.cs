using B12Dosing.Absorption;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Examples.Tests;

/// <summary>docs/examples/population.cs: older adults on the diet alone and with a daily 1000 µg tablet, over ten years.</summary>
public sealed class PopulationTests
{
    private static readonly PopulationSettings Settings = new(1000, TimeSpan.FromDays(3650), seed: 2026)
    {
        Step = TimeSpan.FromDays(7),
        Model = PopulationModel.Default with
        {
            Conditions = ConditionMix.Of((Condition.Healthy, 80), (Condition.AtrophicGastritis, 15), (Condition.PerniciousAnemia, 5)),
        },
    };

    private static ExampleRun Run => ExampleRun.Of("population");

    /// <summary>The example's regimen: the RDA diet, with the daily 1000 µg tablet if <paramref name="tablet"/>.</summary>
    private static Regimen RegimenOf(bool tablet)
    {
        var diet = RegimenCatalogue.Get("rda-diet").Regimen;
        return tablet ? diet.And(RegimenCatalogue.Get("oral-1000-daily").Regimen) : diet;
    }

    [Theory]
    [InlineData("RDA diet alone", false)]
    [InlineData("diet + 1000 µg oral daily", true)]
    public void Prints_what_the_population_simulation_gives(string name, bool tablet)
    {
        var regimen = RegimenOf(tablet);
        var below180 = PopulationSimulator.Run(regimen, Settings with { SerumThreshold = MassConcentration.FromPicogramsPerMilliliter(180) });
        var below350 = PopulationSimulator.Run(regimen, Settings with { SerumThreshold = MassConcentration.FromPicogramsPerMilliliter(350) });
        var printed = Run.Row(name + " ");
        int[] years = [1, 2, 3, 5, 10];
        Assert.Equal(years.Length + 4, printed.Length);
        for (var i = 0; i < years.Length; i++)
        {
            var row = (int)Math.Round(years[i] * 365 / 7.0);
            ExampleRun.AssertRounded(100 * below180.ShareBelowThreshold[row], printed[i], 1, $"{name}, % below 180 pg/mL in year {years[i]}");
        }

        ExampleRun.AssertRounded(100 * below350.ShareBelowThreshold[^1], printed[5], 1, $"{name}, % below 350 pg/mL after 10 years");
        ExampleRun.AssertRounded(below180.Serum.P5[^1], printed[6], 0, $"{name}, 5th percentile of serum");
        ExampleRun.AssertRounded(below180.Serum.P50[^1], printed[7], 0, $"{name}, median serum");
        ExampleRun.AssertRounded(below180.Serum.P95[^1], printed[8], 0, $"{name}, 95th percentile of serum");
    }

    /// <summary>The gap the example prints: a year of each regimen for one healthy adult by model 2 and model 3, and that model 2 is the higher on the tablet.</summary>
    [Theory]
    [InlineData("RDA diet alone", false)]
    [InlineData("diet + 1000 µg oral daily", true)]
    public void Prints_the_gap_between_model_2_and_model_3(string name, bool tablet)
    {
        var regimen = RegimenOf(tablet);
        var settings = new SimulationSettings(TimeSpan.FromDays(365)) { Step = TimeSpan.FromDays(365) };
        double Serum(ParameterSet physiology) => Simulator.Run(regimen, settings with { ParameterSet = physiology }).Series[^1].Serum.PicogramsPerMilliliter;
        var (model2, model3) = (Serum(ParameterSet.Healthy), Serum(ParameterSet.Healthy.WithFreeCapacity()));
        var printed = Run.Row(name + ": ");
        Assert.Equal(3 + 2, printed.Length); // "model 2" and "model 3" are printed as numbers too
        ExampleRun.AssertRounded(model2, printed[1], 0, $"{name}, model 2");
        ExampleRun.AssertRounded(model3, printed[3], 0, $"{name}, model 3");
        ExampleRun.AssertRounded(model2 / model3, printed[4], 2, $"{name}, ratio");
        Assert.True(!tablet || model2 > 2 * model3, $"model 2 {model2} against model 3 {model3}");
    }
}

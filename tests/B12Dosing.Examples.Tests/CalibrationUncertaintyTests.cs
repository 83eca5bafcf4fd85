using B12Dosing.Absorption;
using B12Dosing.Absorption.Calibration;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Regimens;

namespace B12Dosing.Examples.Tests;

/// <summary>docs/examples/calibration-uncertainty.cs: the calibration band and the population's percentiles it prints are the library's, and the fitted run lies inside both.</summary>
public sealed class CalibrationUncertaintyTests
{
    private static ExampleRun Run => ExampleRun.Of("calibration-uncertainty");

    [Theory]
    [InlineData(29)]
    [InlineData(89)]
    [InlineData(179)]
    [InlineData(269)]
    [InlineData(364)]
    public void Prints_the_fitted_run_the_calibration_band_and_the_population_percentiles(int day)
    {
        var horizon = TimeSpan.FromDays(365);
        var regimen = Regimen.Parse("1 mg im monthly");
        var settings = new SimulationSettings(horizon) { ParameterSet = ParameterSet.PerniciousAnemia, InitialStores = Mass.FromMicrograms(300) };
        var fitted = Simulator.Run(regimen.Events(horizon), settings).Series[day].Serum.PicogramsPerMilliliter;
        var band = CalibrationEstimate.Current.Simulate(regimen.Events(horizon), settings, 200, 1).Rows[day];
        var population = PopulationSimulator.Run(regimen, new PopulationSettings(500, horizon, 1)
        {
            Model = PopulationModel.Default with { Conditions = ConditionMix.Of((Condition.PerniciousAnemia, 1)), MedianInitialStores = Mass.FromMicrograms(300) },
        }).Serum;
        var printed = Assert.Single(Run.Lines, l => l.StartsWith($"{day} ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => t != "to").Select(double.Parse).ToArray();
        Assert.Equal(6, printed.Length);
        ExampleRun.AssertRounded(fitted, printed[1], 0, "fitted");
        ExampleRun.AssertRounded(band.SerumLower.PicogramsPerMilliliter, printed[2], 0, "calibration 5 %");
        ExampleRun.AssertRounded(band.SerumUpper.PicogramsPerMilliliter, printed[3], 0, "calibration 95 %");
        ExampleRun.AssertRounded(population.P5[day], printed[4], 0, "population 5th percentile");
        ExampleRun.AssertRounded(population.P95[day], printed[5], 0, "population 95th percentile");
        Assert.InRange(fitted, band.SerumLower.PicogramsPerMilliliter, band.SerumUpper.PicogramsPerMilliliter);
    }
}

using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Estimation;
using B12Dosing.Regimens;

namespace B12Dosing.Examples.Tests;

/// <summary>docs/examples/individual-estimate.cs: one person from their blood tests. Every printed number is the library's estimate of the same case, computed here.</summary>
public sealed class IndividualEstimateTests
{
    private static readonly Regimen Treatment = Regimen.Parse("1 mg im weekly for 4w then 1 mg im monthly");

    private static readonly PersonEstimate Expected = Estimator.Estimate(
        Treatment,
        Observation.ParseList("day 0: 95 pg/mL, day 30: 440 pg/mL, day 60: 365 pg/mL, day 60: holoTC 14 pmol/L, day 120: 390 pg/mL"),
        EstimationSettings.Default with { Condition = Condition.PerniciousAnemia });

    private static ExampleRun Run => ExampleRun.Of("individual-estimate");

    [Fact]
    public void Prints_each_estimated_parameter_as_the_library_gives_it()
    {
        Assert.True(Run.ExitCode == 0, Run.Stderr);
        Assert.All(Expected.Parameters, p => Assert.Contains(p.ToString(), Run.Lines));
        Assert.Equal(Expected.Warnings.Count, Run.Lines.Count(l => l.StartsWith("Warning: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Prints_each_measured_value_against_the_model_and_its_band()
    {
        foreach (var fit in Expected.Fits)
        {
            var row = Run.Row($"{fit.Observation}: model ");
            Assert.Equal(4, row.Length); // model, the 90 of "90 %", lower, upper
            double[] printed = [row[0], row[2], row[3]];
            ExampleRun.AssertRounded(fit.Predicted.PicomolesPerLiter, printed[0], 1, $"{fit.Observation} model");
            ExampleRun.AssertRounded(fit.Lower.PicomolesPerLiter, printed[1], 1, $"{fit.Observation} lower");
            ExampleRun.AssertRounded(fit.Upper.PicomolesPerLiter, printed[2], 1, $"{fit.Observation} upper");
            Assert.InRange(printed[0], printed[1], printed[2]);
        }
    }

    [Fact]
    public void Prints_the_projection_at_one_year()
    {
        var end = Expected.Project(Treatment, TimeSpan.FromDays(365), TimeSpan.FromDays(1)).Rows[^1];
        var printed = Run.Row("Day 365 on the same regimen: ");
        double[] expected = [end.Serum.PicogramsPerMilliliter, end.SerumLower.PicogramsPerMilliliter, end.SerumUpper.PicogramsPerMilliliter, end.Stores.Micrograms, end.StoresLower.Micrograms, end.StoresUpper.Micrograms];
        Assert.Equal(expected.Length + 2, printed.Length); // and the 90 of "90 %" twice
        var values = printed.Where((_, i) => i != 1 && i != 5).ToArray();
        Assert.All(expected.Zip(values), pair => ExampleRun.AssertRounded(pair.First, pair.Second, 0, string.Create(CultureInfo.InvariantCulture, $"day 365: {pair.First}")));
    }
}

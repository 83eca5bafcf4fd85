using B12Dosing.Absorption;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Examples.Tests;

/// <summary>docs/examples/pernicious-anaemia.cs: oral against IM protocols over the first year, from depleted stores.</summary>
public sealed class PerniciousAnaemiaTests
{
    private static readonly SimulationSettings Settings = new(TimeSpan.FromDays(365))
    {
        ParameterSet = ParameterSet.PerniciousAnemia.WithFreeCapacity(),
        InitialStores = Mass.FromMicrograms(150),
    };

    private static ExampleRun Run => ExampleRun.Of("pernicious-anaemia");

    [Theory]
    [InlineData("oral-1000-daily")]
    [InlineData("kuzminski-oral")]
    [InlineData("kuzminski-im")]
    [InlineData("stabler-2013")]
    [InlineData("bnf-no-neuro")]
    [InlineData("bnf-neuro")]
    [InlineData("us-label-cyanocobalamin")]
    public void Prints_what_the_simulation_gives_for_each_protocol(string protocol)
    {
        var result = Simulate(protocol);
        var expected = new List<(double Value, int Decimals, string What)>
        {
            (result.Series[30].Stores.Micrograms, 0, "stores on day 30"),
            (result.Series[90].Stores.Micrograms, 0, "stores on day 90"),
            (result.Series[365].Stores.Micrograms, 0, "stores on day 365"),
            (result.Series[120].Serum.PicogramsPerMilliliter, 0, "serum on day 120"),
            (result.Series[365].Serum.PicogramsPerMilliliter, 0, "serum on day 365"),
        };
        foreach (var stores in new[] { 300.0, 2500.0 })
        {
            if (result.TryFindTimeStoresReach(Mass.FromMicrograms(stores), out var time))
            {
                expected.Add((time.TotalDays, 1, $"day the stores reach {stores} µg"));
            }
        }

        expected.Add((result.Summary.TotalDose.Micrograms / 1000, 1, "mg dosed"));
        var line = Assert.Single(Run.Lines, l => l.StartsWith(protocol + " ", StringComparison.Ordinal) && l.EndsWith(" mg", StringComparison.Ordinal));
        var printed = ExampleRun.Numbers(line[protocol.Length..]);
        Assert.Equal(expected.Count, printed.Length);
        for (var i = 0; i < expected.Count; i++)
        {
            ExampleRun.AssertRounded(expected[i].Value, printed[i], expected[i].Decimals, $"{protocol}, {expected[i].What}");
        }

        var daysFound = expected.Count - 6;
        Assert.Equal(2 - daysFound, line.Split(" never").Length - 1);
    }

    [Fact]
    public void Prints_the_oral_to_im_ratio_of_stores_after_a_year()
    {
        var printed = Run.Row("After a year, 2000 µg by mouth daily has put ");
        var ratio = Simulate("kuzminski-oral").Series[365].Stores.Micrograms / Simulate("kuzminski-im").Series[365].Stores.Micrograms;
        ExampleRun.AssertRounded(ratio, printed[0], 1, "oral / IM stores after a year");
    }

    [Fact]
    public void Prints_the_gap_of_model_2_on_the_daily_tablet()
    {
        var line = Assert.Single(Run.Lines, l => l.StartsWith("default, model 2, would put kuzminski-oral's serum on day 365 at ", StringComparison.Ordinal));
        var model2 = Simulator.Run(RegimenCatalogue.Get("kuzminski-oral").Regimen, Settings with { ParameterSet = ParameterSet.PerniciousAnemia }).Series[365].Serum.PicogramsPerMilliliter;
        ExampleRun.AssertRounded(model2, ExampleRun.Numbers(line)[^1], 0, "model 2's serum on day 365");
        Assert.True(model2 > 2 * Simulate("kuzminski-oral").Series[365].Serum.PicogramsPerMilliliter, line);
    }

    private static SimulationResult Simulate(string protocol) => Simulator.Run(RegimenCatalogue.Get(protocol).Regimen, Settings);
}

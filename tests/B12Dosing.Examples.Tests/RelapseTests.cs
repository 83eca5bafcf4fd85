using B12Dosing.Absorption;
using B12Dosing.Kinetics;
using B12Dosing.Regimens;

namespace B12Dosing.Examples.Tests;

/// <summary>docs/examples/relapse.cs: full stores after treatment stops, by condition, over 20 years.</summary>
public sealed class RelapseTests
{
    private const int Years = 20;
    private static readonly SimulationSettings Settings = new(TimeSpan.FromDays(365 * Years));

    private static ExampleRun Run => ExampleRun.Of("relapse");

    public static TheoryData<string, Condition, bool> Cases() => new()
    {
        { "healthy, RDA diet", Condition.Healthy, true },
        { "pernicious-anemia, RDA diet", Condition.PerniciousAnemia, true },
        { "atrophic-gastritis, RDA diet", Condition.AtrophicGastritis, true },
        { "gastrectomy, RDA diet", Condition.Gastrectomy, true },
        { "ileal-resection, RDA diet", Condition.IlealResection, true },
        { "pernicious-anemia, no B12 at all", Condition.PerniciousAnemia, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Prints_what_the_simulation_gives_for_each_condition(string name, Condition condition, bool diet)
    {
        var physiology = ParameterSet.For(condition);
        var result = Simulator.Run(diet ? RegimenCatalogue.Get("rda-diet").Regimen : Regimen.None, Settings with { ParameterSet = physiology });
        var line = Assert.Single(Run.Lines, l => l.StartsWith(name + " ", StringComparison.Ordinal));
        var printed = ExampleRun.Numbers(line[name.Length..]);
        Assert.Equal(5, printed.Length);
        AssertYears(result.TryFindTimeSerumReaches(MassConcentration.FromPicogramsPerMilliliter(350), out var serumTime), serumTime.TotalDays, printed[0], line, "serum below 350 pg/mL");
        AssertYears(result.TryFindTimeStoresReach(Mass.FromMicrograms(300), out var storesTime), storesTime.TotalDays, printed[1], line, "stores below 300 µg");
        ExampleRun.AssertRounded(result.Series[365 * 5].Stores.Micrograms, printed[2], 0, $"{name}, stores at 5 years");
        ExampleRun.AssertRounded(result.Series[^1].Stores.Micrograms, printed[3], 0, $"{name}, stores at {Years} years");
        ExampleRun.AssertRounded(physiology.StoreLossPerDay * 100, printed[4], 3, $"{name}, % of stores lost a day");
    }

    private static void AssertYears(bool found, double day, double printed, string line, string what)
    {
        if (found)
        {
            ExampleRun.AssertRounded(day / 365, printed, 1, $"years until {what}");
        }
        else
        {
            Assert.Equal(Years, printed);
            Assert.Contains($"> {Years}", line, StringComparison.Ordinal);
        }
    }
}

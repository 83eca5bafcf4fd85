using B12Dosing.Absorption;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Regimens;

namespace B12Dosing.Tests.PublicApi;

/// <summary><see cref="B12"/>, the common path behind one <c>using</c> (issue 18, item 7): each member gives exactly what the long path gives.</summary>
public class CommonPathTests
{
    [Fact]
    public void The_shorthands_give_what_the_types_give()
    {
        Assert.Equal(ParameterSet.For(Effect.AtrophicGastritis + Effect.Omeprazole40), B12.Parameters("atrophic-gastritis+omeprazole-40"));
        Assert.Equal(ParameterSet.Healthy, B12.Parameters());
        Assert.Equal(RegimenCatalogue.Get("bnf-no-neuro").Regimen, B12.Regimen("bnf-no-neuro"));

        var longPath = Simulator.Run(RegimenCatalogue.Get("bnf-no-neuro").Regimen, new SimulationSettings(TimeSpan.FromDays(60)) { ParameterSet = ParameterSet.PerniciousAnemia, InitialStores = Mass.FromMicrograms(150) });
        var shortPath = B12.Simulate("bnf-no-neuro", TimeSpan.FromDays(60), "pernicious-anemia", Mass.FromMicrograms(150));
        Assert.Equal(longPath.Summary, shortPath.Summary);
        Assert.Equal(SimulationSettings.AverageStores, B12.Simulate("none", TimeSpan.FromDays(1)).Settings.InitialStores);

        var population = B12.Population("bnf-no-neuro", TimeSpan.FromDays(30), 50, 3, "pernicious-anemia=0.5,healthy");
        var expected = PopulationSimulator.Run(RegimenCatalogue.Get("bnf-no-neuro").Regimen, new PopulationSettings(50, TimeSpan.FromDays(30), 3) { Model = PopulationModel.Default with { Conditions = ConditionMix.Parse("pernicious-anemia=0.5,healthy") } });
        Assert.Equal(expected.Serum.P50, population.Serum.P50);
        Assert.Throws<FormatException>(() => B12.Parameters("scurvy"));
    }
}

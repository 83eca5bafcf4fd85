using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Regimens;
using B12Dosing.Tests.Shared;

namespace B12Dosing.Tests.Hardening;

/// <summary>Types documented as immutable hand out read-only views, not their arrays (issue 12, class 5).</summary>
public class LeakTests
{
    [Fact]
    public void Results_settings_mixes_guidelines_and_catalogues_hand_out_read_only_views()
    {
        var simulation = Simulator.Run(Regimen.Parse("1 mg im daily x3"), new SimulationSettings(TimeSpan.FromDays(5)) { SampleTimes = [TimeSpan.Zero, TimeSpan.FromDays(1)] });
        var population = PopulationSimulator.Run(Regimen.None, new PopulationSettings(10, TimeSpan.FromDays(3), 1));
        object[] instances =
        [
            simulation, simulation.Settings, population, population.Stores, population.Serum,
            ConditionMix.Parse("pa=0.5,healthy"), RegimenCatalogue.All[0], SerumGuidelines.NiceTotal,
        ];
        var count = instances.Sum(ReadOnlyViews.AssertAll);
        ReadOnlyViews.AssertReadOnly(SerumGuidelines.All, "SerumGuidelines.All");
        ReadOnlyViews.AssertReadOnly(RegimenCatalogue.All, "RegimenCatalogue.All");
        ReadOnlyViews.AssertReadOnly(RegimenCatalogue.Names, "RegimenCatalogue.Names");
        ReadOnlyViews.AssertReadOnly(Regimen.DefaultMealTimes, "Regimen.DefaultMealTimes");
        Assert.True(count >= 14, $"only {count} sequences checked");
    }

    [Fact]
    public void Writing_through_a_cast_cannot_change_a_result()
    {
        var simulation = Simulator.Run(Regimen.Parse("1 mg im daily x3"), new SimulationSettings(TimeSpan.FromDays(5)));
        Assert.False(simulation.Series is SimulationRow[]);
        Assert.Throws<NotSupportedException>(() => ((IList<SimulationRow>)simulation.Series)[0] = default);
        Assert.Throws<NotSupportedException>(() => ((IList<SerumBand>)SerumGuidelines.NiceTotal.Bands)[0] = SerumGuidelines.NiceTotal.Bands[1]);
    }
}

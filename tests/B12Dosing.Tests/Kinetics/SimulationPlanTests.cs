using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using B12Dosing.Tests.Properties;
using B12Dosing.Tests.Shared;
using static B12Dosing.Tests.Kinetics.KineticsTestData;

namespace B12Dosing.Tests.Kinetics;

public class SimulationPlanTests
{
    /// <summary>The allocation-free path (plan + span) gives bit for bit the rows of <see cref="Simulator.Run(ReadOnlySpan{DoseEvent}, SimulationSettings)"/>.</summary>
    [Property]
    public Property Span_path_is_bit_identical_to_Simulator_Run(DoseEvent[] events, Condition condition, InitialStores stores) => Prop.ForAll(
        Arbitraries.OneOf(24, 1, 6, 7, 72),
        hours =>
        {
            var settings = new SimulationSettings(TimeSpan.FromDays(61)) { ParameterSet = ParameterSet.For(condition), InitialStores = stores.Mass, Step = TimeSpan.FromHours(hours) };
            var rows = Simulator.Run(events, settings).Series;
            var plan = new SimulationPlan(events, settings.Horizon, settings.Step);
            var pools = new PoolState[plan.OutputCount];
            Simulator.Run(plan, settings.ParameterSet, settings.InitialStores, pools);
            return rows.Count == pools.Length
                && rows.Select((r, i) => r.StoresMicrograms == pools[i].StoresMicrograms && r.PlasmaMicrograms == pools[i].PlasmaMicrograms && r.Day == plan.Day(i)).All(b => b);
        });

    [Fact]
    public void Daily_output_with_doses_on_the_day_needs_one_propagator()
    {
        var plan = new SimulationPlan(RegimenCatalogue.Get("bnf-no-neuro").Regimen.Events(TimeSpan.FromDays(365)).AsSpan(), TimeSpan.FromDays(365), TimeSpan.FromDays(1));
        Assert.Equal(366, plan.OutputCount);
        Assert.Equal(1, plan.DistinctIntervalCount);
        Assert.Equal(365, plan.Day(365));
        var meals = new SimulationPlan(RegimenCatalogue.Get("rda-diet").Regimen.Events(TimeSpan.FromDays(30)).AsSpan(), TimeSpan.FromDays(30), TimeSpan.FromDays(1));
        Assert.Equal(3, meals.DistinctIntervalCount); // 8 h, 5 h, 6 h, 5 h
        Assert.Equal(90, meals.IntakeCount);
    }

    [Fact]
    public void Span_path_rejects_bad_arguments()
    {
        var plan = new SimulationPlan([At(1, Im(1000))], TimeSpan.FromDays(10), TimeSpan.FromDays(1));
        Assert.Throws<ArgumentException>("destination", () => Simulator.Run(plan, ParameterSet.Healthy, Mass.FromMicrograms(2500), new PoolState[10]));
        Assert.Throws<ArgumentOutOfRangeException>("initialStores", () => Simulator.Run(plan, ParameterSet.Healthy, Mass.FromGrams(2), new PoolState[11]));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => plan.Day(11));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulationPlan([], TimeSpan.FromDays(-1), TimeSpan.FromDays(1)));
        Assert.Throws<ArgumentException>("events", () => new SimulationPlan([default], TimeSpan.FromDays(1), TimeSpan.FromDays(1)));
    }

    /// <summary>Many distinct intervals (gaps of 2i + 8 minutes: more than fit on the stack) take the pooled path and still match.</summary>
    [Fact]
    public void Plans_with_many_distinct_intervals_match()
    {
        DoseEvent[] events = [.. Enumerable.Range(1, 60).Select(i => new DoseEvent(TimeSpan.FromMinutes(i * (i + 7)), Oral(10 * i)))];
        var settings = new SimulationSettings(TimeSpan.FromDays(3)) { Step = TimeSpan.FromDays(3) };
        var plan = new SimulationPlan(events, settings.Horizon, settings.Step);
        Assert.True(plan.DistinctIntervalCount > 32);
        var pools = new PoolState[plan.OutputCount];
        Simulator.Run(plan, settings.ParameterSet, settings.InitialStores, pools);
        Assert.Equal(Simulator.Run(events, settings).Series.Select(r => r.StoresMicrograms), pools.Select(p => p.StoresMicrograms));
    }

    /// <summary>The exported intakes are the ones the run applies: their sums are the summary's totals, the carriers start in balance, and integrating the pool equations with <see cref="PoolRates"/> from them (<see cref="SimulationReference"/>) gives the rows.</summary>
    [Fact]
    public void Intake_outcomes_and_rates_describe_the_run()
    {
        DoseEvent[] events = [At(0.25, Oral(1000)), At(0.5, Oral(2)), At(0.5, Oral(3)), At(3, Im(1000)), At(3, Oral(10))];
        var settings = new SimulationSettings(TimeSpan.FromDays(5)) { ParameterSet = ParameterSet.IlealResection };
        var result = Simulator.Run(events, settings);
        var outcomes = new SimulationPlan(events, settings.Horizon, settings.Step).IntakeOutcomes(settings.ParameterSet);
        Assert.Equal([0.25, 0.5, 3, 3], outcomes.Select(o => o.Day));
        Assert.Equal(2015, outcomes.Sum(o => o.Outcome.DoseMicrograms), 9);
        Assert.Equal(result.Summary.TotalRetainedMicrograms, outcomes.Sum(o => o.Outcome.RetainedMicrograms), 9);

        var (tc, hc) = PoolRates.Of(settings.ParameterSet).CarriersInBalanceWith(2500);
        Assert.Equal(result.Series[0].HoloTranscobalaminMicrograms, tc);
        Assert.Equal(result.Series[0].HoloHaptocorrinMicrograms, hc);
        Assert.Equal(result.Series[5].StoresMicrograms, SimulationReference.Run(events, settings)[5].Stores, result.Series[5].StoresMicrograms * 1e-6);
    }
}

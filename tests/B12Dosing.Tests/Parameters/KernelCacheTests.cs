using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Tests.Parameters;

/// <summary>
/// Issue 18: the kernels' caches are keyed by the parameter values, so two equal sets, built separately, share them
/// (no second solve, the same result to the bit) and a changed set does not. Each kernel counts its cache misses on
/// the test's thread (the caches are per thread); a test reads the count before and after.
/// </summary>
public class KernelCacheTests
{
    /// <summary>A set built anew on each call: equal values, a distinct instance.</summary>
    private static ParameterSet Built(double plasmaLiters) => ParameterSet.Healthy with { PlasmaVolume = Volume.FromLiters(plasmaLiters) };

    [Fact]
    public void Equal_sets_built_separately_are_distinct_instances_with_equal_values()
    {
        var (a, b) = (Built(3.21), Built(3.21));
        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.NotEqual(a, Built(3.22));
    }

    [Fact]
    public void The_plasma_load_cache_is_shared_by_equal_sets_and_not_by_a_changed_one()
    {
        var (a, b, changed) = (Built(3.21), Built(3.21), Built(3.22));
        const double Load = 777.25, Other = 313.5;
        var first = PlasmaLoad.Solve(Load, LoadSite.Injection, CobalaminForm.Cyanocobalamin, a);
        // Another load in between, so that the equal set is served by the grid cache, not the last solve.
        _ = PlasmaLoad.Solve(Other, LoadSite.Injection, CobalaminForm.Cyanocobalamin, a);
        var solves = PlasmaLoad.t_gridSolves;
        Assert.Equal(first, PlasmaLoad.Solve(Load, LoadSite.Injection, CobalaminForm.Cyanocobalamin, b));
        Assert.Equal(solves, PlasmaLoad.t_gridSolves);

        var other = PlasmaLoad.Solve(Load, LoadSite.Injection, CobalaminForm.Cyanocobalamin, changed);
        Assert.True(PlasmaLoad.t_gridSolves > solves, "A changed set must be solved anew.");
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void The_model_three_dose_cache_is_shared_by_equal_sets_and_not_by_a_changed_one()
    {
        var (a, b, changed) = (Built(3.21).WithFreeCapacity(), Built(3.21).WithFreeCapacity(), Built(3.22).WithFreeCapacity());
        Assert.NotSame(a, b);
        const double Dose = 517.75, Other = 91.5;
        var capacity = a.EffectiveIntrinsicFactorCapacityMicrograms;
        var first = FreeCapacityModel.Evaluate(Dose, Route.Oral, CobalaminForm.Cyanocobalamin, DoseVehicle.Crystalline, a, capacity);
        _ = FreeCapacityModel.Evaluate(Other, Route.Oral, CobalaminForm.Cyanocobalamin, DoseVehicle.Crystalline, a, capacity);
        var solves = FreeCapacityModel.t_gridSolves;
        Assert.Equal(first, FreeCapacityModel.Evaluate(Dose, Route.Oral, CobalaminForm.Cyanocobalamin, DoseVehicle.Crystalline, b, capacity));
        Assert.Equal(solves, FreeCapacityModel.t_gridSolves);

        var other = FreeCapacityModel.Evaluate(Dose, Route.Oral, CobalaminForm.Cyanocobalamin, DoseVehicle.Crystalline, changed, capacity);
        Assert.True(FreeCapacityModel.t_gridSolves > solves, "A changed set must be solved anew.");
        Assert.NotEqual(first.RetainedMicrograms, other.RetainedMicrograms);
    }

    [Fact]
    public void The_propagator_cache_is_shared_by_equal_sets_and_not_by_a_changed_one()
    {
        var (a, b, changed) = (Built(3.21), Built(3.21), ParameterSet.Healthy with { LabileHalfLife = TimeSpan.FromDays(29) });
        var ticks = TimeSpan.FromHours(7).Ticks + 13;
        var ratesA = PoolRates.Of(a);
        var first = Propagator.Cached(in ratesA, ticks);
        var created = Propagator.t_created;
        var ratesB = PoolRates.Of(b);
        Assert.Equal(ratesA, ratesB);
        Assert.Equal(first.Core[6], Propagator.Cached(in ratesB, ticks).Core[6]);
        Assert.Equal(created, Propagator.t_created);

        var ratesChanged = PoolRates.Of(changed);
        var other = Propagator.Cached(in ratesChanged, ticks);
        Assert.Equal(created + 1, Propagator.t_created);
        Assert.NotEqual(first.Labile, other.Labile);
    }

    /// <summary>Through the public simulator: equal sets give the same rows to the bit, a changed one does not.</summary>
    [Fact]
    public void Equal_sets_give_the_same_rows_and_a_changed_set_other_rows()
    {
        var regimen = RegimenCatalogue.Get("bnf-no-neuro").Regimen;
        SimulationResult Run(ParameterSet p) => Simulator.Run(regimen, new SimulationSettings(TimeSpan.FromDays(120)) { ParameterSet = p });
        var (a, b, changed) = (Run(Built(3.21)), Run(Built(3.21)), Run(Built(3.22)));
        Assert.Equal(a.ToCsv(), b.ToCsv());
        Assert.Equal(a.Summary, b.Summary);
        Assert.NotEqual(a.ToCsv(), changed.ToCsv());
    }
}

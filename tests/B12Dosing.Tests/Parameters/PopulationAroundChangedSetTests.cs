using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Parameters;
using B12Dosing.Population;
using B12Dosing.Regimens;

namespace B12Dosing.Tests.Parameters;

/// <summary>A population around a changed parameter set (<see cref="PopulationModel.Changes"/>): its patients vary around the changed set, on the fast path.</summary>
public class PopulationAroundChangedSetTests
{
    private static readonly ParameterChanges Changes = ParameterChanges.Of(("GlomerularFiltrationMillilitersPerMinute", 30), ("PlasmaVolume", 4));

    [Fact]
    public void Patients_vary_around_the_changed_set_of_their_condition()
    {
        var model = PopulationModel.Default with { Conditions = ConditionMix.Of((Condition.Healthy, 1), (Condition.PerniciousAnemia, 1)), Changes = Changes };
        for (var i = 0; i < 50; i++)
        {
            var patient = model.Patient(11, i);
            Assert.Equal(30, patient.ParameterSet.GlomerularFiltrationMillilitersPerMinute);
            Assert.Equal(4, patient.ParameterSet.Value("PlasmaVolume"));
            Assert.Equal(ParameterSet.For(patient.Condition).IntrinsicFactorCapacityMicrograms == 0, patient.ParameterSet.IntrinsicFactorCapacityMicrograms == 0);
        }

        Assert.Equal(Changes.Apply(ParameterSet.PerniciousAnemia), model.ParametersFor(Condition.PerniciousAnemia));
    }

    /// <summary>The retention tables are built from the changed sets, so every patient's injected load is read from a table, not solved.</summary>
    [Fact]
    public void Every_patients_injection_is_on_the_fast_path()
    {
        var model = PopulationModel.Default with { Conditions = ConditionMix.Of((Condition.Healthy, 1), (Condition.PerniciousAnemia, 1)), Changes = Changes };
        var plan = AssertEveryInjectionIsTabled(model, 50);
        var unchanged = PopulationSimulator.RetentionTablesFor(plan, model with { Changes = ParameterChanges.None })!;
        var changedPatient = model.Patient(5, 0).ParameterSet;
        var (l, s) = AbsorptionModel.BypassLoad(1000, Route.Intramuscular, changedPatient);
        Assert.False(unchanged.TryGet(l, s, hydroxo: true, changedPatient, out _));
    }

    /// <summary>
    /// Builds the retention tables of a 60-day <c>bnf-no-neuro</c> plan for <paramref name="model"/> and checks that the
    /// injected load of each of its first <paramref name="patients"/> patients is read from them, within the tables'
    /// documented accuracy against a reference solve (1e-10 of the load). Returns the plan.
    /// </summary>
    internal static SimulationPlan AssertEveryInjectionIsTabled(PopulationModel model, int patients)
    {
        var plan = new SimulationPlan([.. RegimenCatalogue.Get("bnf-no-neuro").Regimen.Events(TimeSpan.FromDays(60))], TimeSpan.FromDays(60), TimeSpan.FromDays(1));
        var tables = PopulationSimulator.RetentionTablesFor(plan, model);
        Assert.NotNull(tables);
        for (var i = 0; i < patients; i++)
        {
            var p = model.Patient(5, i).ParameterSet;
            var (load, site) = AbsorptionModel.BypassLoad(1000, Route.Intramuscular, p);
            Assert.True(tables.TryGet(load, site, hydroxo: true, p, out var tabled), $"patient {i} is not covered");
            Assert.Equal(PlasmaLoad.SolveReference(load, site, hydroxo: true, p).Tissue, tabled.Tissue, 1e-10 * load);
        }

        return plan;
    }

    [Fact]
    public void Changes_compare_by_value_and_refuse_bad_input_under_the_public_name()
    {
        Assert.Equal(ParameterChanges.Of(("PlasmaVolume", 4)), ParameterChanges.Parse(["plasmavolume=4000 mL"]));
        Assert.Equal("HoloTranscobalaminHalfLife = 6 h", ParameterChanges.Parse(["HoloTranscobalaminHalfLife=0.25 d"]).ToString());
        Assert.Equal("IntrinsicFactorCapacity", Assert.Throws<ArgumentOutOfRangeException>(() => ParameterChanges.Parse(["IntrinsicFactorCapacity=1 mg"])).ParamName);
        Assert.Throws<FormatException>(() => ParameterChanges.Parse(["PassiveFraction=1e400"]));
        Assert.Throws<FormatException>(() => ParameterChanges.Parse(["PassiveFraction=abc"]));
        Assert.Throws<ArgumentException>(() => ParameterChanges.Of(("ReferenceStores", 2000)));
    }
}

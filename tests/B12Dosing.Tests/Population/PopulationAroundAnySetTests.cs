using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Parameters;
using B12Dosing.Population;
using B12Dosing.Regimens;
using B12Dosing.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace B12Dosing.Tests.Population;

/// <summary>
/// Populations around any parameter set (issue 18, item 5): a base set of its own, conditions as effects on it,
/// variation declared per parameter (the built-in five and further ones), the patients deterministic from the seed and
/// within their bounds, each patient's run retrievable by index, and the fast path for any base set.
/// </summary>
public class PopulationAroundAnySetTests
{
    private static readonly ParameterSet Changed = ParameterSet.Healthy.With([new("HoloTranscobalaminHalfLife", 6), new("PlasmaVolume", 4)]);

    private static readonly ParameterVariations Further = ParameterVariations.Of(
        ("HoloTranscobalaminHalfLife", new Variation(0.2, 0.5, 2)),
        ("GlomerularFiltrationMillilitersPerMinute", new Variation(0.3, 0.25, 1.5)));

    [Fact]
    public void Conditions_act_on_the_base_set_and_patients_vary_around_it()
    {
        var model = PopulationModel.Default with { Parameters = Changed, Conditions = ConditionMix.Parse("healthy=0.5,atrophic-gastritis+omeprazole-40=0.5") };
        Assert.Equal(Changed, model.ParametersFor(Effect.Healthy));
        Assert.Equal((Effect.AtrophicGastritis + Effect.Omeprazole40).ApplyTo(Changed), model.ParametersFor(Effect.Parse("atrophic-gastritis+omeprazole-40")));
        for (var i = 0; i < 40; i++)
        {
            var patient = model.Patient(3, i);
            Assert.Equal(4, patient.ParameterSet.Value("PlasmaVolume"));
            Assert.Equal(model.ParametersFor(patient.Condition).FoodReleaseFraction, patient.ParameterSet.FoodReleaseFraction);
        }
    }

    [Fact]
    public void A_further_variation_leaves_the_earlier_draws_as_they_were()
    {
        var plain = PopulationModel.Default with { Parameters = Changed };
        var varied = plain with { Variations = Further };
        for (var i = 0; i < 40; i++)
        {
            var (a, b) = (plain.Patient(8, i), varied.Patient(8, i));
            Assert.Equal(a.InitialStores, b.InitialStores);
            Assert.Equal(a.Condition, b.Condition);
            var f = b.ParameterSet.Value("HoloTranscobalaminHalfLife") / a.ParameterSet.Value("HoloTranscobalaminHalfLife");
            Assert.InRange(f, 0.5 * (1 - 1e-12), 2 * (1 + 1e-12));
            // Everything else is the earlier patient's (the derived release follows the changed half-life unless pinned).
            Assert.Equal(
                a.ParameterSet with { HaptocorrinReleasePerDay = 0.001 },
                b.ParameterSet with { HoloTranscobalaminHalfLifeHours = a.ParameterSet.HoloTranscobalaminHalfLifeHours, GlomerularFiltrationMillilitersPerMinute = a.ParameterSet.GlomerularFiltrationMillilitersPerMinute, HaptocorrinReleasePerDay = 0.001 });
        }
    }

    [Fact]
    public void A_variation_whose_corner_breaks_a_rule_is_refused_where_the_model_enters_a_run()
    {
        // The IF capacity alone (not its half-saturation dose with it) raised 1.5-fold: some patients would absorb more than the dose.
        var model = PopulationModel.Default with { Variations = ParameterVariations.Of(("IntrinsicFactorCapacity", new Variation(0.1, 1, 1.5))) };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PopulationSettings(10, TimeSpan.FromDays(1), 1) { Model = model });
        Assert.Contains("healthy patient would be illegal", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ParameterVariations.Of(("ReferenceSerum", new Variation(0.1, 0.5, 2))));
        Assert.Throws<ArgumentException>(() => ParameterVariations.Of(("PassiveFraction", Variation.None), ("passivefraction", Variation.None)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PopulationModel.Default with
        {
            Variations = ParameterVariations.Of(ModelParameters.Settable.Take(PopulationModel.MaximumVariations + 1).Select(p => new ParameterVariation(p, Variation.None))),
        });
    }

    /// <summary>The same seed and index give the same patient, whatever else was drawn; every drawn value lies in its parameter's bounds and its factors' range.</summary>
    [Property]
    public Property Patients_are_deterministic_from_the_seed_and_within_their_bounds(ulong seed, Effect condition) => Prop.ForAll(
        Arbitraries.Between(0, 100000),
        index =>
        {
            var model = PopulationModel.Default with { Parameters = Changed, Conditions = ConditionMix.Only(condition), Variations = Further };
            var patient = model.Patient(seed, index);
            _ = model.Patient(seed, index + 1);
            var preset = model.ParametersFor(condition);
            var t = patient.ParameterSet.Value("HoloTranscobalaminHalfLife") / preset.Value("HoloTranscobalaminHalfLife");
            var g = patient.ParameterSet.GlomerularFiltrationMillilitersPerMinute / preset.GlomerularFiltrationMillilitersPerMinute;
            return patient == model.Patient(seed, index)
                && patient.Condition == condition
                && t >= 0.5 * (1 - 1e-12) && t <= 2 * (1 + 1e-12)
                && g >= 0.25 * (1 - 1e-12) && g <= 1.5 * (1 + 1e-12)
                && ModelParameters.Settable.All(p => p.ValueIn(patient.ParameterSet) >= p.Minimum && p.ValueIn(patient.ParameterSet) <= p.Maximum)
                && patient.ParameterSet.MaximumOralFraction <= 1;
        });

    /// <summary>A population around a changed base set with a combined condition runs on the fast path: every injected load is read from a table built from that set.</summary>
    [Fact]
    public void A_population_around_a_changed_set_runs_on_the_fast_path()
    {
        var model = PopulationModel.Default with { Parameters = Changed, Conditions = ConditionMix.Only(Effect.PerniciousAnemia + Effect.Metformin) };
        var plan = Parameters.PopulationAroundChangedSetTests.AssertEveryInjectionIsTabled(model, 30);

        // The tables of the default base do not cover these patients: the fast path is the changed set's own.
        var p0 = model.Patient(5, 0).ParameterSet;
        var (l0, s0) = AbsorptionModel.BypassLoad(1000, Route.Intramuscular, p0);
        Assert.False(PopulationSimulator.RetentionTablesFor(plan, model with { Parameters = ParameterSet.Healthy })!.TryGet(l0, s0, hydroxo: true, p0, out _));
    }

    /// <summary>Each patient's own run is retrievable by index: its drawn set and stores, and rows the population counted (one patient: its percentiles are its values, within the histograms' resolution).</summary>
    [Fact]
    public void Each_patients_run_is_retrievable_by_index()
    {
        var regimen = RegimenCatalogue.Get("bnf-no-neuro").Regimen;
        var settings = new PopulationSettings(3, TimeSpan.FromDays(90), 21)
        {
            Model = PopulationModel.Default with { Parameters = Changed, Conditions = ConditionMix.Only(Condition.PerniciousAnemia) },
            FirstPatient = 7,
        };
        for (var i = 0; i < settings.Patients; i++)
        {
            var run = PopulationSimulator.RunPatient(regimen, settings, i);
            var patient = settings.Model.Patient(settings.Seed, settings.FirstPatient + i);
            Assert.Equal(patient.ParameterSet, run.Settings.ParameterSet);
            Assert.Equal(patient.InitialStores, run.Settings.InitialStores);
            Assert.Equal(run.Summary, PopulationSimulator.RunPatient(regimen, settings, i).Summary);
            var alone = PopulationSimulator.Run(regimen, settings with { Patients = 1, FirstPatient = settings.FirstPatient + i });
            for (var row = 0; row < run.Count; row += 15)
            {
                var stores = run[row].Stores.Micrograms;
                Assert.InRange(alone.StoresPercentile(row, 50).Micrograms, stores * (1 - PopulationResult.PercentileRelativeError), stores * (1 + PopulationResult.PercentileRelativeError));
            }
        }

        Assert.Throws<ArgumentOutOfRangeException>("index", () => PopulationSimulator.RunPatient(regimen, settings, 3));
    }
}

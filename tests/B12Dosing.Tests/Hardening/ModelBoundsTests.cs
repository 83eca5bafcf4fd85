using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using B12Dosing.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using B12Dosing.Tests.Properties;
using Xunit.Abstractions;

namespace B12Dosing.Tests.Hardening;

/// <summary>
/// Legal settings never yield NaN or infinity (issue 12, class 2). Every physiology parameter is bounded to a
/// documented range; this property draws every parameter anywhere in its range (often at an end), with the doses,
/// regimens and initial stores the library accepts, and requires every outcome to be finite, bounded and in mass
/// balance. A new parameter gets a bound and a line in <see cref="B12Arbitraries.AnyPhysiology"/> (its parameter table).
/// </summary>
public class ModelBoundsTests(ITestOutputHelper output)
{
    /// <summary>Any legal dose: from the smallest positive mass to 5 g, any route and form, food-bound one time in five.</summary>
    private static readonly Arbitrary<Dose> AnyDose = Arb.From(
        from micrograms in Gen.Frequency(
            (1, Gen.Elements(double.Epsilon, 1e-300, Dose.MaximumAmount.Micrograms)),
            (4, Gen.Choose(-300, 6).Select(k => Math.Pow(10, k))))
        from route in Gen.Elements(Routes.All.ToArray())
        from form in Gen.Elements(CobalaminForms.All.ToArray())
        from food in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        select food ? Dose.Food(Mass.FromMicrograms(micrograms)) : Dose.Create(Mass.FromMicrograms(micrograms), route, form),
        dose => Shrink.Toward(dose.Amount.Micrograms, 1000, double.Epsilon, Dose.MaximumAmount.Micrograms, logScale: true)
            .Select(ug => dose.Vehicle == DoseVehicle.FoodBound ? Dose.Food(Mass.FromMicrograms(ug)) : Dose.Create(Mass.FromMicrograms(ug), dose.Route, dose.Form)));

    private static Fuzzer<(ParameterSet, Dose)> DoseOutcomes => new(
        nameof(Every_dose_outcome_is_finite_and_bounded_for_every_legal_physiology),
        Arbitraries.Pair(B12Arbitraries.AnyPhysiology(), AnyDose),
        x =>
        {
            var (physiology, dose) = x;
            var o = AbsorptionModel.Evaluate(dose, physiology);
            Assert.True(double.IsFinite(o.AbsorbedMicrograms) && double.IsFinite(o.RetainedMicrograms) && double.IsFinite(o.IntrinsicFactorAfter.AvailableMicrograms), $"{dose}: {o} with {physiology}");
            var slack = 1 + 1e-12;
            Assert.True(o.RetainedMicrograms >= 0 && o.RetainedMicrograms <= (o.AbsorbedMicrograms * slack) + 1e-307 && o.AbsorbedMicrograms <= (o.DoseMicrograms * slack) + 1e-307, $"{dose}: {o} with {physiology}");
            return o.RetainedMicrograms > 0;
        });

    /// <summary>A run: its physiology and dose, and the interval (days), horizon (days) and initial stores (µg), each shrinking toward the first.</summary>
    private static Fuzzer<((ParameterSet, (Dose, (double, int))), double)> Simulations => new(
        nameof(Every_simulation_is_finite_and_balanced_for_every_legal_physiology),
        Arbitraries.Pair(
            Arbitraries.Pair(
                B12Arbitraries.AnyPhysiology(),
                Arbitraries.Pair(AnyDose, Arbitraries.Pair(Arbitraries.OneOf(1, 1.0 / 24, 7, 90), Arbitraries.OneOf(30, 1, 365, 3650)))),
            Arbitraries.OneOf(2500, 0, 1e-300, 1, SimulationSettings.MaximumInitialStoresMicrograms)),
        x =>
        {
            var ((physiology, (dose, (interval, days))), stores) = x;
            days = interval < 1 ? Math.Min(days, 30) : days; // hourly doses: at most 30 days
            var settings = new SimulationSettings(TimeSpan.FromDays(days))
            {
                ParameterSet = physiology,
                InitialStores = Mass.FromMicrograms(stores),
                Step = TimeSpan.FromDays(Math.Max(1, days / 100)),
            };
            var regimen = Regimen.Start(dose).Every(TimeSpan.FromHours(interval * 24)).Indefinitely();
            var result = Simulator.Run(regimen, settings);
            LongRunTests.AssertFiniteAndBalanced(result);
            return result.Summary.FinalStoresMicrograms > stores;
        });

    [FuzzProperty]
    public Property Every_dose_outcome_is_finite_and_bounded_for_every_legal_physiology() => DoseOutcomes.Property();

    [FuzzProperty]
    public Property Every_simulation_is_finite_and_balanced_for_every_legal_physiology() => Simulations.Property();

    /// <summary>Both fuzzers reach both paths (a dose that keeps some B12 and one that keeps none; stores that rise and ones that do not).</summary>
    [Fact]
    public void Both_fuzzers_reach_both_paths()
    {
        output.WriteLine(DoseOutcomes.BothPaths());
        output.WriteLine(Simulations.BothPaths());
    }

    [Fact]
    public void The_extremes_the_issue_names_are_refused_where_they_enter()
    {
        // Each of these passed the old validators and gave infinite or NaN amounts or serum, or lost the mass balance.
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterSet.Healthy with { TissueUptakeMaximumMicrogramsPerHour = 1e-310 });
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterSet.Healthy with { IntrinsicFactorHalfSaturationMicrograms = 1e-310 });
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterSet.Healthy with { HoloTranscobalaminHalfLifeHours = 1e-160 });
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterSet.Healthy with { HoloTranscobalaminHalfLifeHours = 1e6 });
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterSet.Healthy with { HydroxocobalaminFiltrationFactor = 1e-310 });
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterSet.Healthy with { PlasmaVolumeLiters = 1e-310 });
        var message = Assert.Throws<ArgumentOutOfRangeException>(() => ParameterSet.Healthy with { GlomerularFiltrationMillilitersPerMinute = 1e308 }).Message;
        Assert.Contains("from 1 to 300", message, StringComparison.Ordinal);
        Assert.Contains(1e308.ToString(CultureInfo.InvariantCulture), message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_row_is_the_empty_row()
    {
        var row = default(SimulationRow);
        Assert.Equal(0, row.SerumPicogramsPerMilliliter);
        Assert.Equal(0, row.SerumPicomolesPerLiter);
        Assert.Equal(0, row.BodyMicrograms);
        Assert.Contains("serum 0 pg/mL", row.ToString(), StringComparison.Ordinal);
    }
}

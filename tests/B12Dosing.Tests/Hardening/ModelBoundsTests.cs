using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using B12Dosing.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace B12Dosing.Tests.Hardening;

/// <summary>
/// Legal settings never yield NaN or infinity (issue 12, class 2). Every physiology and serum parameter is bounded to a
/// documented range; this property draws every parameter anywhere in its range (often at an end), with the doses,
/// regimens and initial stores the library accepts, and requires every outcome to be finite, bounded and in mass
/// balance. A new parameter gets a bound and a line in <see cref="PhysiologyGen"/>.
/// </summary>
public class ModelBoundsTests(ITestOutputHelper output)
{
    /// <summary>A value in [min, max]: an end (one time in four each) or log-uniform (uniform when min is 0) between them.</summary>
    private static Gen<double> InRange(double min, double max) => Gen.Frequency(
        (1, Gen.Constant(min)),
        (1, Gen.Constant(max)),
        (2, Gen.Choose(0, 1_000_000).Select(i => i / 1e6).Select(u => min > 0 ? Math.Min(max, min * Math.Pow(max / min, u)) : min + ((max - min) * u))));

    /// <summary>Every parameter of <see cref="Physiology"/> within its bounds, the IF capacity capped so that the physiology absorbs at most the dose.</summary>
    internal static readonly Gen<Physiology> PhysiologyGen =
        from capacity in InRange(0, Physiology.MaximumIntrinsicFactorCapacityMicrograms)
        from halfSaturation in InRange(1e-3, 1e3)
        from recovery in InRange(Physiology.MinimumHours, Physiology.MaximumHours)
        from passive in InRange(0, 1)
        from food in InRange(0, 1)
        from ileal in InRange(0, 1)
        from turnover in InRange(0, 1)
        from bile in InRange(0, 1)
        from reabsorbed in InRange(0, 1)
        from tissue in InRange(0.01, 1000)
        from km in InRange(10, Physiology.MaximumAmountMicrograms)
        from filtration in InRange(1e-3, 1)
        from protein in InRange(0, 10)
        from nasal in InRange(0, 1)
        from release in InRange(Physiology.MinimumHours, Physiology.MaximumReleaseHours)
        from site in InRange(Physiology.MinimumHours, Physiology.MaximumReleaseHours)
        from holoTc in InRange(Physiology.MinimumHours, Physiology.MaximumHours)
        from holoHc in InRange(0.01, 1000)
        from capacityNg in InRange(0, 100)
        from gfr in InRange(1, 300)
        from maximum in InRange(1, 1e6)
        select Physiology.Healthy with
        {
            // Cmax·ileal/K + p ≤ 1 (Physiology.MaximumOralFraction): the largest capacity that keeps it, if the drawn one does not.
            IntrinsicFactorCapacityMicrograms = (ileal * capacity / halfSaturation) + passive <= 1 ? capacity : Math.Min(capacity, (1 - passive) * halfSaturation / ileal * (1 - 1e-12)),
            IntrinsicFactorHalfSaturationMicrograms = halfSaturation,
            IntrinsicFactorRecoveryHours = recovery,
            PassiveFraction = passive,
            FoodReleaseFraction = food,
            IlealUptakeFactor = ileal,
            TurnoverPerDay = turnover,
            BiliarySecretionPerDay = bile,
            BiliaryReabsorptionFraction = reabsorbed,
            TissueUptakeMaximumMicrogramsPerHour = tissue,
            TissueUptakeHalfSaturationMicrograms = km,
            HydroxocobalaminFiltrationFactor = filtration,
            HydroxocobalaminProteinBindingPerHour = protein,
            IntranasalBioavailability = nasal,
            HydroxocobalaminSiteReleaseHalfTimeHours = release,
            InjectionSiteHalfTimeHours = site,
            HoloTranscobalaminHalfLifeHours = holoTc,
            HoloHaptocorrinHalfLifeDays = holoHc,
            BindingCapacityNanogramsPerMilliliter = capacityNg,
            GlomerularFiltrationMillilitersPerMinute = gfr,
            MaximumStoresMicrograms = maximum,
        };

    /// <summary>Serum models anywhere in their bounds.</summary>
    private static readonly Gen<SerumModel> SerumGen =
        from lowStores in InRange(1, 1e5)
        select SerumModel.Default with { LowStoresMicrograms = lowStores };

    /// <summary>Any legal dose: from the smallest positive mass to 5 g.</summary>
    private static readonly Gen<double> DoseGen = Gen.Frequency(
        (1, Gen.Elements(double.Epsilon, 1e-300, Dose.MaximumAmount.Micrograms)),
        (4, Gen.Choose(-300, 6).Select(k => Math.Pow(10, k))));

    private static readonly Gen<Dose> AnyDose =
        from micrograms in DoseGen
        from route in Gen.Elements(Routes.All.ToArray())
        from form in Gen.Elements(CobalaminForms.All.ToArray())
        from food in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        select food ? Dose.Food(Mass.FromMicrograms(micrograms)) : Dose.Create(Mass.FromMicrograms(micrograms), route, form);

    [Fact]
    public void Every_dose_outcome_is_finite_and_bounded_for_every_legal_physiology() => output.WriteLine(Fuzz.Check(
        from physiology in PhysiologyGen
        from dose in AnyDose
        select (physiology, dose),
        x =>
        {
            var o = AbsorptionModel.Evaluate(x.dose, x.physiology);
            Assert.True(double.IsFinite(o.AbsorbedMicrograms) && double.IsFinite(o.RetainedMicrograms) && double.IsFinite(o.IntrinsicFactorAfter.AvailableMicrograms), $"{x.dose}: {o} with {x.physiology}");
            var slack = 1 + 1e-12;
            Assert.True(o.RetainedMicrograms >= 0 && o.RetainedMicrograms <= (o.AbsorbedMicrograms * slack) + 1e-307 && o.AbsorbedMicrograms <= (o.DoseMicrograms * slack) + 1e-307, $"{x.dose}: {o} with {x.physiology}");
            return o.RetainedMicrograms > 0;
        }));

    [Fact]
    public void Every_simulation_is_finite_and_balanced_for_every_legal_physiology_and_serum_model() => output.WriteLine(Fuzz.Check(
        from physiology in PhysiologyGen
        from serum in SerumGen
        from dose in AnyDose
        from interval in Gen.Elements(1.0 / 24, 1, 7, 90)
        from days in interval < 1 ? Gen.Elements(1, 30) : Gen.Elements(1, 30, 365, 3650)
        from stores in Gen.Elements(0, 1e-300, 1, 2500, SimulationSettings.MaximumInitialStoresMicrograms)
        select (physiology, serum, dose, interval, days, stores),
        x =>
        {
            var settings = new SimulationSettings(TimeSpan.FromDays(x.days))
            {
                Physiology = x.physiology,
                Serum = x.serum,
                InitialStores = Mass.FromMicrograms(x.stores),
                Step = TimeSpan.FromDays(Math.Max(1, x.days / 100)),
            };
            var regimen = Regimen.Start(x.dose).Every(TimeSpan.FromHours(x.interval * 24)).Indefinitely();
            var result = Simulator.Run(regimen, settings);
            LongRunTests.AssertFiniteAndBalanced(result);
            return result.Summary.FinalStoresMicrograms > x.stores;
        }));

    [Fact]
    public void The_extremes_the_issue_names_are_refused_where_they_enter()
    {
        // Each of these passed the old validators and gave infinite or NaN amounts or serum, or lost the mass balance.
        Assert.Throws<ArgumentOutOfRangeException>(() => Physiology.Healthy with { TissueUptakeMaximumMicrogramsPerHour = 1e-310 });
        Assert.Throws<ArgumentOutOfRangeException>(() => Physiology.Healthy with { IntrinsicFactorHalfSaturationMicrograms = 1e-310 });
        Assert.Throws<ArgumentOutOfRangeException>(() => Physiology.Healthy with { HoloTranscobalaminHalfLifeHours = 1e-160 });
        Assert.Throws<ArgumentOutOfRangeException>(() => Physiology.Healthy with { HoloTranscobalaminHalfLifeHours = 1e6 });
        Assert.Throws<ArgumentOutOfRangeException>(() => Physiology.Healthy with { HydroxocobalaminFiltrationFactor = 1e-310 });
        Assert.Throws<ArgumentOutOfRangeException>(() => Physiology.Healthy with { PlasmaVolumeLiters = 1e-310 });
        var message = Assert.Throws<ArgumentOutOfRangeException>(() => Physiology.Healthy with { GlomerularFiltrationMillilitersPerMinute = 1e308 }).Message;
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

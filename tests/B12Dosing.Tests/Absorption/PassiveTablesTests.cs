using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using B12Dosing.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace B12Dosing.Tests.Absorption;

/// <summary>
/// A population's passive oral tables (<see cref="RetentionTables"/>: the split of the passive part of an oral or
/// sublingual dose, Chebyshev in the load and the retention factor, read at the grid loads <see cref="PlasmaLoad.Solve"/>
/// interpolates between) against each patient's own solve, under every condition.
/// </summary>
public class PassiveTablesTests
{
    /// <summary>Oral intakes of every kind a table covers: cyano- and hydroxocobalamin by mouth (500 µg: its passive loads straddle the binding capacity), food-bound, sublingual.</summary>
    private static readonly DoseEvent[] OralIntakes =
    [
        new(TimeSpan.Zero, Dose.Oral(Mass.FromMicrograms(2000))),
        new(TimeSpan.FromHours(6), Dose.Oral(Mass.FromMicrograms(500), CobalaminForm.Hydroxocobalamin)),
        new(TimeSpan.FromHours(12), Dose.Food(Mass.FromMicrograms(1500))),
        new(TimeSpan.FromHours(18), Dose.Sublingual(Mass.FromMicrograms(1000))),
    ];

    /// <summary>The single effects, by name.</summary>
    public static TheoryData<string> Effects => [.. Effect.All.Select(e => e.Name)];

    /// <summary>
    /// Every patient's passive load above the binding capacity is read from a table, within 1e-10 of the load of the split
    /// <c>Simulator.Run</c> gives that patient (<see cref="PlasmaLoad.Solve"/>, the adaptive solve at 1e-10) and within
    /// 1e-11 of the solve at the reference tolerances; the first patient's split also against the fine-step RK4 reference.
    /// </summary>
    [Theory]
    [MemberData(nameof(Effects))]
    public void Every_passive_load_is_tabled_within_the_patients_own_solve(string effect)
    {
        var model = PopulationModel.Default with { Conditions = ConditionMix.Only(Effect.Parse(effect)) };
        var tables = PopulationSimulator.RetentionTablesFor(new SimulationPlan(OralIntakes, TimeSpan.FromDays(1), TimeSpan.FromDays(1)), model);
        Assert.NotNull(tables);
        var covered = 0;
        for (var i = 0; i < 40; i++)
        {
            var p = model.Patient(17, i).Physiology;
            foreach (var dose in OralIntakes.Select(e => e.Dose))
            {
                var load = p.PassiveFraction * AbsorptionModel.Entering(dose.Micrograms, dose.Vehicle, p);
                var hydroxo = dose.Form == CobalaminForm.Hydroxocobalamin;
                if (load <= PlasmaLoad.CapacityMicrograms(p))
                {
                    Assert.False(tables.TryGet(load, LoadSite.Mucosal, hydroxo, p, out _), $"patient {i}: a load within the capacity is tabled");
                    continue;
                }

                Assert.True(tables.TryGet(load, LoadSite.Mucosal, hydroxo, p, out var tabled), $"patient {i}, {dose}: not covered");
                covered++;
                AssertClose(PlasmaLoad.Solve(load, LoadSite.Mucosal, dose.Form, p), tabled, 1e-10 * load);
                AssertClose(PlasmaLoad.SolveReference(load, LoadSite.Mucosal, hydroxo, p), tabled, 1e-11 * load);
                if (i == 0)
                {
                    PlasmaLoadTests.AssertMatchesReference(load, LoadSite.Mucosal, dose.Form, p, tabled);
                }
            }
        }

        // At least the 2000 µg and 1000 µg doses of every patient (the others can fall within the capacity, e.g. food under omeprazole).
        Assert.True(covered >= 80, $"only {covered} loads covered");
    }

    /// <summary>A patient whose split is not the table's (another filtration rate) or whose load is outside its range (a further passive variation) is not covered, and is solved.</summary>
    [Fact]
    public void Other_patients_and_loads_are_not_covered()
    {
        var tables = PopulationSimulator.RetentionTablesFor(new SimulationPlan(OralIntakes[..1], TimeSpan.FromDays(1), TimeSpan.FromDays(1)), PopulationModel.Default)!;
        var p = Physiology.Healthy;
        var load = p.PassiveFraction * 2000;
        Assert.True(tables.TryGet(load, LoadSite.Mucosal, hydroxo: false, p, out _));
        Assert.False(tables.TryGet(load, LoadSite.Mucosal, hydroxo: true, p, out _));
        Assert.False(tables.TryGet(load * 2.1, LoadSite.Mucosal, hydroxo: false, p, out _));
        Assert.False(tables.TryGet(load * 0.49, LoadSite.Mucosal, hydroxo: false, p, out _));
        Assert.False(tables.TryGet(load, LoadSite.Mucosal, hydroxo: false, p with { GlomerularFiltrationMillilitersPerMinute = 60 }, out _));
        Assert.False(tables.TryGet(load, LoadSite.Injection, hydroxo: false, p, out _));
    }

    /// <summary>
    /// The tabled split never falls as the passive load rises, for any patient of the default population on
    /// <c>kuzminski-oral</c> (issue 12's promise of <see cref="PlasmaLoad.Solve"/>, kept by the table): tissue, urine
    /// and the kept amount at two loads of the table's range.
    /// </summary>
    [Property]
    public Property The_tabled_split_never_falls_as_the_load_rises() => Prop.ForAll(
        Arbitraries.Between(0, 100_000),
        Arbitraries.Pair(Arbitraries.Between(0, 1_000_000), Arbitraries.Between(0, 1_000_000)),
        (index, loads) =>
        {
            var p = PopulationModel.Default.Patient(3, index).Physiology;
            var lowest = Physiology.Healthy.PassiveFraction * 2000 * PopulationModel.Default.PassiveFraction.MinimumFactor;
            double Load(int x) => lowest * Math.Pow(4, x / 1e6);
            var (a, b) = (Load(Math.Min(loads.Item1, loads.Item2)), Load(Math.Max(loads.Item1, loads.Item2)));
            return (Kuzminski.Value.TryGet(a, LoadSite.Mucosal, hydroxo: false, p, out var low)
                & Kuzminski.Value.TryGet(b, LoadSite.Mucosal, hydroxo: false, p, out var high))
                && low.Tissue <= high.Tissue && low.Urine <= high.Urine && low.Kept <= high.Kept;
        });

    /// <summary>
    /// A population on an oral regimen counts each patient as that patient's own run gives it: one patient's population
    /// has its stores and serum as percentiles, within the histograms' resolution.
    /// </summary>
    [Fact]
    public void An_oral_population_counts_each_patient_as_its_own_run()
    {
        var regimen = RegimenCatalogue.Get("kuzminski-oral").Regimen;
        var settings = new PopulationSettings(3, TimeSpan.FromDays(120), 1)
        {
            Model = PopulationModel.Default with { Conditions = ConditionMix.Only(Condition.PerniciousAnemia) },
        };
        for (var i = 0; i < settings.Patients; i++)
        {
            var run = PopulationSimulator.RunPatient(regimen, settings, i);
            var alone = PopulationSimulator.Run(regimen, settings with { Patients = 1, FirstPatient = i });
            for (var row = 0; row < run.Count; row += 20)
            {
                var stores = run[row].Stores.Micrograms;
                var serum = run[row].Serum.PicogramsPerMilliliter;
                Assert.InRange(alone.StoresPercentile(row, 50).Micrograms, stores * (1 - PopulationResult.PercentileRelativeError), stores * (1 + PopulationResult.PercentileRelativeError));
                Assert.InRange(alone.SerumPercentile(row, 50).PicogramsPerMilliliter, serum * (1 - PopulationResult.PercentileRelativeError), serum * (1 + PopulationResult.PercentileRelativeError));
            }
        }
    }

    private static readonly Lazy<RetentionTables> Kuzminski = new(() => PopulationSimulator.RetentionTablesFor(
        new SimulationPlan([.. RegimenCatalogue.Get("kuzminski-oral").Regimen.Events(TimeSpan.FromDays(1))], TimeSpan.FromDays(1), TimeSpan.FromDays(1)), PopulationModel.Default)!);

    private static void AssertClose(PlasmaLoadOutcome expected, PlasmaLoadOutcome actual, double tolerance)
    {
        Assert.Equal(expected.Bound, actual.Bound);
        Assert.Equal(expected.Tissue, actual.Tissue, tolerance);
        Assert.Equal(expected.ProteinBound, actual.ProteinBound, tolerance);
        Assert.Equal(expected.Urine, actual.Urine, tolerance);
    }
}

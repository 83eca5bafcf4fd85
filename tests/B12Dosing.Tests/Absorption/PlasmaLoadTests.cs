using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Population;
using B12Dosing.Quantities;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.OdeSolvers;

namespace B12Dosing.Tests.Absorption;

/// <summary>The per-load solve against an independent fine-step reference, and its shape.</summary>
public class PlasmaLoadTests
{
    /// <summary>
    /// MathNet's fixed-step RK4 at 1e-3 h over 300 h integrates the same excess system
    /// (<c>X' = −k_a X</c>, <c>F' = k_a X − δk_r F − Vt F/(Kt+F) − k_p F</c>, with the urine, tissue and protein-bound
    /// outflows as states); RK4's global error at this step is below 1e-9 of the load, so 1e-6 relative is a fair bound
    /// for the adaptive Dormand-Prince solve of the library, which keeps 1e-10. Sites: 0 injection, 1 IV, 2 mucosal.
    /// </summary>
    [Theory]
    [InlineData(6.0, 0, CobalaminForm.Cyanocobalamin)]
    [InlineData(10.0, 0, CobalaminForm.Cyanocobalamin)]
    [InlineData(100.0, 0, CobalaminForm.Cyanocobalamin)]
    [InlineData(1000.0, 0, CobalaminForm.Cyanocobalamin)]
    [InlineData(5000.0, 0, CobalaminForm.Cyanocobalamin)]
    [InlineData(10.0, 0, CobalaminForm.Hydroxocobalamin)]
    [InlineData(1000.0, 0, CobalaminForm.Hydroxocobalamin)]
    [InlineData(1000.0, 1, CobalaminForm.Cyanocobalamin)]
    [InlineData(1000.0, 1, CobalaminForm.Hydroxocobalamin)]
    [InlineData(12.5, 2, CobalaminForm.Cyanocobalamin)]
    [InlineData(25.0, 2, CobalaminForm.Hydroxocobalamin)]
    public void Solve_matches_a_fine_step_reference(double load, int siteNumber, CobalaminForm form)
    {
        var site = (LoadSite)siteNumber;
        var p = Physiology.Healthy;
        AssertMatchesReference(load, site, form, p, PlasmaLoad.Solve(load, site, form, p));
    }

    /// <summary>
    /// A population's retention tables (<see cref="RetentionTables"/>: Chebyshev in the retention factor, built from the
    /// solve at 1e-13) against the same fine-step reference for patients across the factor range, and against the
    /// adaptive solve that a single run gives the same physiology: within 1e-10 of the load (that solve's own error is
    /// about 3e-11 of the kept amount).
    /// </summary>
    [Theory]
    [InlineData(1000.0, 0, CobalaminForm.Hydroxocobalamin, Condition.Healthy)]
    [InlineData(1000.0, 0, CobalaminForm.Cyanocobalamin, Condition.PerniciousAnemia)]
    [InlineData(10.0, 0, CobalaminForm.Cyanocobalamin, Condition.Healthy)]
    [InlineData(1000.0, 1, CobalaminForm.Hydroxocobalamin, Condition.Healthy)]
    [InlineData(89.0, 2, CobalaminForm.Cyanocobalamin, Condition.AtrophicGastritis)]
    public void Retention_tables_match_the_reference_and_the_adaptive_solve(double load, int siteNumber, CobalaminForm form, Condition condition)
    {
        var site = (LoadSite)siteNumber;
        var hydroxo = form == CobalaminForm.Hydroxocobalamin;
        var preset = Physiology.For(condition);
        var variation = PopulationModel.Default.RetentionCapacity;
        var tables = RetentionTables.Build([new(preset, load, site, hydroxo)], [], variation.MinimumFactor, variation.MaximumFactor)!;
        foreach (var factor in new[] { variation.MinimumFactor, 0.5, 0.9, 1, 1.7, variation.MaximumFactor })
        {
            var p = preset with { TissueUptakeMaximumMicrogramsPerHour = preset.TissueUptakeMaximumMicrogramsPerHour * factor };
            Assert.True(tables.TryGet(load, site, hydroxo, p, out var tabled), $"factor {factor} is not covered");
            AssertMatchesReference(load, site, form, p, tabled);
            var solved = PlasmaLoad.Solve(load, site, form, p);
            Assert.Equal(solved.Tissue, tabled.Tissue, 1e-10 * load);
            Assert.Equal(solved.ProteinBound, tabled.ProteinBound, 1e-10 * load);
            Assert.Equal(solved.Urine, tabled.Urine, 1e-10 * load);
            Assert.Equal(solved.Bound, tabled.Bound);
        }

        Assert.False(tables.TryGet(load, site, hydroxo, preset with { TissueUptakeMaximumMicrogramsPerHour = preset.TissueUptakeMaximumMicrogramsPerHour * 4 }, out _), "a factor out of range is covered");
        Assert.False(tables.TryGet(load, site, hydroxo, preset with { GlomerularFiltrationMillilitersPerMinute = 60 }, out _), "another physiology is covered");
        Assert.False(tables.TryGet(load * 2, site, hydroxo, preset, out _), "another load is covered");
    }

    /// <summary>
    /// MathNet's fixed-step RK4 at 1e-3 h over 300 h of the excess system against <paramref name="solved"/>: the urine
    /// within 1e-6 of the load, tissue and protein-bound within 1e-6 relative (of at least 1e-3 of the load), the parts
    /// adding up to the load.
    /// </summary>
    internal static void AssertMatchesReference(double load, LoadSite site, CobalaminForm form, Physiology p, PlasmaLoadOutcome solved)
    {
        var hydroxo = form == CobalaminForm.Hydroxocobalamin;
        var excess = load - PlasmaLoad.CapacityMicrograms(p);
        var ka = PlasmaLoad.ReleasePerHour(site, hydroxo, p);
        var renal = PlasmaLoad.RenalPerHour(p) * (hydroxo ? p.HydroxocobalaminFiltrationFactor : 1);
        var kp = hydroxo ? p.HydroxocobalaminProteinBindingPerHour : 0;
        double vt = p.TissueUptakeMaximumMicrogramsPerHour, kt = p.TissueUptakeHalfSaturationMicrograms;
        Vector<double> F(double t, Vector<double> y)
        {
            var release = double.IsPositiveInfinity(ka) ? 0 : ka * y[0];
            var tissue = vt * y[1] / (kt + y[1]);
            return Vector<double>.Build.Dense([-release, release - (renal * y[1]) - tissue - (kp * y[1]), renal * y[1], tissue, kp * y[1]]);
        }

        var y0 = Vector<double>.Build.Dense(double.IsPositiveInfinity(ka) ? [0, excess, 0, 0, 0] : [excess, 0, 0, 0, 0]);
        var end = RungeKutta.FourthOrder(y0, 0, 300, 300_001, F)[^1];
        Assert.True(end[0] + end[1] < 1e-9 * excess, "the reference has not finished");
        Assert.Equal(end[2], solved.Urine, 1e-6 * load);
        Assert.Equal(end[3], solved.Tissue, 1e-6 * Math.Max(end[3], 1e-3 * load));
        Assert.Equal(end[4], solved.ProteinBound, 1e-6 * Math.Max(end[4], 1e-3 * load));
        Assert.Equal(load, solved.Kept + solved.Urine, 1e-12 * load);
    }

    /// <summary>A load within the binding capacity of plasma (1.8 ng/mL × 3 L = 5.4 µg, Swiss label) is all bound and kept.</summary>
    [Fact]
    public void A_load_within_the_binding_capacity_is_all_kept()
    {
        var p = Physiology.Healthy;
        Assert.Equal(5.4, PlasmaLoad.CapacityMicrograms(p), 12);
        var o = AbsorptionModel.Evaluate(Dose.Intramuscular(Mass.FromMicrograms(5)), p);
        Assert.Equal(5, o.RetainedMicrograms, 12);
        Assert.Equal(5 * p.HaptocorrinShare, o.HaptocorrinMicrograms, 12);
    }

    /// <summary>
    /// The shoulder: all of a small injection is kept, the kept amount rises with the dose at every scale (finer near the
    /// capacity, where the law changes regime) and the kept fraction falls; most of the excess above the capacity is
    /// lost (Carmel 2008: 97 % of 10 µg, 15 % of 1000 µg kept).
    /// </summary>
    [Theory]
    [InlineData(Route.Intramuscular, CobalaminForm.Cyanocobalamin)]
    [InlineData(Route.Intramuscular, CobalaminForm.Hydroxocobalamin)]
    [InlineData(Route.Intravenous, CobalaminForm.Cyanocobalamin)]
    [InlineData(Route.Intranasal, CobalaminForm.Cyanocobalamin)]
    public void Kept_rises_with_the_dose_and_the_kept_fraction_falls(Route route, CobalaminForm form)
    {
        double previous = 0, previousFraction = 1;
        foreach (var dose in Enumerable.Range(0, 400).Select(i => Math.Pow(10, -1 + (i / 80.0))).Concat(Enumerable.Range(0, 200).Select(i => 5.3 + (i * 0.001))).Order())
        {
            var o = AbsorptionModel.Evaluate(Dose.Create(Mass.FromMicrograms(dose), route, form), Physiology.Healthy);
            Assert.True(o.RetainedMicrograms >= previous, $"{dose} µg: kept {o.RetainedMicrograms} < {previous}");
            Assert.True(o.FractionRetained <= previousFraction * (1 + 1e-12), $"{dose} µg: fraction kept {o.FractionRetained} > {previousFraction}");
            (previous, previousFraction) = (o.RetainedMicrograms, o.FractionRetained);
        }
    }

    /// <summary>Above the capacity, the excess splits into tissue, urine and (OHCbl) protein-bound, and what is solved is cached by value.</summary>
    [Fact]
    public void Repeated_solves_return_the_same_outcome()
    {
        var p = Physiology.Healthy with { TissueUptakeHalfSaturationMicrograms = 20 };
        var first = PlasmaLoad.Solve(1000, LoadSite.Injection, CobalaminForm.Hydroxocobalamin, p);
        for (var i = 0; i < 20; i++)
        {
            _ = PlasmaLoad.Solve(10 + i, LoadSite.Mucosal, CobalaminForm.Cyanocobalamin, p);
        }

        Assert.Equal(first, PlasmaLoad.Solve(1000, LoadSite.Injection, CobalaminForm.Hydroxocobalamin, p));
        Assert.True(first.ProteinBound > 0 && first.Tissue > 0 && first.Urine > 0);
    }
}

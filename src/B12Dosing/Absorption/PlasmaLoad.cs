using System.Runtime.CompilerServices;
using B12Dosing.Dosing;
using B12Dosing.Quantities;
using static B12Dosing.Absorption.DormandPrince;

namespace B12Dosing.Absorption;

/// <summary>Where a plasma load goes, µg: what the per-load solve hands to the linear pools of the time course.</summary>
/// <param name="Bound">Bound at once by the unsaturated binding capacity of plasma (onto transcobalamin and haptocorrin).</param>
/// <param name="Tissue">Taken up by tissue (liver) from the free pool: joins the stores.</param>
/// <param name="ProteinBound">Hydroxocobalamin bound to plasma proteins: stays in plasma and is released slowly.</param>
/// <param name="Urine">Filtered by the kidney: the early urinary loss.</param>
internal readonly record struct PlasmaLoadOutcome(double Bound, double Tissue, double ProteinBound, double Urine)
{
    public double Kept => Bound + Tissue + ProteinBound;
}

/// <summary>How a plasma load reaches the blood.</summary>
internal enum LoadSite : byte
{
    /// <summary>IM or SC: first-order release from the injection site, at the form's rate.</summary>
    Injection,

    /// <summary>IV: the whole load in plasma at once.</summary>
    Intravenous,

    /// <summary>The passive part of an oral or sublingual dose, or an intranasal dose: first-order release over about an hour.</summary>
    Mucosal,
}

/// <summary>
/// The nonlinear part of the model, solved once per distinct load: a load <c>L</c> that bypasses intrinsic factor (IM,
/// SC, IV, intranasal, the passive oral part) first fills the unsaturated binding capacity of plasma,
/// <c>C = capacity (ng/mL) × plasma volume</c>; the excess <c>E = L − C</c> leaves the site (<c>X</c>) into the free
/// pool (<c>F</c>), from which the kidney filters, tissue takes up (saturable) and, for hydroxocobalamin, plasma
/// proteins bind (hours):
/// <code>
/// dX/dt = −k_a·X                                   X(0) = E (IV: F(0) = E)
/// dF/dt =  k_a·X − δ·k_r·F − Vt·F/(Kt + F) − k_p·F
/// urine' = δ·k_r·F     tissue' = Vt·F/(Kt + F)     protein-bound' = k_p·F
/// </code>
/// with <c>k_r = GFR / extracellular volume</c>, <c>δ = 1</c> and <c>k_p = 0</c> except for hydroxocobalamin. The
/// system is integrated with an adaptive Dormand-Prince 5(4) method (relative tolerance 1e-10) until the site holds
/// less than 1e-12 of the excess; the free pool left then splits by a closed form (the system is autonomous once the
/// site is empty; an IV load starts there); the urine is what does not go elsewhere, so the parts add up to the load. A small per-thread cache keeps the last solves (keyed by the parameter values: two equal sets,
/// however built, share the entries), so a regimen or a repeated evaluation solves each distinct load once. Inside a population run, loads its
/// <see cref="RetentionTables"/> cover are read from them instead of solved per patient.
/// </summary>
internal static class PlasmaLoad
{
    private const int CacheSize = 16;
    private const double GridSteps = 1024;

    /// <summary>Loads below this (1e-280 µg) take the linear split directly: the grid would fall among subnormal numbers.</summary>
    internal const double TinyLoad = 1e-280;

    /// <summary>An excess below this fraction of the tissue half-saturation takes the linear split (its error is below the fraction).</summary>
    private const double LinearFraction = 1e-12;
    private const double RelativeTolerance = 1e-10;
    private const double RemainingFraction = 1e-12;

    /// <summary>The tolerances of <see cref="SolveReference"/>: 1e-13 relative, the site empty to 1e-16.</summary>
    private const double ReferenceTolerance = 1e-13, ReferenceRemaining = 1e-16;

    /// <summary>The retention tables of the population run on this thread (null outside one): <see cref="Solve"/> reads a covered load from them.</summary>
    [ThreadStatic]
    internal static RetentionTables? t_tables;
    private const int MaximumSteps = 1_000_000;

    [ThreadStatic]
    internal static int LastSteps;

    [ThreadStatic]
    private static CacheEntry[]? t_cache;

    /// <summary>The grid solves this thread computed (cache misses), for the tests that equal sets share the cache.</summary>
    [ThreadStatic]
    internal static long t_gridSolves;

    [ThreadStatic]
    private static int t_next;

    /// <summary>The last load solved on this thread (a regimen repeats one load; a benchmark one dose).</summary>
    [ThreadStatic]
    private static CacheEntry t_last;

    /// <summary>The binding capacity of plasma, µg: ng/mL × L.</summary>
    public static double CapacityMicrograms(Physiology p) => p.BindingCapacityNanogramsPerMilliliter * p.PlasmaVolumeLiters;

    /// <summary>The renal rate constant of free cyanocobalamin, per hour: GFR over the extracellular volume.</summary>
    public static double RenalPerHour(Physiology p) => p.GlomerularFiltrationMillilitersPerMinute * 60 / 1000 / p.ExtracellularVolumeLiters;

    /// <summary>The site of a route's plasma load.</summary>
    public static LoadSite SiteOf(Route route) => route switch
    {
        Route.Intravenous => LoadSite.Intravenous,
        Route.Intramuscular or Route.Subcutaneous => LoadSite.Injection,
        _ => LoadSite.Mucosal,
    };

    /// <summary>
    /// Where a load of <paramref name="load"/> µg goes. Within the binding capacity it is all bound. Above it, the solve
    /// runs at the grid loads <c>2^e·(1 + j/1024)</c> that bracket the load (or from the capacity itself, where the law
    /// changes regime, to the grid load above) and interpolates linearly between them: every step of that is a rounded
    /// operation monotone in the load, so a larger load never keeps less or loses less in urine, even by one unit in
    /// the last place (issue 12's neighbouring doses), which the adaptive solve alone cannot promise; the interpolation
    /// error is below 2e-7 of the load (grid steps of at most 1/1024, a smooth law). The grid solves are cached per thread.
    /// </summary>
    public static PlasmaLoadOutcome Solve(double load, LoadSite site, CobalaminForm form, Physiology p)
    {
        if (!(load > 0))
        {
            return default;
        }

        var capacity = CapacityMicrograms(p);
        if (load <= capacity)
        {
            return new(load, 0, 0, 0);
        }

        var hydroxo = form == CobalaminForm.Hydroxocobalamin;
        ref var last = ref t_last;
        if (last.Load == load && Physiology.SameValues(last.Physiology, p) && last.Site == site && last.Hydroxo == hydroxo)
        {
            return last.Outcome;
        }

        return Unsolved(load, capacity, site, hydroxo, p);
    }

    /// <summary><see cref="Solve"/> when the last solve is not the one asked for (kept apart, so that a hit stays short).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PlasmaLoadOutcome Unsolved(double load, double capacity, LoadSite site, bool hydroxo, Physiology p)
    {
        // A population's patient (a physiology the last solve cannot hold: a table's outcome is not kept there).
        if (t_tables is { } tables && tables.TryGet(load, site, hydroxo, p, out var tabled))
        {
            return tabled;
        }

        var outcome = Interpolate(load, capacity, site, hydroxo, p, reference: false);
        t_last = new(p, load, site, hydroxo, outcome);
        return outcome;
    }

    /// <summary>
    /// <see cref="Solve"/> with the grid solves at the tolerances of a reference (<see cref="ReferenceTolerance"/>, about
    /// four times the steps), uncached: within about 1e-14 of the exact split, where the adaptive solve is within 3e-11.
    /// What the population's retention tables are built from.
    /// </summary>
    internal static PlasmaLoadOutcome SolveReference(double load, LoadSite site, bool hydroxo, Physiology p)
    {
        var capacity = CapacityMicrograms(p);
        return !(load > 0) ? default : load <= capacity ? new(load, 0, 0, 0) : Interpolate(load, capacity, site, hydroxo, p, reference: true);
    }

    /// <summary>The interpolation of <see cref="Solve"/> above the capacity.</summary>
    private static PlasmaLoadOutcome Interpolate(double load, double capacity, LoadSite site, bool hydroxo, Physiology p, bool reference) =>
        // Far below any grid a double can hold in full precision (and below any nonlinearity): the linear split.
        load < TinyLoad ? Linear(load - capacity, capacity, RatesOf(site, hydroxo, p)) : Interpolate(load, capacity, new Solves(site, hydroxo, p, reference));

    /// <summary>
    /// The interpolation of <see cref="Solve"/> above the capacity, for a load of at least <see cref="TinyLoad"/>, with the
    /// split at the grid loads from <paramref name="grid"/> (solved, or read from a population's table).
    /// </summary>
    internal static PlasmaLoadOutcome Interpolate<TGrid>(double load, double capacity, TGrid grid)
        where TGrid : IGridSplit, allows ref struct
    {
        var (low, high) = GridBracket(load);
        var below = low > capacity ? grid.At(low) : new(capacity, 0, 0, 0);
        var start = low > capacity ? low : capacity;
        if (load == start)
        {
            return below;
        }

        var above = grid.At(high);
        var t = (load - start) / (high - start);
        return new(capacity, Lerp(below.Tissue, above.Tissue, t), Lerp(below.ProteinBound, above.ProteinBound, t), Lerp(below.Urine, above.Urine, t));
    }

    /// <summary>The grid loads <c>2^e·(1 + j/1024)</c> and <c>2^e·(1 + (j + 1)/1024)</c> that bracket <paramref name="load"/> (at least <see cref="TinyLoad"/>): the lower one at most the load.</summary>
    internal static (double Low, double High) GridBracket(double load)
    {
        var exponent = Math.ILogB(load);
        var j = Math.Floor((Math.ScaleB(load, -exponent) - 1) * GridSteps);
        return (Math.ScaleB(1 + (j / GridSteps), exponent), Math.ScaleB(1 + ((j + 1) / GridSteps), exponent));
    }

    /// <summary>The split at a grid load (<see cref="Interpolate{TGrid}"/>'s source of them).</summary>
    internal interface IGridSplit
    {
        /// <summary>The split of the grid load <paramref name="gridLoad"/> (above the capacity).</summary>
        PlasmaLoadOutcome At(double gridLoad);
    }

    /// <summary>The grid loads solved: cached, or at the reference tolerances.</summary>
    private readonly struct Solves(LoadSite site, bool hydroxo, Physiology p, bool reference) : IGridSplit
    {
        public PlasmaLoadOutcome At(double gridLoad) => Grid(gridLoad, site, hydroxo, p, reference);
    }

    /// <summary><c>a + t·(b − a)</c>, monotone in <paramref name="t"/> when <c>b ≥ a</c>.</summary>
    private static double Lerp(double a, double b, double t) => a + (t * Math.Max(0, b - a));

    /// <summary>The solve at a grid load: cached, or at the reference tolerances.</summary>
    private static PlasmaLoadOutcome Grid(double load, LoadSite site, bool hydroxo, Physiology p, bool reference) =>
        reference ? Compute(load, site, hydroxo, p, ReferenceTolerance, ReferenceRemaining) : Cached(load, site, hydroxo, p);

    /// <summary>The solve at a grid load, from the per-thread cache (keyed by the parameter values: two equal sets share the entries).</summary>
    private static PlasmaLoadOutcome Cached(double load, LoadSite site, bool hydroxo, Physiology p)
    {
        var cache = t_cache ??= new CacheEntry[CacheSize];
        foreach (ref readonly var entry in cache.AsSpan())
        {
            if (entry.Load == load && Physiology.SameValues(entry.Physiology, p) && entry.Site == site && entry.Hydroxo == hydroxo)
            {
                return entry.Outcome;
            }
        }

        var outcome = Compute(load, site, hydroxo, p, RelativeTolerance, RemainingFraction);
        t_gridSolves++;
        cache[t_next] = new(p, load, site, hydroxo, outcome);
        t_next = (t_next + 1) % CacheSize;
        return outcome;
    }

    /// <summary>The site release rate, per hour (infinite for IV).</summary>
    public static double ReleasePerHour(LoadSite site, bool hydroxo, Physiology p) => site switch
    {
        LoadSite.Intravenous => double.PositiveInfinity,
        LoadSite.Injection => Math.Log(2) / (hydroxo ? p.HydroxocobalaminSiteReleaseHalfTimeHours : p.InjectionSiteHalfTimeHours),
        _ => Math.Log(2) / p.MucosalReleaseHalfTimeHours,
    };

    private static PlasmaLoadOutcome Compute(double load, LoadSite site, bool hydroxo, Physiology p, double relativeTolerance, double remainingFraction) =>
        Compute(load, CapacityMicrograms(p), RatesOf(site, hydroxo, p), relativeTolerance, remainingFraction);

    /// <summary>The split of <paramref name="load"/> from the capacity and the rates, at the reference tolerances (what the population's tables are built from).</summary>
    internal static PlasmaLoadOutcome ComputeReference(double load, double capacity, in Rates rates) =>
        Compute(load, capacity, rates, ReferenceTolerance, ReferenceRemaining);

    private static PlasmaLoadOutcome Compute(double load, double capacity, in Rates rates, double relativeTolerance, double remainingFraction)
    {
        if (load <= capacity)
        {
            return new(load, 0, 0, 0);
        }

        var excess = load - capacity;
        if (excess <= LinearFraction * rates.TissueHalfSaturation)
        {
            return Linear(excess, capacity, rates);
        }

        var (tissue, protein) = Integrate(excess, rates, relativeTolerance, remainingFraction);
        var urine = excess - tissue - protein;
        return new(capacity, tissue, protein, urine);
    }

    internal static Rates RatesOf(LoadSite site, bool hydroxo, Physiology p) => new(
        ReleasePerHour(site, hydroxo, p),
        RenalPerHour(p) * (hydroxo ? p.HydroxocobalaminFiltrationFactor : 1),
        p.TissueUptakeMaximumMicrogramsPerHour,
        p.TissueUptakeHalfSaturationMicrograms,
        hydroxo ? p.HydroxocobalaminProteinBindingPerHour : 0);

    /// <summary>
    /// An excess so small against the tissue half-saturation (at most 1e-12 of it) that the uptake is linear: all of it
    /// leaves the free pool in proportion to the rates (renal δk_r, protein k_p, tissue Vt/Kt), whatever the site.
    /// The error against the full law is below 1e-12 relative.
    /// </summary>
    private static PlasmaLoadOutcome Linear(double excess, double capacity, in Rates r)
    {
        var tissueRate = r.TissueMaximum / r.TissueHalfSaturation;
        var total = r.Renal + r.ProteinBinding + tissueRate;
        return new(capacity, excess * (tissueRate / total), excess * (r.ProteinBinding / total), excess * (r.Renal / total));
    }

    /// <summary>The rate constants of the excess (per hour; µg/h and µg for the tissue uptake).</summary>
    /// <param name="Release">k_a, the site release rate (infinite for IV: the excess starts free).</param>
    /// <param name="Renal">δ·k_r, the renal rate constant of the free pool.</param>
    /// <param name="TissueMaximum">Vt, µg/h.</param>
    /// <param name="TissueHalfSaturation">Kt, µg.</param>
    /// <param name="ProteinBinding">k_p.</param>
    internal readonly record struct Rates(double Release, double Renal, double TissueMaximum, double TissueHalfSaturation, double ProteinBinding)
    {
        /// <summary>The outflow of the free pool at <paramref name="f"/> µg, per hour: renal, protein binding and tissue uptake.</summary>
        public double FreeOut(double f) => ((Renal + ProteinBinding) * f) + (TissueMaximum * f / (TissueHalfSaturation + f));
    }

    /// <summary>
    /// Integrates the excess until the site and the free pool are empty to <see cref="RemainingFraction"/>: the tissue
    /// uptake and the protein-bound amount. Only <c>X</c>, <c>F</c> and <c>I = ∫F dt</c> are integrated: the renal and
    /// protein-bound outflows are <c>δk_r·I</c> and <c>k_p·I</c>, and tissue takes the rest of what left the site and
    /// the free pool.
    /// </summary>
    internal static (double Tissue, double Protein) Integrate(double excess, in Rates r) => Integrate(excess, in r, RelativeTolerance, RemainingFraction);

    /// <summary><see cref="Integrate(double, in Rates)"/> with other tolerances (the reference's).</summary>
    private static (double Tissue, double Protein) Integrate(double excess, in Rates r, double relativeTolerance, double remainingFraction)
    {
        // Dormand-Prince 5(4), FSAL, with the standard step-size control on the mixed error norm.

        var iv = double.IsPositiveInfinity(r.Release);
        var ka = iv ? 0 : r.Release;
        double x = iv ? 0 : excess, f = iv ? excess : 0, integral = 0;
        var atol = remainingFraction * excess;
        var h = 0.01;
        // k·1 = the derivatives at the start of the step: site, free, integral.
        double kx1 = -ka * x, kf1 = (ka * x) - r.FreeOut(f), ki1 = f;
        var k = r.Renal + r.ProteinBinding;
        for (var step = 0; step < MaximumSteps; step++)
        {
            if (x <= remainingFraction * excess)
            {
                // The site is empty to 1e-12 (at once for IV): the rest is the autonomous F' = −k·F − Vt·F/(Kt+F), whose
                // split is a quadrature, tissue = (Vt/k)·ln(1 + k·F/(k·Kt + Vt)); what is left of the site joins F.
                LastSteps = step;
                var rest = f + x;
                var tissueRest = r.TissueMaximum / k * AbsorptionModel.LogOnePlus(k * rest / ((k * r.TissueHalfSaturation) + r.TissueMaximum));
                var tissueSoFar = Math.Max(0, excess - rest - (k * integral));
                var proteinRest = (rest - Math.Min(rest, tissueRest)) * (r.ProteinBinding / k);
                return (tissueSoFar + tissueRest, (r.ProteinBinding * integral) + proteinRest);
            }

            double xs = x + (h * a21 * kx1), fs = f + (h * a21 * kf1);
            double kx2 = -ka * xs, kf2 = (ka * xs) - r.FreeOut(fs), ki2 = fs;
            xs = x + (h * ((a31 * kx1) + (a32 * kx2)));
            fs = f + (h * ((a31 * kf1) + (a32 * kf2)));
            double kx3 = -ka * xs, kf3 = (ka * xs) - r.FreeOut(fs), ki3 = fs;
            xs = x + (h * ((a41 * kx1) + (a42 * kx2) + (a43 * kx3)));
            fs = f + (h * ((a41 * kf1) + (a42 * kf2) + (a43 * kf3)));
            double kx4 = -ka * xs, kf4 = (ka * xs) - r.FreeOut(fs), ki4 = fs;
            xs = x + (h * ((a51 * kx1) + (a52 * kx2) + (a53 * kx3) + (a54 * kx4)));
            fs = f + (h * ((a51 * kf1) + (a52 * kf2) + (a53 * kf3) + (a54 * kf4)));
            double kx5 = -ka * xs, kf5 = (ka * xs) - r.FreeOut(fs), ki5 = fs;
            xs = x + (h * ((a61 * kx1) + (a62 * kx2) + (a63 * kx3) + (a64 * kx4) + (a65 * kx5)));
            fs = f + (h * ((a61 * kf1) + (a62 * kf2) + (a63 * kf3) + (a64 * kf4) + (a65 * kf5)));
            double kx6 = -ka * xs, kf6 = (ka * xs) - r.FreeOut(fs), ki6 = fs;
            var xn = x + (h * ((b1 * kx1) + (b3 * kx3) + (b4 * kx4) + (b5 * kx5) + (b6 * kx6)));
            var fn = f + (h * ((b1 * kf1) + (b3 * kf3) + (b4 * kf4) + (b5 * kf5) + (b6 * kf6)));
            var iN = integral + (h * ((b1 * ki1) + (b3 * ki3) + (b4 * ki4) + (b5 * ki5) + (b6 * ki6)));
            double kx7 = -ka * xn, kf7 = (ka * xn) - r.FreeOut(fn), ki7 = fn;
            var ex = h * ((e1 * kx1) + (e3 * kx3) + (e4 * kx4) + (e5 * kx5) + (e6 * kx6) + (e7 * kx7));
            var ef = h * ((e1 * kf1) + (e3 * kf3) + (e4 * kf4) + (e5 * kf5) + (e6 * kf6) + (e7 * kf7));
            var ei = h * ((e1 * ki1) + (e3 * ki3) + (e4 * ki4) + (e5 * ki5) + (e6 * ki6) + (e7 * ki7));
            var norm = Math.Max(Math.Max(Norm(ex, x, xn, atol, relativeTolerance), Norm(ef, f, fn, atol, relativeTolerance)), Norm(ei, integral, iN, atol, relativeTolerance));
            if (norm <= 1)
            {
                (x, f, integral) = (xn, fn, iN);
                (kx1, kf1, ki1) = (kx7, kf7, ki7);
            }

            var factor = norm == 0 ? 5 : Math.Clamp(0.9 * Math.Pow(norm, -0.2), 0.2, 5);
            h *= norm <= 1 ? factor : Math.Min(1, factor);
        }

        throw new InvalidOperationException($"The plasma-load solve did not finish in {MaximumSteps} steps (a bug: the rates are bounded).");
    }

    private static double Norm(double err, double before, double after, double atol, double relativeTolerance) =>
        Math.Abs(err) / (atol + (relativeTolerance * Math.Max(Math.Abs(before), Math.Abs(after))));

    private readonly record struct CacheEntry(Physiology? Physiology, double Load, LoadSite Site, bool Hydroxo, PlasmaLoadOutcome Outcome);
}

using System.Runtime.CompilerServices;
using B12Dosing.Dosing;
using B12Dosing.Quantities;

namespace B12Dosing.Absorption;

/// <summary>
/// How much of a dose reaches the circulation and how much the body keeps. See <c>docs/model.md</c>.
/// <list type="bullet">
/// <item>Oral and sublingual (Sharabi 2003: sublingual = oral): <c>absorbed = c·D/(K+D) + p·D</c>, where <c>c</c> is
/// the free IF capacity (state, used by each dose, recovering over hours), <c>K</c> the half-saturation dose and
/// <c>p</c> the passive fraction. Food-bound B12 enters the same pathway after release: <c>D → r·D</c>.</item>
/// <item>Injected (IM, SC, IV) and the plasma load of other routes: the load first fills the unsaturated binding
/// capacity of plasma (about 1.8 ng/mL, Swiss label); the excess leaves the site into the free pool, from which the
/// kidney filters it at the glomerular filtration rate while saturable tissue uptake competes and hydroxocobalamin
/// binds to plasma proteins (Scand J Haematol 1964). The small nonlinear system is solved once per distinct load
/// (<c>PlasmaLoad</c>); what is not filtered is kept.</item>
/// <item>Intranasal: <c>absorbed = F_nasal·D</c>, then the plasma-load law.</item>
/// <item>Oral: the IF-mediated part arrives bound to transcobalamin and is all kept; the passive part arrives as free
/// B12 and follows the plasma-load law.</item>
/// </list>
/// Allocation-free; an evaluation is a handful of floating-point operations once its plasma load has been solved
/// (a per-thread cache keeps the last solves).
/// </summary>
public static class AbsorptionModel
{
    /// <summary>Evaluates one dose for a rested intestine (the whole IF capacity free).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="physiology"/> is null.</exception>
    public static DoseOutcome Evaluate(Dose dose, Physiology physiology) =>
        Evaluate(dose, physiology, IntrinsicFactorState.Rested(physiology));

    /// <summary>Evaluates one dose with the IF capacity <paramref name="state"/> free; the outcome carries the state after the dose.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="physiology"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The dose is the default (empty) value, or the state has more IF capacity free than the physiology has.</exception>
    /// <exception cref="ArgumentException">The physiology would absorb more than a small dose contains (<see cref="Physiology.MaximumOralFraction"/> above 1).</exception>
    public static DoseOutcome Evaluate(Dose dose, Physiology physiology, IntrinsicFactorState state)
    {
        ArgumentNullException.ThrowIfNull(physiology);
        physiology.EnsureAbsorbsAtMostTheDose(nameof(physiology));
        if (state.AvailableMicrograms > physiology.EffectiveIntrinsicFactorCapacityMicrograms)
        {
            throw new ArgumentOutOfRangeException(nameof(state), state.AvailableMicrograms, $"The IF capacity free must be at most the physiology's capacity ({physiology.EffectiveIntrinsicFactorCapacityMicrograms} µg).");
        }

        return physiology.UsesFreeCapacity
            ? FreeCapacityModel.Evaluate(dose, physiology.EnsureConsistent(nameof(physiology)), state)
            : Evaluate(Prepare(dose, physiology), physiology, state);
    }

    /// <summary>
    /// Evaluates a series of doses in time order, carrying the IF capacity from dose to dose, and returns the sums
    /// (and the IF state after the last dose). This is how "2 µg three times a day absorbs far more than 6 µg once"
    /// shows: compare the sums for the two series. The intakes are those of the simulation, taken by the same code
    /// (<c>Absorber</c>): doses at the same instant are merged by route, form and vehicle and taken in a fixed order,
    /// so 3 × 2 µg at one instant absorb exactly what 6 µg do, and each outcome is bit for bit the simulation's.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An event is the default (empty) value, or the physiology would absorb more than a small oral dose contains.</exception>
    public static DoseOutcome EvaluateSeries(IEnumerable<DoseEvent> events, Physiology physiology)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(physiology);
        physiology.EnsureAbsorbsAtMostTheDose(nameof(physiology));
        if (physiology.UsesFreeCapacity)
        {
            physiology.EnsureConsistent(nameof(physiology));
            return FreeCapacityModel.EvaluateSeries(events, physiology);
        }

        var absorber = new Absorber(physiology);
        double dose = 0, absorbed = 0, retained = 0, tc = 0, hc = 0, protein = 0, tissue = 0;
        var last = 0L;
        foreach (var intake in Intake.Prepare([.. events], Intake.NoHorizon))
        {
            var outcome = absorber.Take(in intake);
            last = intake.Ticks;
            dose += outcome.DoseMicrograms;
            absorbed += outcome.AbsorbedMicrograms;
            retained += outcome.RetainedMicrograms;
            tc += outcome.TranscobalaminMicrograms;
            hc += outcome.HaptocorrinMicrograms;
            protein += outcome.ProteinBoundMicrograms;
            tissue += outcome.TissueMicrograms;
        }

        return new(dose, absorbed, retained, absorber.StateAt(last))
        {
            TranscobalaminMicrograms = tc,
            HaptocorrinMicrograms = hc,
            ProteinBoundMicrograms = protein,
            TissueMicrograms = tissue,
        };
    }

    /// <summary>The state-free parts of a dose given through the public API (<see cref="Prepare(double, Route, CobalaminForm, DoseVehicle, Physiology)"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The dose is the default (empty) value.</exception>
    internal static StateFree Prepare(Dose dose, Physiology p)
    {
        var amount = dose.Micrograms;
        return amount > 0
            ? Prepare(amount, dose.Route, dose.Form, dose.Vehicle, p)
            : throw new ArgumentOutOfRangeException(nameof(dose), dose, "The dose is empty; build it with Dose.Oral, Dose.Intramuscular and the like.");
    }

    /// <summary>The parts of a dose's outcome that do not depend on the IF state (a simulation computes them once per kind of intake).</summary>
    internal static StateFree Prepare(double amount, Route route, CobalaminForm form, DoseVehicle vehicle, Physiology p)
    {
        switch (route)
        {
            case Route.Oral or Route.Sublingual:
                var entering = Entering(amount, vehicle, p);
                var passive = p.PassiveFraction * entering;
                return Parts(amount, Saturation(entering, p.IntrinsicFactorHalfSaturationMicrograms), passive, PlasmaLoad.Solve(passive, LoadSite.Mucosal, form, p), p);
            default:
                var (load, site) = BypassLoad(amount, route, p);
                return Parts(amount, 0, load, PlasmaLoad.Solve(load, site, form, p), p);
        }
    }

    /// <summary>What of an oral dose enters the IF and passive pathways: food-bound B12 after release (<c>r·D</c>), the rest whole.</summary>
    internal static double Entering(double amount, DoseVehicle vehicle, Physiology p) =>
        vehicle == DoseVehicle.FoodBound ? amount * p.FoodReleaseFraction : amount;

    /// <summary>
    /// The plasma load of a route that bypasses intrinsic factor entirely (intranasal: <c>F_nasal·D</c>; IM, SC, IV: the
    /// dose) and its site: it depends on the dose and the physiology's fixed constants only, not on the IF state or the
    /// passive fraction.
    /// </summary>
    internal static (double Load, LoadSite Site) BypassLoad(double amount, Route route, Physiology p) =>
        route == Route.Intranasal ? (amount * p.IntranasalBioavailability, LoadSite.Mucosal) : (amount, PlasmaLoad.SiteOf(route));

    /// <summary>
    /// The outcome from the state-free parts and the IF state: <c>c·D/(K+D)</c> through IF (all kept, onto
    /// transcobalamin) plus the other parts; with saturation 0 (a route without IF) the other parts alone, and the state
    /// unchanged.
    /// </summary>
    internal static DoseOutcome Evaluate(in StateFree parts, Physiology p, IntrinsicFactorState state)
    {
        var kept = parts.Kept;
        if (parts.Saturation == 0)
        {
            return Outcome(parts.Dose, parts.Absorbed, kept, state);
        }

        // The operations of Take, on the public state.
        var available = Math.Min(state.AvailableMicrograms, p.EffectiveIntrinsicFactorCapacityMicrograms);
        var viaIf = available * parts.Saturation;
        return Outcome(parts.Dose, viaIf + parts.Absorbed, kept with { Transcobalamin = kept.Transcobalamin + viaIf }, new(available - viaIf));
    }

    /// <summary>
    /// The outcome: retained is the sum of where the kept part goes (a sum of parts that never fall as the dose rises),
    /// at most the absorbed amount (the parts add up to a load to rounding; the minimum of two non-decreasing values
    /// does not fall either), so the urinary loss is never negative.
    /// </summary>
    private static DoseOutcome Outcome(double dose, double absorbed, in KeptParts kept, IntrinsicFactorState state) =>
        new(dose, absorbed, Math.Min(kept.Total, absorbed), state)
        {
            TranscobalaminMicrograms = kept.Transcobalamin,
            HaptocorrinMicrograms = kept.Haptocorrin,
            ProteinBoundMicrograms = kept.ProteinBound,
            TissueMicrograms = kept.Tissue,
        };

    /// <summary>
    /// The kernel of <see cref="Evaluate(in StateFree, Physiology, IntrinsicFactorState)"/> on bare doubles (what a
    /// simulation calls for every intake): <paramref name="available"/>, the IF capacity free (at most
    /// <paramref name="capacity"/>, the effective capacity, once cut to it), becomes the capacity free after the dose.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Taken Take(in StateFree parts, double capacity, ref double available)
    {
        if (parts.Saturation == 0)
        {
            return new(parts.Dose, parts.Absorbed, parts.Kept);
        }

        var free = Math.Min(available, capacity);
        var viaIf = free * parts.Saturation;
        available = free - viaIf;
        return new(parts.Dose, viaIf + parts.Absorbed, parts.Kept with { Transcobalamin = parts.Kept.Transcobalamin + viaIf });
    }

    /// <summary>
    /// What one dose gives, without the IF state: the dose, the absorbed amount and where the kept part goes;
    /// <see cref="Retained"/> as in <see cref="AbsorptionModel.Outcome(double, double, in KeptParts, IntrinsicFactorState)"/>.
    /// </summary>
    internal readonly record struct Taken(double Dose, double Absorbed, KeptParts Kept)
    {
        public double Retained => Math.Min(Kept.Total, Absorbed);

        /// <summary>The public outcome, with <paramref name="after"/> the IF capacity free after the dose.</summary>
        public DoseOutcome Outcome(IntrinsicFactorState after) => AbsorptionModel.Outcome(Dose, Absorbed, Kept, after);
    }

    /// <summary>The state-free parts with the bound part of the plasma load split between the carriers (<see cref="Physiology.HaptocorrinShare"/> onto haptocorrin).</summary>
    private static StateFree Parts(double dose, double saturation, double load, in PlasmaLoadOutcome outcome, Physiology p)
    {
        // Both shares as products (monotone in the load), not one as the difference of the other.
        return new(dose, saturation, load, new(outcome.Bound * (1 - p.HaptocorrinShare), outcome.Bound * p.HaptocorrinShare, outcome.ProteinBound, outcome.Tissue), outcome.Urine);
    }

    /// <summary>
    /// A dose's outcome apart from the IF-mediated part: the dose, the saturation <c>D/(K+D)</c> of the IF route (0 if
    /// the route does not use IF), the absorbed amount that does not pass through IF, where it goes and its urinary loss.
    /// </summary>
    internal readonly record struct StateFree(double Dose, double Saturation, double Absorbed, KeptParts Kept, double Urine);

    /// <summary>Where the kept part of a dose goes, µg: onto transcobalamin, onto haptocorrin, bound to plasma proteins, into tissue.</summary>
    internal readonly record struct KeptParts(double Transcobalamin, double Haptocorrin, double ProteinBound, double Tissue)
    {
        public double Total => Transcobalamin + Haptocorrin + ProteinBound + Tissue;
    }

    /// <summary>
    /// The saturation <c>D/(K + D)</c> of the IF route, computed as <c>1/(1 + K/D)</c> so that it never falls as the
    /// dose rises, even by one unit in the last place: each operation is correctly rounded and monotone in <c>D</c>
    /// (<c>D/(K + D)</c> is not: when <c>K + D</c> rounds up to its next value, the quotient can drop by one ulp). Below
    /// 2^−900 µg, <c>D/K</c> (exact to rounding, since <c>K + D</c> is <c>K</c> there); both give the same value at 2^−900.
    /// </summary>
    internal static double Saturation(double dose, double halfSaturation) =>
        dose < TinyArgument ? dose / halfSaturation : 1 / (1 + (halfSaturation / dose));

    /// <summary>
    /// <c>ln(1 + x)</c> for <c>x ≥ 0</c>, accurate to a few units in the last place at every scale, and monotone: a larger
    /// <c>x</c> never gives a smaller result, even by one ulp (issue 12: the old switch from a Taylor series to
    /// <c>Math.Log(1 + x)</c> at 1e-4 made one ulp more dose retain less). Every step is a correctly rounded operation
    /// that is monotone in <c>x</c>, and the pieces meet without a step down:
    /// <list type="bullet">
    /// <item><c>x &lt; 1</c>: <c>2·atanh(s)</c> with <c>s = x/(2 + x)</c>, computed as <c>1/(1 + 2/x)</c>, by its series
    /// <c>2s·(1 + s²/3 + s⁴/5 + …)</c> (all terms positive, <c>s &lt; 1/3</c>, 18 terms);</item>
    /// <item><c>x ≥ 1</c>: <c>u = 1 + x = 2^k·m</c> with <c>m</c> in [1, 2) (exact), <c>k·ln 2 + ln m</c>, the same series
    /// for <c>ln m</c>; each piece is capped at the value the next one starts from (the true value is below it, so the cap
    /// costs at most that rounding).</item>
    /// </list>
    /// </summary>
    internal static double LogOnePlus(double x)
    {
        if (x < 1)
        {
            return Math.Min(AtanhSeries(x), Ln2Hi);
        }

        var u = 1 + x;
        var k = Math.ILogB(u);
        var m = Math.ScaleB(u, -k);
        return Math.Min(ScaledLog(k, AtanhSeries(m - 1)), ScaledLog(k + 1, 0));
    }

    /// <summary>Below this argument (2^−900) the tiny-argument forms are used; at it, both forms agree exactly.</summary>
    private static readonly double TinyArgument = Math.ScaleB(1, -900);

    /// <summary>ln 2 as a double (rounded down) and the rest: <c>Ln2Hi + Ln2Lo</c> is ln 2 to about 1e-33.</summary>
    private const double Ln2Hi = 0.69314718055994528623, Ln2Lo = 2.3190468138462996e-17;

    /// <summary><c>k·ln 2 + log</c>, monotone in <paramref name="log"/> (each operation is).</summary>
    private static double ScaledLog(int k, double log) => (k * Ln2Hi) + ((k * Ln2Lo) + log);

    /// <summary><c>ln(1 + z)</c> for <c>z</c> in [0, 1) by <c>2·atanh(z/(2 + z))</c>; monotone in <c>z</c>.</summary>
    private static double AtanhSeries(double z)
    {
        var s = z < TinyArgument ? z * 0.5 : 1 / (1 + (2 / z));
        var t = s * s;
        var sum = 1.0 / 37;
        for (var j = 17; j >= 0; j--)
        {
            sum = (1.0 / ((2 * j) + 1)) + (t * sum);
        }

        return 2 * (s * sum);
    }
}

using B12Dosing.Dosing;
using B12Dosing.Quantities;

namespace B12Dosing.Absorption;

/// <summary>
/// How much of a dose reaches the circulation and how much the body keeps. See <c>docs/model.md</c>.
/// <list type="bullet">
/// <item>Oral and sublingual (Sharabi 2003: sublingual = oral): <c>absorbed = c·D/(K+D) + p·D</c>, where <c>c</c> is
/// the free IF capacity (state, used by each dose, recovering over hours), <c>K</c> the half-saturation dose and
/// <c>p</c> the passive fraction. Food-bound B12 enters the same pathway after release: <c>D → r·D</c>.</item>
/// <item>Injected (IM, SC, IV) and the plasma load of other routes: free plasma B12 <c>F</c> is cleared by the kidney
/// (first order, <c>k_r</c>) while saturable uptake into tissue competes: <c>dF/dt = −k_r F − Vmax F/(Km+F)</c>.
/// Integrating, the amount kept is <c>R(L) = a·ln(1 + L/(Km + a))</c> with <c>a = Vmax/k_r</c>; the rest,
/// <c>L − R</c>, is lost in urine. Hydroxocobalamin is mostly protein-bound, so only a fraction <c>f</c> is
/// filterable and <c>a → a/f</c>; an IV bolus speeds renal loss (<c>a → a/factor</c>).</item>
/// <item>Intranasal: <c>absorbed = F_nasal·D</c>, then the plasma-load law.</item>
/// <item>Oral: the IF-mediated part arrives bound to transcobalamin over hours and is all kept; the passive part
/// arrives as free B12 and follows the plasma-load law.</item>
/// </list>
/// Allocation-free; evaluation is a handful of floating-point operations.
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

        return Evaluate(Prepare(dose, physiology), physiology, state);
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
        var absorber = new Absorber(physiology);
        double dose = 0, absorbed = 0, retained = 0;
        var last = 0L;
        foreach (var intake in Intake.Prepare([.. events], Intake.NoHorizon))
        {
            var outcome = absorber.Take(in intake);
            last = intake.Ticks;
            dose += outcome.Dose;
            absorbed += outcome.Absorbed;
            retained += outcome.Retained;
        }

        return new(dose, absorbed, retained, absorber.StateAt(last));
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
                var entering = vehicle == DoseVehicle.FoodBound ? amount * p.FoodReleaseFraction : amount;
                var passive = p.PassiveFraction * entering;
                return new(amount, Saturation(entering, p.IntrinsicFactorHalfSaturationMicrograms), passive, Retained(passive, form, 1, p));
            case Route.Intranasal:
                var nasal = amount * p.IntranasalBioavailability;
                return new(amount, 0, nasal, Retained(nasal, form, 1, p));
            case Route.Intravenous:
                return new(amount, 0, amount, Retained(amount, form, p.IntravenousRenalFactor, p));
            default:
                return new(amount, 0, amount, Retained(amount, form, 1, p));
        }
    }

    /// <summary>
    /// The outcome from the state-free parts and the IF state: <c>c·D/(K+D)</c> through IF (all kept) plus the other
    /// parts; with saturation 0 (a route without IF) the other parts alone, and the state unchanged.
    /// </summary>
    internal static DoseOutcome Evaluate(in StateFree parts, Physiology p, IntrinsicFactorState state)
    {
        if (parts.Saturation == 0)
        {
            return new(parts.Dose, parts.Absorbed, parts.Retained, state);
        }

        var available = Math.Min(state.AvailableMicrograms, p.EffectiveIntrinsicFactorCapacityMicrograms);
        var viaIf = available * parts.Saturation;
        return new(parts.Dose, viaIf + parts.Absorbed, viaIf + parts.Retained, new(available - viaIf));
    }

    /// <summary>
    /// A dose's outcome apart from the IF-mediated part: the dose, the saturation <c>D/(K+D)</c> of the IF route (0 if
    /// the route does not use IF), and the absorbed and retained amounts that do not pass through IF.
    /// </summary>
    internal readonly record struct StateFree(double Dose, double Saturation, double Absorbed, double Retained);

    /// <summary>
    /// The amount kept of a plasma load <paramref name="load"/> (µg): <c>a·ln(1 + L/(Km + a))</c> with the form's and the
    /// route's capacity <c>a</c>.
    /// </summary>
    internal static double Retained(double load, CobalaminForm form, double renalFactor, Physiology p)
    {
        var a = RetentionCapacity(form, renalFactor, p);
        return load > 0 ? a * LogOnePlus(load / (p.TissueUptakeHalfSaturationMicrograms + a)) : 0;
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

    /// <summary>
    /// <c>a = Vmax/(k_r·f·factor)</c>: hydroxocobalamin's filterable fraction <c>f</c> (Blood 1961); the other forms as
    /// cyanocobalamin (an assumption: no retention data for methyl- or adenosylcobalamin injections).
    /// </summary>
    internal static double RetentionCapacity(CobalaminForm form, double renalFactor, Physiology p) =>
        form == CobalaminForm.Hydroxocobalamin
            ? p.RenalRetentionCapacityMicrograms / (p.HydroxocobalaminFreeFraction * renalFactor)
            : p.RenalRetentionCapacityMicrograms / renalFactor;
}

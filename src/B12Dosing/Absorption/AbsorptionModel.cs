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
        foreach (var intake in Intake.Prepare([.. events], long.MaxValue))
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
                return new(amount, entering / (p.IntrinsicFactorHalfSaturationMicrograms + entering), passive, Retained(passive, form, 1, p));
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
    /// <c>ln(1 + x)</c>, accurate for tiny <c>x</c> as well, where <c>Math.Log(1 + x)</c> loses digits (and rounds to 0 below
    /// 1e-16, so that a tiny dose would seem to be lost entirely). Below 1e-4 the Taylor series to <c>x⁴</c> is exact to
    /// about 1e-17 relative; above, <c>Math.Log(1 + x)</c> is exact to about 1e-12 relative and is what the stored fit used.
    /// </summary>
    internal static double LogOnePlus(double x) =>
        x < 1e-4 ? x * (1 - (x * ((1.0 / 2) - (x * ((1.0 / 3) - (x / 4)))))) : Math.Log(1 + x);

    /// <summary>
    /// <c>a = Vmax/(k_r·f·factor)</c>: hydroxocobalamin's filterable fraction <c>f</c> (Blood 1961); the other forms as
    /// cyanocobalamin (an assumption: no retention data for methyl- or adenosylcobalamin injections).
    /// </summary>
    internal static double RetentionCapacity(CobalaminForm form, double renalFactor, Physiology p) =>
        form == CobalaminForm.Hydroxocobalamin
            ? p.RenalRetentionCapacityMicrograms / (p.HydroxocobalaminFreeFraction * renalFactor)
            : p.RenalRetentionCapacityMicrograms / renalFactor;
}

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
        double dose = 0, absorbed = 0, retained = 0, tc = 0, hc = 0, protein = 0, tissue = 0;
        var last = 0L;
        foreach (var intake in Intake.Prepare([.. events], long.MaxValue))
        {
            var outcome = absorber.Take(in intake);
            last = intake.Ticks;
            dose += outcome.Dose;
            absorbed += outcome.Absorbed;
            retained += outcome.Retained;
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
        var amount = dose.Amount.Micrograms;
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
                return Parts(amount, entering / (p.IntrinsicFactorHalfSaturationMicrograms + entering), passive, PlasmaLoad.Solve(passive, LoadSite.Mucosal, form, p), p);
            case Route.Intranasal:
                var nasal = amount * p.IntranasalBioavailability;
                return Parts(amount, 0, nasal, PlasmaLoad.Solve(nasal, LoadSite.Mucosal, form, p), p);
            default:
                return Parts(amount, 0, amount, PlasmaLoad.Solve(amount, PlasmaLoad.SiteOf(route), form, p), p);
        }
    }

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
            return Outcome(parts.Dose, parts.Absorbed, parts.Urine, kept, state);
        }

        var available = Math.Min(state.AvailableMicrograms, p.EffectiveIntrinsicFactorCapacityMicrograms);
        var viaIf = available * parts.Saturation;
        return Outcome(parts.Dose, viaIf + parts.Absorbed, parts.Urine, kept with { Transcobalamin = kept.Transcobalamin + viaIf }, new(available - viaIf));
    }

    /// <summary>The outcome: retained is what was absorbed less the urine (so never more than absorbed), split as <paramref name="kept"/> says.</summary>
    private static DoseOutcome Outcome(double dose, double absorbed, double urine, in KeptParts kept, IntrinsicFactorState state) =>
        new(dose, absorbed, absorbed - urine, state)
        {
            TranscobalaminMicrograms = kept.Transcobalamin,
            HaptocorrinMicrograms = kept.Haptocorrin,
            ProteinBoundMicrograms = kept.ProteinBound,
            TissueMicrograms = kept.Tissue,
        };

    /// <summary>The state-free parts with the bound part of the plasma load split between the carriers (<see cref="Physiology.HaptocorrinShare"/> onto haptocorrin).</summary>
    private static StateFree Parts(double dose, double saturation, double load, in PlasmaLoadOutcome outcome, Physiology p)
    {
        var haptocorrin = outcome.Bound * p.HaptocorrinShare;
        return new(dose, saturation, load, new(outcome.Bound - haptocorrin, haptocorrin, outcome.ProteinBound, outcome.Tissue), outcome.Urine);
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
}

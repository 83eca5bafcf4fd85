using B12Dosing.Dosing;
using B12Dosing.Parameters;
using B12Dosing.Quantities;

namespace B12Dosing.Absorption;

/// <summary>
/// Model 3's outcome of a dose (<see cref="PlasmaCarrierModel.FreeCapacity"/>): the time course (<see cref="Kinetics.Transit"/>)
/// of the dose alone, given to a person with average stores (2500 µg) and the carriers in balance with them, followed
/// until nothing is left in transit; the tallies say where the absorbed part went. A per-thread cache keeps the last
/// evaluation and the grid solves, so repeating one dose solves it once.
/// </summary>
internal static class FreeCapacityModel
{
    /// <summary>The public evaluation (checked by <see cref="AbsorptionModel.Evaluate(Dose, ParameterSet, IntrinsicFactorState)"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The dose is the default (empty) value.</exception>
    public static DoseOutcome Evaluate(Dose dose, ParameterSet physiology, IntrinsicFactorState state)
    {
        var amount = dose.Micrograms;
        return amount > 0
            ? Evaluate(amount, dose.Route, dose.Form, dose.Vehicle, physiology, state.AvailableMicrograms)
            : throw new ArgumentOutOfRangeException(nameof(dose), dose, "The dose is empty; build it with Dose.Oral, Dose.Intramuscular and the like.");
    }

    /// <summary>
    /// Evaluates a series of doses in time order, carrying the IF capacity from dose to dose and the carriers' state
    /// through one time course (from average stores, the carriers in balance), and returns the sums (and the IF state
    /// after the last dose). This is how "2 µg three times a day absorbs far more than 6 µg once" shows: compare the
    /// sums for the two series. Doses at the same instant are merged by route, form and vehicle and taken in a fixed
    /// order, as in the simulation, so 3 × 2 µg at one instant absorb exactly what 6 µg do.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An event is the default (empty) value, or the physiology would absorb more than a small oral dose contains.</exception>
    public static DoseOutcome EvaluateSeries(IEnumerable<DoseEvent> events, ParameterSet physiology)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(physiology);
        physiology.EnsureConsistent(nameof(physiology));
        var absorber = new Absorber(physiology);
        var course = new Course(physiology);
        double dose = 0, absorbed = 0;
        var last = 0L;
        var first = true;
        foreach (var intake in Intake.Prepare([.. events], Intake.NoHorizon))
        {
            if (!first)
            {
                course.Advance((intake.Ticks - last) / (double)TimeSpan.TicksPerHour);
            }

            first = false;
            last = intake.Ticks;
            var (given, viaIf, load) = absorber.TakeLoad(in intake);
            course.Deposit(viaIf, load, intake.Route, intake.Form);
            dose += given;
            absorbed += viaIf + load;
        }

        return course.Finish(dose, absorbed, absorber.StateAt(last));
    }

    /// <summary>
    /// The outcome of one dose with <paramref name="available"/> µg of IF capacity free (cut to the capacity). The
    /// absorbed amount is the closed form; where the absorbed part goes is the course of the dose solved at the grid
    /// doses <c>2^e·(1 + j/1024)</c> that bracket it and interpolated linearly: every step of that is monotone in the
    /// dose, so a larger dose never keeps less, even by one unit in the last place (issue 12), which the adaptive solve
    /// alone cannot promise; the interpolation error is below 2e-7 of the dose (grid steps of at most 1/1024 of a
    /// smooth law).
    /// </summary>
    internal static DoseOutcome Evaluate(double amount, Route route, CobalaminForm form, DoseVehicle vehicle, ParameterSet p, double available)
    {
        ref var last = ref t_last;
        if (ParameterSet.SameValues(last.ParameterSet, p) && last.Amount == amount && last.Route == route && last.Form == form && last.Vehicle == vehicle && last.Available == available)
        {
            return last.Outcome;
        }

        var (viaIf, load, after) = Split(amount, route, vehicle, p, available);
        DoseOutcome outcome;
        if (amount < TinyDose)
        {
            outcome = Solve(amount, route, form, vehicle, p, available);
        }
        else
        {
            var exponent = Math.ILogB(amount);
            var j = Math.Floor((Math.ScaleB(amount, -exponent) - 1) * GridSteps);
            var low = Math.ScaleB(1 + (j / GridSteps), exponent);
            var below = Grid(low, route, form, vehicle, p, available);
            if (amount == low)
            {
                outcome = below;
            }
            else
            {
                var high = Math.ScaleB(1 + ((j + 1) / GridSteps), exponent);
                var above = Grid(high, route, form, vehicle, p, available);
                var t = (amount - low) / (high - low);
                var tc = Lerp(below.TranscobalaminMicrograms, above.TranscobalaminMicrograms, t);
                var hc = Lerp(below.HaptocorrinMicrograms, above.HaptocorrinMicrograms, t);
                var protein = Lerp(below.ProteinBoundMicrograms, above.ProteinBoundMicrograms, t);
                var tissue = Lerp(below.TissueMicrograms, above.TissueMicrograms, t);
                outcome = Outcome(amount, viaIf + load, tc, hc, protein, tissue, new(after));
            }
        }

        last = new(p, amount, route, form, vehicle, available, outcome);
        return outcome;
    }

    /// <summary>Doses below this (1e-280 µg) are solved directly: the grid would fall among subnormal numbers.</summary>
    private const double TinyDose = 1e-280;

    private const double GridSteps = 1024;

    private const int GridCacheSize = 16;

    [ThreadStatic]
    private static CacheEntry[]? t_grid;

    [ThreadStatic]
    private static int t_nextGrid;

    /// <summary><c>a + t·(b − a)</c>, monotone in <paramref name="t"/> when <c>b ≥ a</c> (and never falling below <paramref name="a"/>).</summary>
    private static double Lerp(double a, double b, double t) => a + (t * Math.Max(0, b - a));

    /// <summary>The grid solves this thread computed (cache misses), for the tests that equal sets share the cache.</summary>
    [ThreadStatic]
    internal static long t_gridSolves;

    /// <summary>The solve at a grid dose, from a small per-thread cache (keyed by the parameter values: two equal sets share the entries).</summary>
    private static DoseOutcome Grid(double amount, Route route, CobalaminForm form, DoseVehicle vehicle, ParameterSet p, double available)
    {
        var cache = t_grid ??= new CacheEntry[GridCacheSize];
        foreach (ref readonly var entry in cache.AsSpan())
        {
            if (ParameterSet.SameValues(entry.ParameterSet, p) && entry.Amount == amount && entry.Route == route && entry.Form == form && entry.Vehicle == vehicle && entry.Available == available)
            {
                return entry.Outcome;
            }
        }

        var outcome = Solve(amount, route, form, vehicle, p, available);
        t_gridSolves++;
        cache[t_nextGrid] = new(p, amount, route, form, vehicle, available, outcome);
        t_nextGrid = (t_nextGrid + 1) % GridCacheSize;
        return outcome;
    }

    /// <summary>The IF-mediated uptake, the load that bypasses IF, and the IF capacity free after the dose.</summary>
    private static (double ViaIf, double Load, double After) Split(double amount, Route route, DoseVehicle vehicle, ParameterSet p, double available)
    {
        if (route is Route.Oral or Route.Sublingual)
        {
            var entering = vehicle == DoseVehicle.FoodBound ? amount * p.FoodReleaseFraction : amount;
            var free = Math.Min(available, p.EffectiveIntrinsicFactorCapacityMicrograms);
            var viaIf = free * AbsorptionModel.Saturation(entering, p.IntrinsicFactorHalfSaturationMicrograms);
            return (viaIf, p.PassiveFraction * entering, free - viaIf);
        }

        return (0, AbsorptionModel.BypassLoad(amount, route, p).Load, available);
    }

    /// <summary>The course of the dose alone, solved (<see cref="Course"/>).</summary>
    private static DoseOutcome Solve(double amount, Route route, CobalaminForm form, DoseVehicle vehicle, ParameterSet p, double available)
    {
        var (viaIf, load, after) = Split(amount, route, vehicle, p, available);
        var course = new Course(p);
        course.Deposit(viaIf, load, route, form);
        return course.Finish(amount, viaIf + load, new IntrinsicFactorState(after));
    }

    /// <summary>The outcome from its parts: retained is their sum, at most the absorbed amount (so the urinary loss is never negative).</summary>
    private static DoseOutcome Outcome(double dose, double absorbed, double tc, double hc, double protein, double tissue, IntrinsicFactorState after) =>
        new(dose, absorbed, Math.Min(tc + hc + protein + tissue, absorbed), after)
        {
            TranscobalaminMicrograms = tc,
            HaptocorrinMicrograms = hc,
            ProteinBoundMicrograms = protein,
            TissueMicrograms = tissue,
        };

    [ThreadStatic]
    private static CacheEntry t_last;

    private readonly record struct CacheEntry(ParameterSet? ParameterSet, double Amount, Route Route, CobalaminForm Form, DoseVehicle Vehicle, double Available, DoseOutcome Outcome);

    /// <summary>
    /// The time course of one dose or a series: the stretch of the simulation (<see cref="Kinetics.Transit"/>) from
    /// average stores with the carriers in balance, its tallies counting where the doses went.
    /// </summary>
    private struct Course
    {
        private readonly Kinetics.TransitRates _rates;
        private Kinetics.TransitState _y;
        private double _step;

        public Course(ParameterSet p)
        {
            var rates = Kinetics.PoolRates.Of(p);
            _rates = new(p, in rates);
            var (t, h) = rates.CarriersInBalanceWith(ModelParameters.ReferenceStoresMicrograms);
            _y[Kinetics.TransitState.T] = t;
            _y[Kinetics.TransitState.H] = h;
            _y[Kinetics.TransitState.S] = ModelParameters.ReferenceStoresMicrograms;
        }

        public void Deposit(double viaIf, double load, Route route, CobalaminForm form)
        {
            _y[Kinetics.TransitState.Gut1] += viaIf;
            _y[Kinetics.TransitState.SiteOf(route, form)] += load;
        }

        public void Advance(double hours)
        {
            if (hours > 0)
            {
                Kinetics.Transit.Advance(ref _y, hours, in _rates, ref _step);
            }
        }

        /// <summary>Follows the course until nothing is in transit (in days, at most <see cref="MaximumDays"/>) and reads the tallies.</summary>
        public DoseOutcome Finish(double dose, double absorbed, IntrinsicFactorState after)
        {
            for (var day = 0; !Kinetics.Transit.EndIfExhausted(ref _y); day++)
            {
                if (day > MaximumDays)
                {
                    throw new InvalidOperationException("A dose was still in transit after 1000 days.");
                }

                Advance(24);
            }

            return Outcome(dose, absorbed, _y[Kinetics.TransitState.ToTc], _y[Kinetics.TransitState.ToHc], _y[Kinetics.TransitState.ToProtein], _y[Kinetics.TransitState.ToTissue], after);
        }

        private const int MaximumDays = 1000;
    }

}

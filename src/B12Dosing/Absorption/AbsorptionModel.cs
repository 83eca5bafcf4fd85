using B12Dosing.Parameters;
using B12Dosing.Dosing;
using B12Dosing.Quantities;

namespace B12Dosing.Absorption;

/// <summary>
/// How much of a dose reaches the circulation and how much the body keeps. See <c>docs/model.md</c>.
/// <list type="bullet">
/// <item>Oral and sublingual (Sharabi 2003: sublingual = oral): <c>absorbed = c·D/(K+D) + p·D</c>, where <c>c</c> is
/// the free IF capacity (state, used by each dose, recovering over hours), <c>K</c> the half-saturation dose and
/// <c>p</c> the passive fraction. Food-bound B12 enters the same pathway after release: <c>D → r·D</c>. The IF-mediated
/// part reaches plasma over hours (a three-step transit, peak at about 10 h), the passive part from the mucosa over
/// about an hour.</item>
/// <item>Injected (IM, SC) from the injection site, IV at once, intranasal (<c>F_nasal·D</c>) from the nasal mucosa.</item>
/// <item>In plasma, free B12 binds to the carriers' free capacity (apo-transcobalamin, apo-haptocorrin; Gimsing &amp;
/// Nexo 1989) while the kidney filters it and tissue takes it up; hydroxocobalamin is also bound by plasma proteins.
/// The outcome is that of the time course (<see cref="Kinetics.Simulator"/>'s nonlinear stretch) for the dose alone,
/// given to a person with average stores (2500 µg) and the carriers in balance with them, followed until nothing is
/// left in transit.</item>
/// </list>
/// A per-thread cache keeps the last evaluation, so repeating one dose solves it once.
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
        physiology.EnsureConsistent(nameof(physiology));
        if (state.AvailableMicrograms > physiology.EffectiveIntrinsicFactorCapacityMicrograms)
        {
            throw new ArgumentOutOfRangeException(nameof(state), state.AvailableMicrograms, $"The IF capacity free must be at most the physiology's capacity ({physiology.EffectiveIntrinsicFactorCapacityMicrograms} µg).");
        }

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
    public static DoseOutcome EvaluateSeries(IEnumerable<DoseEvent> events, Physiology physiology)
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
    internal static DoseOutcome Evaluate(double amount, Route route, CobalaminForm form, DoseVehicle vehicle, Physiology p, double available)
    {
        ref var last = ref t_last;
        if (ReferenceEquals(last.Physiology, p) && last.Amount == amount && last.Route == route && last.Form == form && last.Vehicle == vehicle && last.Available == available)
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

    /// <summary>The solve at a grid dose, from a small per-thread cache (keyed by the physiology instance, which is immutable).</summary>
    private static DoseOutcome Grid(double amount, Route route, CobalaminForm form, DoseVehicle vehicle, Physiology p, double available)
    {
        var cache = t_grid ??= new CacheEntry[GridCacheSize];
        foreach (ref readonly var entry in cache.AsSpan())
        {
            if (ReferenceEquals(entry.Physiology, p) && entry.Amount == amount && entry.Route == route && entry.Form == form && entry.Vehicle == vehicle && entry.Available == available)
            {
                return entry.Outcome;
            }
        }

        var outcome = Solve(amount, route, form, vehicle, p, available);
        cache[t_nextGrid] = new(p, amount, route, form, vehicle, available, outcome);
        t_nextGrid = (t_nextGrid + 1) % GridCacheSize;
        return outcome;
    }

    /// <summary>The IF-mediated uptake, the load that bypasses IF, and the IF capacity free after the dose.</summary>
    private static (double ViaIf, double Load, double After) Split(double amount, Route route, DoseVehicle vehicle, Physiology p, double available)
    {
        if (route is Route.Oral or Route.Sublingual)
        {
            var entering = vehicle == DoseVehicle.FoodBound ? amount * p.FoodReleaseFraction : amount;
            var free = Math.Min(available, p.EffectiveIntrinsicFactorCapacityMicrograms);
            var viaIf = free * Saturation(entering, p.IntrinsicFactorHalfSaturationMicrograms);
            return (viaIf, p.PassiveFraction * entering, free - viaIf);
        }

        return (0, BypassLoad(amount, route, p), available);
    }

    /// <summary>The course of the dose alone, solved (<see cref="Course"/>).</summary>
    private static DoseOutcome Solve(double amount, Route route, CobalaminForm form, DoseVehicle vehicle, Physiology p, double available)
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

    /// <summary>The load of a route that bypasses intrinsic factor entirely: intranasal <c>F_nasal·D</c>; IM, SC, IV the dose.</summary>
    internal static double BypassLoad(double amount, Route route, Physiology p) =>
        route == Route.Intranasal ? amount * p.IntranasalBioavailability : amount;

    [ThreadStatic]
    private static CacheEntry t_last;

    private readonly record struct CacheEntry(Physiology? Physiology, double Amount, Route Route, CobalaminForm Form, DoseVehicle Vehicle, double Available, DoseOutcome Outcome);

    /// <summary>
    /// The time course of one dose or a series: the stretch of the simulation (<see cref="Kinetics.Transit"/>) from
    /// average stores with the carriers in balance, its tallies counting where the doses went.
    /// </summary>
    private struct Course
    {
        private readonly Kinetics.TransitRates _rates;
        private Kinetics.TransitState _y;
        private double _step;

        public Course(Physiology p)
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

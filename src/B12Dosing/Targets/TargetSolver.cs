using System.Collections.Immutable;
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Estimation;
using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using B12Dosing.Parameters;
using B12Dosing.Population;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Targets;

/// <summary>
/// Who a target is solved for and over which window: one person (a condition's preset or an estimated person) with
/// their initial stores, the loading doses given first, and the window [<see cref="From"/>, <see cref="From"/> +
/// <see cref="Span"/>] over which the line must hold. For a population, <see cref="Population"/> and
/// <see cref="Share"/>. Immutable; build with an object initializer or <c>with</c>.
/// </summary>
public sealed record TargetSettings
{
    /// <summary>The default: a healthy person with average stores (2500 µg), no loading, the line held from day 365 for a year.</summary>
    public static TargetSettings Default { get; } = new();

    /// <summary>The person's physiology (default <see cref="ParameterSet.Healthy"/>); see <see cref="ForCondition"/> and <see cref="ForPerson"/>.</summary>
    public ParameterSet ParameterSet { get; init => field = (value ?? throw new ArgumentNullException(nameof(ParameterSet))).EnsureConsistent(nameof(ParameterSet)); } = ParameterSet.Healthy;

    /// <summary>Body stores at the start (default 2500 µg); for a population, the median of its initial stores. Not negative, at most 1 g.</summary>
    public Mass InitialStores
    {
        get => Mass.FromMicrograms(InitialStoresMicrograms);
        init => InitialStoresMicrograms = SimulationSettings.CheckInitialStores(value, nameof(InitialStores));
    }

    internal double InitialStoresMicrograms { get; private init; } = ModelParameters.ReferenceStoresMicrograms;

    /// <summary>Doses given before the maintenance (default none); the maintenance starts one interval after its last dose, or at day 0 without it.</summary>
    public Regimen Loading { get; init => field = value ?? throw new ArgumentNullException(nameof(Loading)); } = Regimen.None;

    /// <summary>From when the line must hold (default 365 days): the first months of a deficient person may lie below it whatever the regimen.</summary>
    public TimeSpan From
    {
        get;
        init => field = value >= TimeSpan.Zero && value <= TimeSpan.FromDays(36525)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(From), value, "From must be from 0 to 36 525 days (100 years).");
    } = TimeSpan.FromDays(365);

    /// <summary>How long after <see cref="From"/> the line must hold (default 365 days); at least one day, at most 10 years. The longest interval searched is this span.</summary>
    public TimeSpan Span
    {
        get;
        init => field = value >= TimeSpan.FromDays(1) && value <= TimeSpan.FromDays(3653)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Span), value, "Span must be from 1 day to 3653 days (10 years).");
    } = TimeSpan.FromDays(365);

    /// <summary>For a population: its model (default none: the person of <see cref="ParameterSet"/>); its condition mix and variation give the people.</summary>
    public PopulationModel Population { get; init => field = (value ?? throw new ArgumentNullException(nameof(Population))).EnsureLegalPatients(nameof(Population)); } = PopulationModel.Default;

    /// <summary>For a population: the share that must stay above the line (probability of target attainment), in (0, 1); 0 (the default) solves for the person instead.</summary>
    public double Share
    {
        get;
        init => field = value is >= 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(Share), value, "The share must be more than 0 and less than 1 (0 solves for one person).");
    }

    /// <summary>For a population: how many people are simulated (default 500; 10 to 100 000).</summary>
    public int Patients
    {
        get;
        init => field = value is >= 10 and <= 100_000 ? value : throw new ArgumentOutOfRangeException(nameof(Patients), value, "Patients must be from 10 to 100 000.");
    } = 500;

    /// <summary>For a population: the seed of its people.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Settings for a condition's parameter set (its population too, with everyone of that condition): a condition, a covariate or a combination (<see cref="Effect"/>; a <see cref="Condition"/> converts).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is null.</exception>
    public static TargetSettings ForCondition(Effect condition) => Default with
    {
        ParameterSet = ParameterSet.For(condition),
        Population = PopulationModel.Default with { Conditions = ConditionMix.Only(condition) },
    };

    /// <summary>Settings for an estimated person: the physiology and initial stores at their mode.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="estimate"/> is null.</exception>
    public static TargetSettings ForPerson(PersonEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return Default with { ParameterSet = estimate.ParameterSet, InitialStores = estimate.InitialStores };
    }

    /// <summary>The values, in invariant text.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder) => RecordText.PrintMembers(builder, this);
}

/// <summary>One regimen tried by the search: its lowest value over the window (a person) or its share above the line (a population), and whether it passes.</summary>
/// <param name="Regimen">The regimen.</param>
/// <param name="Dose">Its maintenance dose.</param>
/// <param name="Interval">Its maintenance interval.</param>
/// <param name="LoadingDoses">Its number of loading doses.</param>
/// <param name="Lowest">The lowest value over the window (for a population, the median person's lowest).</param>
/// <param name="Share">For a population, the share whose lowest value stays above the line (1 or 0 for a person).</param>
/// <param name="Passes">Whether it keeps the person (the required share) above the line.</param>
public sealed record TargetProbe(Regimen Regimen, Dose Dose, TimeSpan Interval, int LoadingDoses, Molarity Lowest, double Share, bool Passes);

/// <summary>
/// The answer of <see cref="TargetSolver"/>: the regimen found, confirmed by simulating it, and the next one beyond it
/// (one day longer, one dose step smaller, one loading dose fewer) shown to fail. For a population, the shares with
/// their 95 % (Wilson) intervals.
/// </summary>
public sealed record TargetAnswer
{
    internal TargetAnswer(TargetLine line, bool attained, TargetProbe answer, TargetProbe? beyond, ImmutableArray<TargetProbe> probes, bool monotone, int patients, string note)
    {
        (Line, Attained, Answer, Probes, Monotone, Note) = (line, attained, answer, probes, monotone, note);
        Beyond = beyond is null ? ImmutableArray<TargetProbe>.Empty : [beyond];
        (ShareLower, ShareUpper) = patients == 0 ? (answer.Share, answer.Share) : Wilson(answer.Share, patients);
    }

    /// <summary>The line.</summary>
    public TargetLine Line { get; }

    /// <summary>Whether a regimen in the searched range keeps the person (the share) above the line; if not, <see cref="Answer"/> is the most generous one tried, which fails.</summary>
    public bool Attained { get; }

    /// <summary>The regimen found, as simulated.</summary>
    public TargetProbe Answer { get; }

    /// <summary>The next regimen beyond the answer (one day longer, one dose step smaller, one loading dose fewer), simulated and failing; empty when the answer is the end of the range searched.</summary>
    public IReadOnlyList<TargetProbe> Beyond { get; }

    /// <summary>Every regimen tried, in the order tried.</summary>
    public IReadOnlyList<TargetProbe> Probes { get; }

    /// <summary>Whether the values tried were monotone in the searched quantity (the bisection's premise); false is also said in <see cref="Note"/>.</summary>
    public bool Monotone { get; }

    /// <summary>For a population, the 2.5th percentile of the share at the answer (Wilson score interval); the share itself for a person.</summary>
    public double ShareLower { get; }

    /// <summary>For a population, the 97.5th percentile of the share at the answer.</summary>
    public double ShareUpper { get; }

    /// <summary>What the answer means, in words.</summary>
    public string Note { get; }

    /// <summary>The note.</summary>
    public override string ToString() => Note;

    private static (double, double) Wilson(double p, int n)
    {
        const double Z = 1.959963984540054;
        var centre = (p + (Z * Z / (2 * n))) / (1 + (Z * Z / n));
        var half = Z / (1 + (Z * Z / n)) * Math.Sqrt((p * (1 - p) / n) + (Z * Z / (4.0 * n * n)));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}

/// <summary>
/// The regimen that reaches a line: the longest maintenance interval for a dose, the smallest dose for an interval, or
/// the fewest loading doses, that keep trough total serum or holotranscobalamin above a <see cref="TargetLine"/> over the
/// window of <see cref="TargetSettings"/>, for one person or for a share of a population. A bracketed bisection on the
/// model: every candidate is simulated (doses, troughs just before each dose and a daily grid), the values tried are
/// checked to be monotone, and the answer and the next candidate beyond it are both simulated.
/// </summary>
public static class TargetSolver
{
    /// <summary>The dose steps searched by <see cref="SmallestDose"/>: 100 a decade (about 2.3 % apart), rounded to three significant figures.</summary>
    public const int DoseStepsPerDecade = 100;

    /// <summary>The most loading doses searched by <see cref="ShortestLoading"/>.</summary>
    public const int MaximumLoadingDoses = 60;

    /// <summary>The longest interval (whole days, 1 to <see cref="TargetSettings.Span"/>) at which <paramref name="maintenance"/> keeps the line.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The dose is the default (empty) value.</exception>
    public static TargetAnswer LongestInterval(Dose maintenance, TargetLine line, TargetSettings settings)
    {
        Check(maintenance, line, settings);
        var days = (int)settings.Span.TotalDays;
        // Candidate k is the interval days − k + 1, so that passing grows with k.
        Candidate Candidate(int k) => new(maintenance, TimeSpan.FromDays(days - k + 1), settings);
        return Search(1, days, Candidate, line, settings, "interval");
    }

    /// <summary>
    /// The largest maintenance dose searched by <see cref="SmallestDose"/>: 10 mg, five times the largest dose of any
    /// published maintenance protocol (1 mg IM; up to 2 mg oral). Far beyond it the model's trough on a daily oral dose was
    /// seen to fall again with the dose (100 mg and 5 g a day by mouth in pernicious anaemia), which breaks the monotonicity
    /// the bisection needs and is no maintenance question.
    /// </summary>
    public static readonly Mass MaximumSearchedDose = Mass.FromMilligrams(10);

    /// <summary>The smallest dose (by <paramref name="route"/>, in steps of <see cref="DoseStepsPerDecade"/> a decade from 1 µg to <see cref="MaximumSearchedDose"/>) that keeps the line when given every <paramref name="interval"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not at least one hour and at most the span, or the route or form is not defined.</exception>
    public static TargetAnswer SmallestDose(Route route, CobalaminForm form, TimeSpan interval, TargetLine line, TargetSettings settings)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(settings);
        if (!(interval >= TimeSpan.FromHours(1) && interval <= settings.Span))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, $"The interval must be from 1 hour to the span ({settings.Span.TotalDays} days).");
        }

        _ = Dose.Create(Mass.FromMicrograms(1), route, form);
        var steps = (int)Math.Round(Math.Log10(MaximumSearchedDose.Micrograms) * DoseStepsPerDecade);
        Candidate Candidate(int k) => new(Dose.Create(DoseAt(k), route, form), interval, settings);
        return Search(0, steps, Candidate, line, settings, "dose");
    }

    /// <summary>The fewest doses of <paramref name="loading"/> every <paramref name="loadingInterval"/> (0 to <see cref="MaximumLoadingDoses"/>) before <paramref name="maintenance"/> every <paramref name="maintenanceInterval"/> that keep the line (the settings' own <see cref="TargetSettings.Loading"/> is replaced).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A dose is the default (empty) value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An interval is not at least one hour.</exception>
    public static TargetAnswer ShortestLoading(Dose loading, TimeSpan loadingInterval, Dose maintenance, TimeSpan maintenanceInterval, TargetLine line, TargetSettings settings)
    {
        Check(maintenance, line, settings);
        Check(loading, line, settings);
        foreach (var (interval, name) in new[] { (loadingInterval, nameof(loadingInterval)), (maintenanceInterval, nameof(maintenanceInterval)) })
        {
            if (interval < TimeSpan.FromHours(1))
            {
                throw new ArgumentOutOfRangeException(name, interval, "An interval must be at least 1 hour.");
            }
        }

        Candidate Candidate(int n) => new(maintenance, maintenanceInterval, settings with
        {
            Loading = n == 0 ? Regimen.None : Regimen.Start(loading).Every(loadingInterval).Times(n),
        }, n);
        return Search(0, MaximumLoadingDoses, Candidate, line, settings, "loading");
    }

    /// <summary>Dose step <paramref name="k"/>: 10^(k/100) µg rounded to three significant figures.</summary>
    internal static Mass DoseAt(int k)
    {
        var micrograms = Math.Pow(10, k / (double)DoseStepsPerDecade);
        var digits = 2 - (int)Math.Floor(Math.Log10(micrograms));
        var rounded = Math.Round(micrograms * Math.Pow(10, digits)) / Math.Pow(10, digits);
        return Mass.FromMicrograms(rounded);
    }

    /// <summary>A candidate regimen: the settings' loading (of <paramref name="LoadingDoses"/> doses), then <paramref name="Dose"/> every <paramref name="Interval"/>.</summary>
    private sealed record Candidate(Dose Dose, TimeSpan Interval, TargetSettings Settings, int LoadingDoses = 0)
    {
        public Regimen Regimen => Maintenance(Dose, Interval, Settings);
    }

    /// <summary>The settings' loading, then <paramref name="dose"/> every <paramref name="interval"/> from one interval after the loading's last dose (day 0 without loading).</summary>
    internal static Regimen Maintenance(Dose dose, TimeSpan interval, TargetSettings settings)
    {
        var horizon = settings.From + settings.Span;
        var loading = settings.Loading.Events(horizon);
        var start = loading.Length == 0 ? TimeSpan.Zero : loading[^1].Time + interval;
        return settings.Loading.And(Regimen.Start(dose).After(start).Every(interval).Indefinitely());
    }

    private static void Check(Dose dose, TargetLine line, TargetSettings settings)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(settings);
        if (dose == default)
        {
            throw new ArgumentException("The dose is the default (empty) value.", nameof(dose));
        }
    }

    /// <summary>Bisection for the smallest k in [lo, hi] whose candidate passes (passing grows with k), with the monotonicity check and the confirmations.</summary>
    private static TargetAnswer Search(int lo, int hi, Func<int, Candidate> candidate, TargetLine line, TargetSettings settings, string what)
    {
        var tried = new SortedDictionary<int, TargetProbe>();
        var order = new List<TargetProbe>();
        TargetProbe Probe(int k)
        {
            if (!tried.TryGetValue(k, out var probe))
            {
                probe = Evaluate(candidate(k), line);
                tried[k] = probe;
                order.Add(probe);
            }

            return probe;
        }

        var population = settings.Share > 0 ? settings.Patients : 0;
        if (!Probe(hi).Passes)
        {
            return new(line, false, Probe(hi), null, [.. order], Monotone(tried, population > 0), population, $"No {what} in the range searched keeps {Who(settings)} above {line.Name}: the most generous, {Probe(hi).Regimen}, fails.");
        }

        if (Probe(lo).Passes)
        {
            return new(line, true, Probe(lo), null, [.. order], Monotone(tried, population > 0), population, $"Every {what} in the range searched keeps {Who(settings)} above {line.Name}; the least, {Probe(lo).Regimen}, is the answer (the end of the range).");
        }

        var (fail, pass) = (lo, hi);
        while (pass - fail > 1)
        {
            var mid = fail + ((pass - fail) / 2);
            (Probe(mid).Passes ? ref pass : ref fail) = mid;
        }

        var monotone = Monotone(tried, population > 0);
        var answer = Probe(pass);
        var beyond = Probe(fail);
        var note = string.Create(
            CultureInfo.InvariantCulture,
            $"{answer.Regimen} keeps {Who(settings)} above {line.Name} from day {settings.From.TotalDays:0} to day {(settings.From + settings.Span).TotalDays:0} (lowest {answer.Lowest.PicomolesPerLiter:0.#} pmol/L{ShareText(answer, population)}); {beyond.Regimen} does not (lowest {beyond.Lowest.PicomolesPerLiter:0.#} pmol/L{ShareText(beyond, population)}).")
            + (monotone ? string.Empty : " WARNING: the values tried were not monotone, so the bisection's answer may not be the boundary.");
        return new(line, true, answer, beyond, [.. order], monotone, population, note);
    }

    private static string ShareText(TargetProbe probe, int population) =>
        population == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" for the median person, {probe.Share:P1} of {population} people above");

    private static string Who(TargetSettings settings) => settings.Share > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{settings.Share:P0} of the population")
        : "the person";

    /// <summary>Whether the probes' values grow with k (the share for a population, the lowest value for a person), to rounding.</summary>
    private static bool Monotone(SortedDictionary<int, TargetProbe> tried, bool population)
    {
        var previous = double.NegativeInfinity;
        foreach (var probe in tried.Values)
        {
            var value = population ? probe.Share : probe.Lowest.PicomolesPerLiter;
            if (value < previous - (1e-9 * Math.Abs(previous)))
            {
                return false;
            }

            previous = value;
        }

        return true;
    }

    /// <summary>Simulates a regimen over the window: one person, or every person of the population.</summary>
    private static TargetProbe Evaluate(Candidate candidate, TargetLine line)
    {
        var (regimen, settings) = (candidate.Regimen, candidate.Settings);
        var horizon = settings.From + settings.Span;
        var events = regimen.Events(horizon);
        var plan = new SimulationPlan(events.AsSpan(), new SimulationSettings(horizon) { SamplesAfterDose = [TimeSpan.Zero] });
        if (settings.Share == 0)
        {
            var lowest = Lowest(plan, settings.ParameterSet, settings.InitialStoresMicrograms, line.Analyte, settings.From);
            var passes = lowest >= line.PicomolesPerLiter;
            return new(regimen, candidate.Dose, candidate.Interval, candidate.LoadingDoses, Molarity.FromPicomolesPerLiter(lowest), passes ? 1 : 0, passes);
        }

        var lowestOf = new double[settings.Patients];
        var model = settings.Population with { MedianInitialStores = settings.InitialStores };
        var presets = model.PresetsOnce();
        Parallel.For(0, settings.Patients, i =>
        {
            var person = model.PatientAround(settings.Seed, i, presets);
            lowestOf[i] = Lowest(plan, person.ParameterSet, person.InitialStoresMicrograms, line.Analyte, settings.From);
        });
        var above = lowestOf.Count(v => v >= line.PicomolesPerLiter) / (double)settings.Patients;
        var median = PersonEstimate.Quantile(lowestOf, 0.5);
        return new(regimen, candidate.Dose, candidate.Interval, candidate.LoadingDoses, Molarity.FromPicomolesPerLiter(median), above, above >= settings.Share);
    }

    /// <summary>The lowest value of the analyte (pmol/L) at or after <paramref name="from"/>, over the plan's rows (the daily grid, and just before and after every dose).</summary>
    private static double Lowest(SimulationPlan plan, ParameterSet physiology, double stores, SerumAnalyte analyte, TimeSpan from)
    {
        var rows = new PoolState[plan.OutputCount];
        Simulator.Run(plan, physiology, Mass.FromMicrograms(stores), rows);
        var lowest = double.PositiveInfinity;
        for (var r = 0; r < rows.Length; r++)
        {
            if (plan.Time(r) >= from)
            {
                var value = analyte == SerumAnalyte.TotalB12 ? SerumModel.ToPicomolesPerLiter(rows[r].SerumPicogramsPerMilliliter) : rows[r].HoloTranscobalaminPicomolesPerLiter;
                lowest = Math.Min(lowest, value);
            }
        }

        return lowest;
    }
}

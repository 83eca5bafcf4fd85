using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;
using B12Dosing.Dosing;
using B12Dosing.Quantities;
using MathNet.Numerics.Random;

namespace B12Dosing.Regimens;

/// <summary>
/// A dosing regimen: one or more sequences of phases (a dose repeated every interval for a count, for a
/// duration, until a time or indefinitely; or given at a list of times), combined and shifted in time,
/// optionally with imperfect adherence. Immutable, with value equality. Build one with
/// <see cref="Start(Dose)"/>, parse the compact notation with <see cref="Parse(string)"/> (see
/// <c>docs/regimens.md</c>) and expand it to dose events with <see cref="Events(TimeSpan)"/>.
/// <see cref="ToString"/> prints the notation, and <c>Parse(r.ToString())</c> equals <c>r</c>.
/// </summary>
/// <example><code>
/// var bnf = Regimen.Start(Dose.Intramuscular(Mass.FromMilligrams(1), CobalaminForm.Hydroxocobalamin))
///     .ThreeTimesWeekly().For(TimeSpan.FromDays(14))
///     .Then(Dose.Intramuscular(Mass.FromMilligrams(1), CobalaminForm.Hydroxocobalamin)).Every(TimeSpan.FromDays(90)).Indefinitely();
/// // bnf.ToString() == "1 mg ohcbl im tiw for 2w then 1 mg ohcbl im q3mo"
/// </code></example>
public sealed class Regimen : IEquatable<Regimen>
{
    /// <summary>The most events one expansion may produce (10 million); a larger request is almost certainly a mistake.</summary>
    public const int MaximumEvents = 10_000_000;

    /// <summary>The default meal times for dietary intake: 8:00, 13:00 and 19:00, counting time zero as midnight.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultMealTimes = [TimeSpan.FromHours(8), TimeSpan.FromHours(13), TimeSpan.FromHours(19)];

    /// <summary>A regimen built by the fluent builder: one sequence, laid out as arrays on first use (<see cref="Layout"/>).</summary>
    private readonly PhaseChain? _chain;
    private Layout? _layout;

    internal Regimen(ImmutableArray<ImmutableArray<Phase>> parts, double adherence = 1, int seed = 0)
    {
        _layout = new Layout(parts, [.. parts.Select(Origins)]);
        AdherenceProbability = adherence;
        AdherenceSeed = adherence < 1 ? seed : 0;
    }

    /// <summary>The regimen of one sequence built with <c>then</c> steps, each checked as it was added; laid out on first use, so that each builder step costs O(1).</summary>
    internal Regimen(PhaseChain chain)
    {
        _chain = chain;
        AdherenceProbability = 1;
    }

    /// <summary>The regimen with no doses at all (notation <c>none</c>).</summary>
    public static Regimen None { get; } = new([]);

    /// <summary>The longest horizon or time a regimen accepts: 200 years of 365 days.</summary>
    public static TimeSpan MaximumHorizon => RegimenTime.MaximumSpan;

    /// <summary>The probability that each dose is taken: 1 unless <see cref="WithAdherence"/> was applied.</summary>
    public double AdherenceProbability { get; }

    /// <summary>The seed of the random source that decides which doses are missed (0 when adherence is perfect).</summary>
    public int AdherenceSeed { get; }

    /// <summary>True when the regimen has no dose.</summary>
    public bool IsEmpty => _chain is null && Parts.IsEmpty;

    /// <summary>True when some phase never ends (open-ended maintenance, cut at the horizon on expansion).</summary>
    public bool IsOpenEnded => _chain?.Last.Limit == PhaseLimit.Open || (_chain is null && Parts.Any(p => p[^1].Limit == PhaseLimit.Open));

    /// <summary>The sequences of phases (each in time order): the parts combined with <c>+</c>.</summary>
    internal ImmutableArray<ImmutableArray<Phase>> Parts => Laid.Parts;

    /// <summary>The layout, built from the chain on first use (two threads may both build it; they build equal ones).</summary>
    private Layout Laid => _layout ??= new Layout([_chain!.Phases()], [_chain.Origins()]);

    /// <summary>Starts building a regimen with its first dose; then say when it is given (<see cref="PhaseBuilder.Every"/>, <see cref="PhaseBuilder.At"/> …).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The dose is the default (empty) value.</exception>
    public static PhaseBuilder Start(Dose dose) => new(null, dose, TimeSpan.Zero);

    /// <summary>
    /// Dietary intake: <paramref name="perDay"/> of food-bound B12 every day, split equally over meals at
    /// <see cref="DefaultMealTimes"/> (8:00, 13:00, 19:00).
    /// </summary>
    public static Regimen Diet(Mass perDay) => Diet(perDay, DefaultMealTimes);

    /// <summary>Dietary intake: <paramref name="perDay"/> of food-bound B12 every day, split equally over meals at the given times of day.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is zero or too large, or a meal time is not within the day or not ascending.</exception>
    public static Regimen Diet(Mass perDay, IEnumerable<TimeSpan> mealTimes) =>
        Start(Dose.Food(perDay)).Daily().SplitAt([.. mealTimes]).Indefinitely();

    /// <summary>Parses the regimen notation (see <c>docs/regimens.md</c>), such as <c>1 mg ohcbl im q2d x7 then 1 mg ohcbl im q3mo</c>.</summary>
    /// <exception cref="FormatException">The text is not a regimen; the message names the bad token and its position.</exception>
    public static Regimen Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return RegimenNotation.Parse(text);
    }

    /// <summary>Tries to parse the regimen notation; returns false instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Regimen? regimen)
    {
        regimen = null;
        if (text is null)
        {
            return false;
        }

        try
        {
            regimen = RegimenNotation.Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Both regimens at once (their union); events at the same time are all kept.</summary>
    /// <exception cref="InvalidOperationException">Either regimen has adherence applied; combine first, then apply it.</exception>
    public Regimen And(Regimen other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (AdherenceProbability < 1 || other.AdherenceProbability < 1)
        {
            throw new InvalidOperationException("Combine regimens first, then apply adherence to the combination.");
        }

        return new([.. Parts, .. other.Parts]);
    }

    /// <summary>The union of several regimens (see <see cref="And"/>), in one pass: linear in the number of parts.</summary>
    /// <exception cref="InvalidOperationException">A regimen has adherence applied; combine first, then apply it.</exception>
    public static Regimen Combine(params IEnumerable<Regimen> regimens)
    {
        ArgumentNullException.ThrowIfNull(regimens);
        var parts = ImmutableArray.CreateBuilder<ImmutableArray<Phase>>();
        foreach (var regimen in regimens)
        {
            ArgumentNullException.ThrowIfNull(regimen, nameof(regimens));
            parts.AddRange(None.And(regimen).Parts);
        }

        return new(parts.ToImmutable());
    }

    /// <summary>The same regimen starting <paramref name="shift"/> later: every event moves by <paramref name="shift"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The shift is negative, not whole seconds, or too long.</exception>
    public Regimen Offset(TimeSpan shift)
    {
        RegimenTime.Check(shift, nameof(shift), allowZero: true);
        return new([.. Parts.Select(part => part.Select((phase, i) => phase.Shifted(shift, i == 0)).ToImmutableArray())], AdherenceProbability, AdherenceSeed);
    }

    /// <summary>
    /// The same regimen, with each dose taken with probability <paramref name="probability"/> and missed
    /// otherwise. Which doses are missed is decided by a xoshiro256** random source (MathNet.Numerics)
    /// seeded with <paramref name="seed"/>, drawing once per event in time order: the same regimen, seed
    /// and horizon give the same events on every run and machine, and a longer horizon keeps the
    /// choices made for the earlier events.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The probability is not between 0 and 1.</exception>
    public Regimen WithAdherence(double probability, int seed)
    {
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "Adherence is the probability that a dose is taken: a number from 0 to 1.");
        }

        return new(Parts, probability, seed);
    }

    /// <summary>Continues this regimen with a further phase that starts after the last one ends (see <c>then</c> in <c>docs/regimens.md</c>).</summary>
    /// <exception cref="InvalidOperationException">The regimen is a combination, has adherence applied, or its last phase never ends.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The dose is the default (empty) value.</exception>
    public PhaseBuilder Then(Dose dose)
    {
        if (_chain is null && (Parts.Length != 1 || AdherenceProbability < 1))
        {
            throw new InvalidOperationException("'Then' continues a single sequence of phases without adherence; add phases before combining or applying adherence.");
        }

        if ((_chain?.Last ?? Parts[0][^1]).Limit == PhaseLimit.Open)
        {
            throw new InvalidOperationException("The last phase never ends, so nothing can follow it; end it with Times, For or Until first.");
        }

        return new(_chain ?? PhaseChain.Of(Parts[0], Laid.Origins[0]), dose, TimeSpan.Zero);
    }

    /// <summary>
    /// The dose events from time zero up to and including <paramref name="horizon"/>, sorted by time.
    /// Events at the same time are all kept, in the order their parts were combined. Open-ended phases
    /// are cut at the horizon. With adherence, missed doses are left out (reproducibly, see <see cref="WithAdherence"/>).
    /// The same events as <see cref="EnumerateEvents"/>, held in one array (memory grows with their number).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The horizon is negative or above <see cref="MaximumHorizon"/>, or it would give more than <see cref="MaximumEvents"/> events.</exception>
    public ImmutableArray<DoseEvent> Events(TimeSpan horizon)
    {
        var events = GC.AllocateUninitializedArray<DoseEvent>(CountBeforeMisses(horizon));
        var kept = 0;
        foreach (var e in Stream(horizon))
        {
            events[kept++] = e;
        }

        if (kept < events.Length)
        {
            Array.Resize(ref events, kept);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(events);
    }

    /// <summary>
    /// The events of <see cref="Events"/>, in the same order, produced one at a time as they are read: memory does not grow
    /// with their number (a table of ten million events is written with what one event needs). The horizon is checked
    /// here, before the first event is read.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The horizon is negative or above <see cref="MaximumHorizon"/>, or it would give more than <see cref="MaximumEvents"/> events.</exception>
    public IEnumerable<DoseEvent> EnumerateEvents(TimeSpan horizon)
    {
        CountBeforeMisses(horizon);
        return Stream(horizon);
    }

    /// <summary>The number of events up to <paramref name="horizon"/> before missed doses are left out, counted without expanding; checks the horizon.</summary>
    private int CountBeforeMisses(TimeSpan horizon)
    {
        if (horizon < TimeSpan.Zero || horizon > MaximumHorizon)
        {
            throw new ArgumentOutOfRangeException(nameof(horizon), horizon, string.Create(CultureInfo.InvariantCulture, $"The horizon must be from 0 to {MaximumHorizon.TotalDays} days."));
        }

        long total = 0;
        for (var p = 0; p < Parts.Length; p++)
        {
            for (var i = 0; i < Parts[p].Length; i++)
            {
                total += Parts[p][i].EventCount(Laid.Origins[p][i], horizon);
            }

            if (total > MaximumEvents)
            {
                throw new ArgumentOutOfRangeException(nameof(horizon), horizon, string.Create(CultureInfo.InvariantCulture, $"This regimen gives more than {MaximumEvents} events up to {horizon.TotalDays} days; choose a shorter horizon."));
            }
        }

        return (int)total;
    }

    /// <summary>The events up to the (checked) horizon: each part's phases one after another, the parts merged, then the missed doses left out.</summary>
    private IEnumerable<DoseEvent> Stream(TimeSpan horizon)
    {
        var parts = Enumerable.Range(0, Parts.Length).Select(p => Parts[p].SelectMany((phase, i) => phase.Enumerate(Laid.Origins[p][i], horizon)));
        var merged = Parts.Length == 1 ? parts.First() : Merge(parts);
        return Miss(merged);
    }

    /// <summary>
    /// Merges the sorted event streams of the parts into one sorted stream; ties keep part order. A k-way merge with a
    /// heap of the parts' next events: O(events · log parts) (issue 12: scanning every part for each event cost
    /// events × parts, minutes for a 120 KB regimen of many <c>+</c> parts).
    /// </summary>
    private static IEnumerable<DoseEvent> Merge(IEnumerable<IEnumerable<DoseEvent>> parts)
    {
        var heads = parts.Select(p => p.GetEnumerator()).ToArray();
        try
        {
            var next = new PriorityQueue<int, (long Ticks, int Part)>(heads.Length);
            for (var p = 0; p < heads.Length; p++)
            {
                if (heads[p].MoveNext())
                {
                    next.Enqueue(p, (heads[p].Current.Time.Ticks, p));
                }
            }

            while (next.TryDequeue(out var best, out _))
            {
                yield return heads[best].Current;
                if (heads[best].MoveNext())
                {
                    next.Enqueue(best, (heads[best].Current.Time.Ticks, best));
                }
            }
        }
        finally
        {
            foreach (var head in heads)
            {
                head.Dispose();
            }
        }
    }

    /// <summary>Leaves out missed doses (one draw per event, in order).</summary>
    private IEnumerable<DoseEvent> Miss(IEnumerable<DoseEvent> events)
    {
        if (AdherenceProbability >= 1)
        {
            return events;
        }

        return Draw(events, AdherenceSeed, AdherenceProbability);

        // The random source is made when the events are read, so every reading draws the same doses.
        static IEnumerable<DoseEvent> Draw(IEnumerable<DoseEvent> events, int seed, double probability)
        {
            var random = new Xoshiro256StarStar(seed, threadSafe: false);
            foreach (var e in events)
            {
                if (random.NextDouble() < probability)
                {
                    yield return e;
                }
            }
        }
    }

    /// <summary>The regimen notation, which <see cref="Parse(string)"/> reads back to an equal regimen.</summary>
    public override string ToString() => RegimenNotation.Format(this);

    /// <inheritdoc/>
    public bool Equals(Regimen? other) =>
        other is not null
        && Parts.Length == other.Parts.Length
        && Parts.Zip(other.Parts).All(pair => pair.First.SequenceEqual(pair.Second))
        && AdherenceProbability.Equals(other.AdherenceProbability)
        && AdherenceSeed == other.AdherenceSeed;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Regimen);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var phase in Parts.SelectMany(p => p))
        {
            hash.Add(phase);
        }

        hash.Add(AdherenceProbability);
        hash.Add(AdherenceSeed);
        return hash.ToHashCode();
    }

    /// <summary>Equal regimens.</summary>
    public static bool operator ==(Regimen? left, Regimen? right) => Equals(left, right);

    /// <summary>Different regimens.</summary>
    public static bool operator !=(Regimen? left, Regimen? right) => !Equals(left, right);

    /// <summary>When each phase of a sequence starts; validates that each phase can follow the one before.</summary>
    private static ImmutableArray<TimeSpan> Origins(ImmutableArray<Phase> phases)
    {
        var origins = new TimeSpan[phases.Length];
        for (var i = 0; i < phases.Length; i++)
        {
            origins[i] = i == 0 ? PhaseChain.FirstOrigin(phases[0]) : PhaseChain.NextOrigin(phases[i - 1], origins[i - 1], phases[i]);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(origins);
    }

    /// <summary>The parts and when each of their phases starts.</summary>
    private sealed record Layout(ImmutableArray<ImmutableArray<Phase>> Parts, ImmutableArray<ImmutableArray<TimeSpan>> Origins);
}

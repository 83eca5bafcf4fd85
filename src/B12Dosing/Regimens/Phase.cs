using System.Collections.Immutable;
using B12Dosing.Dosing;

namespace B12Dosing.Regimens;

/// <summary>How a repeating phase ends.</summary>
internal enum PhaseLimit
{
    /// <summary>Never: open-ended maintenance, cut at the horizon. Only the last phase of a sequence.</summary>
    Open,

    /// <summary>After a number of cycles (<see cref="Phase.Count"/>).</summary>
    Count,

    /// <summary>After a duration from the phase's start (<see cref="Phase.LimitTime"/>), exclusive.</summary>
    For,

    /// <summary>At a time from time zero (<see cref="Phase.LimitTime"/>), exclusive.</summary>
    Until,
}

/// <summary>
/// One phase of a regimen: a dose given at fixed times within a repeating cycle (for example every 2 days,
/// or three times in each week), or at an irregular list of times (<see cref="Interval"/> zero).
/// Immutable and validated at construction; the <see cref="Regimen"/> places phases in time.
/// </summary>
/// <param name="Delay">The wait before the phase starts (after time zero, or after the previous phase).</param>
/// <param name="Dose">The dose at each time; when <paramref name="Split"/>, the amount divided equally over <paramref name="Times"/>.</param>
/// <param name="Interval">The cycle length; zero for an irregular list of times.</param>
/// <param name="Times">The dose times within each cycle (ascending, each below the interval), or the irregular times from the phase start.</param>
/// <param name="Split">Whether the dose is divided equally over the times of a cycle.</param>
/// <param name="Limit">How a repeating phase ends.</param>
/// <param name="Count">The number of cycles, for <see cref="PhaseLimit.Count"/>.</param>
/// <param name="LimitTime">The duration (<see cref="PhaseLimit.For"/>) or the time from time zero (<see cref="PhaseLimit.Until"/>).</param>
internal sealed record Phase(TimeSpan Delay, Dose Dose, TimeSpan Interval, ImmutableArray<TimeSpan> Times, bool Split, PhaseLimit Limit, int Count, TimeSpan LimitTime)
{
    /// <summary>
    /// The most dose times one cycle may have: 10 000 (one a minute for about a week). Without a bound, "split" with
    /// a huge count would build billions of times before any other check could refuse them.
    /// </summary>
    public const int MaximumTimesPerCycle = 10_000;

    /// <summary>True for a phase given at an irregular list of times.</summary>
    public bool IsIrregular => Interval == TimeSpan.Zero;

    /// <summary>The dose given at each event: <see cref="Dose"/>, or its share when split.</summary>
    public Dose EventDose => !Split ? Dose
        : Dose.Vehicle == DoseVehicle.FoodBound ? Dose.Food(Dose.Amount / Times.Length)
        : Dose.Create(Dose.Amount / Times.Length, Dose.Route, Dose.Form);

    /// <summary>A phase at irregular times from its start; the times are sorted and may repeat.</summary>
    public static Phase At(TimeSpan delay, Dose dose, IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToImmutableArray();
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("An irregular schedule needs at least one time.", nameof(times));
        }

        foreach (var t in sorted)
        {
            RegimenTime.Check(t, nameof(times), allowZero: true);
        }

        return new Phase(RegimenTime.Check(delay, nameof(delay), allowZero: true), dose, TimeSpan.Zero, sorted, false, PhaseLimit.Count, 1, TimeSpan.Zero);
    }

    /// <summary>An open-ended phase repeating every <paramref name="interval"/>, at <paramref name="times"/> within each cycle.</summary>
    public static Phase Repeat(TimeSpan delay, Dose dose, TimeSpan interval, IEnumerable<TimeSpan> times, bool split)
    {
        RegimenTime.Check(interval, nameof(interval), allowZero: false);
        var list = times.Take(MaximumTimesPerCycle + 1).ToImmutableArray();
        if (list.IsEmpty)
        {
            throw new ArgumentException("A cycle needs at least one dose time.", nameof(times));
        }

        CheckTimesPerCycle(list.Length, nameof(times));

        for (var i = 0; i < list.Length; i++)
        {
            RegimenTime.Check(list[i], nameof(times), allowZero: true);
            if (list[i] >= interval || (i > 0 && list[i] <= list[i - 1]))
            {
                throw new ArgumentOutOfRangeException(nameof(times), list[i], $"Dose times within a cycle must ascend, without repeats, from zero to below the interval ({RegimenTime.FormatDuration(interval)}); got {string.Join(", ", list.Select(RegimenTime.FormatDuration))}.");
            }
        }

        return new Phase(RegimenTime.Check(delay, nameof(delay), allowZero: true), dose, interval, list, split && list.Length > 1, PhaseLimit.Open, 0, TimeSpan.Zero);
    }

    /// <summary>Checks a number of dose times in one cycle against <see cref="MaximumTimesPerCycle"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is above the maximum.</exception>
    private static int CheckTimesPerCycle(int count, string paramName) => count <= MaximumTimesPerCycle
        ? count
        : throw new ArgumentOutOfRangeException(paramName, count, $"A cycle may have at most {MaximumTimesPerCycle} dose times.");

    /// <summary>The times of <paramref name="parts"/> equal parts of a cycle of <paramref name="interval"/>: zero, one part, two parts ….</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is below 1 or above <see cref="MaximumTimesPerCycle"/>, or a part is not a whole number of seconds.</exception>
    public static ImmutableArray<TimeSpan> EvenTimes(TimeSpan interval, int parts, string paramName)
    {
        if (parts < 1 || interval.Ticks % parts != 0 || (interval.Ticks / parts) % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(paramName, parts, $"A cycle is split into 1 or more equal parts that divide its interval ({RegimenTime.FormatDuration(interval)}) into whole seconds.");
        }

        CheckTimesPerCycle(parts, paramName);
        return [.. Enumerable.Range(0, parts).Select(i => interval / parts * i)];
    }

    /// <summary>This repeating phase, ending as given.</summary>
    public Phase WithLimit(PhaseLimit limit, int count, TimeSpan limitTime)
    {
        if (IsIrregular || Limit != PhaseLimit.Open)
        {
            throw new InvalidOperationException("Only an open-ended repeating phase can be given an end.");
        }

        switch (limit)
        {
            case PhaseLimit.Count when count < 1:
                throw new ArgumentOutOfRangeException(nameof(count), count, "A phase repeats at least once; the count must be 1 or more.");
            case PhaseLimit.Count when (Int128)count * Interval.Ticks > RegimenTime.MaximumSpan.Ticks:
                throw new ArgumentOutOfRangeException(nameof(count), count, $"{count} cycles of {RegimenTime.FormatDuration(Interval)} last longer than {RegimenTime.FormatDuration(RegimenTime.MaximumSpan)}.");
            case PhaseLimit.For or PhaseLimit.Until:
                RegimenTime.Check(limitTime, nameof(limitTime), allowZero: limit == PhaseLimit.Until);
                break;
        }

        return new Phase(Delay, Dose, Interval, Times, Split, limit, limit == PhaseLimit.Count ? count : 0, limit == PhaseLimit.Count ? TimeSpan.Zero : limitTime);
    }

    /// <summary>This phase started <paramref name="shift"/> later; an <see cref="PhaseLimit.Until"/> time moves with it.</summary>
    public Phase Shifted(TimeSpan shift, bool first) => new(
        first ? RegimenTime.Check(Delay + shift, "shift", allowZero: true) : Delay,
        Dose,
        Interval,
        Times,
        Split,
        Limit,
        Count,
        Limit == PhaseLimit.Until ? RegimenTime.Check(LimitTime + shift, "shift", allowZero: true) : LimitTime);

    /// <summary>The end of the phase (exclusive) for a phase starting at <paramref name="origin"/>; <see cref="TimeSpan.MaxValue"/> if open.</summary>
    public TimeSpan End(TimeSpan origin) => Limit switch
    {
        PhaseLimit.Count => IsIrregular ? origin + Times[^1] + TimeSpan.FromTicks(1) : origin + (Interval * Count),
        PhaseLimit.For => origin + LimitTime,
        PhaseLimit.Until => LimitTime,
        _ => TimeSpan.MaxValue,
    };

    /// <summary>The time of the last dose for a phase starting at <paramref name="origin"/>.</summary>
    /// <exception cref="ArgumentException">The phase is open-ended or gives no dose.</exception>
    public TimeSpan LastDose(TimeSpan origin)
    {
        if (Limit == PhaseLimit.Open)
        {
            throw new ArgumentException("An open-ended phase never ends, so no phase can follow it ('then'); give it an end with 'x', 'for' or 'until'.");
        }

        var end = End(origin);
        var last = TimeSpan.MinValue;
        foreach (var offset in Times)
        {
            var first = origin + offset;
            if (first < end)
            {
                var cycles = IsIrregular ? 0 : (end - first - TimeSpan.FromTicks(1)).Ticks / Interval.Ticks;
                last = TimeSpan.FromTicks(Math.Max(last.Ticks, first.Ticks + (cycles * Interval.Ticks)));
            }
        }

        return last != TimeSpan.MinValue
            ? last
            : throw new ArgumentException($"The phase '{Dose}' ends before its first dose; it would give no dose.");
    }

    /// <summary>The number of events the phase gives up to <paramref name="horizon"/> (inclusive), counted without expanding.</summary>
    public long EventCount(TimeSpan origin, TimeSpan horizon)
    {
        if (IsIrregular)
        {
            return Times.Count(t => origin + t <= horizon);
        }

        var last = Limit == PhaseLimit.Open ? horizon : TimeSpan.FromTicks(Math.Min(horizon.Ticks, End(origin).Ticks - 1));
        long count = 0;
        foreach (var offset in Times)
        {
            var first = origin + offset;
            count += first <= last ? ((last - first).Ticks / Interval.Ticks) + 1 : 0;
        }

        return count;
    }

    /// <summary>The phase's events up to <paramref name="horizon"/> (inclusive), in time order, one at a time (nothing is held).</summary>
    public IEnumerable<DoseEvent> Enumerate(TimeSpan origin, TimeSpan horizon)
    {
        var end = End(origin);
        var dose = EventDose;
        for (var cycleStart = origin; ; cycleStart += Interval)
        {
            foreach (var offset in Times)
            {
                var t = cycleStart + offset;
                if (t > horizon || t >= end)
                {
                    yield break;
                }

                yield return new DoseEvent(t, dose);
            }

            if (IsIrregular)
            {
                yield break;
            }
        }
    }

    /// <summary>Equal phases: the same fields, with the times compared element by element.</summary>
    public bool Equals(Phase? other) =>
        other is not null && Delay == other.Delay && Dose == other.Dose && Interval == other.Interval
        && Times.SequenceEqual(other.Times) && Split == other.Split && Limit == other.Limit
        && Count == other.Count && LimitTime == other.LimitTime;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Delay, Dose, Interval, Times.Length, Split, Limit, Count, LimitTime);
}

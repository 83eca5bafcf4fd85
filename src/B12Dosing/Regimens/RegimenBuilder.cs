using System.Collections.Immutable;
using B12Dosing.Dosing;

namespace B12Dosing.Regimens;

/// <summary>
/// A step of the fluent regimen builder: a dose is chosen; now say when it is given, with
/// <see cref="Every"/> (or <see cref="Daily"/>, <see cref="Weekly"/>, <see cref="Monthly"/>,
/// <see cref="ThreeTimesWeekly"/>) for a repeating phase, or <see cref="At"/>, <see cref="OnDays"/>
/// or <see cref="Once"/> for single or irregular doses. Immutable: each call returns a new step.
/// </summary>
public sealed class PhaseBuilder
{
    private readonly PhaseChain? _previous;
    private readonly Dose _dose;
    private readonly TimeSpan _delay;

    internal PhaseBuilder(PhaseChain? previous, Dose dose, TimeSpan delay)
    {
        _previous = previous;
        _dose = dose.Micrograms > 0
            ? dose
            : throw new ArgumentOutOfRangeException(nameof(dose), dose, "The dose is empty (the default value); build it with Dose.Oral, Dose.Intramuscular and the like.");
        _delay = RegimenTime.Check(delay, nameof(delay), allowZero: true);
    }

    /// <summary>Waits <paramref name="delay"/> before this phase starts (from time zero, or after the previous phase).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The delay is negative, not whole seconds, or too long.</exception>
    public PhaseBuilder After(TimeSpan delay) => new(_previous, _dose, delay);

    /// <summary>Repeats the dose every <paramref name="interval"/>, first at the phase start.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is zero, negative, not whole seconds, or too long.</exception>
    public RepeatBuilder Every(TimeSpan interval) => new(_previous, Phase.Repeat(_delay, _dose, interval, [TimeSpan.Zero], split: false));

    /// <summary>Once a day.</summary>
    public RepeatBuilder Daily() => Every(TimeSpan.FromDays(1));

    /// <summary>Once a week.</summary>
    public RepeatBuilder Weekly() => Every(TimeSpan.FromDays(7));

    /// <summary>Once a (30-day) month.</summary>
    public RepeatBuilder Monthly() => Every(TimeSpan.FromDays(30));

    /// <summary>Three times a week: days 0, 2 and 4 of every week (for example Monday, Wednesday, Friday).</summary>
    public RepeatBuilder ThreeTimesWeekly() => Every(TimeSpan.FromDays(7)).On(TimeSpan.Zero, TimeSpan.FromDays(2), TimeSpan.FromDays(4));

    /// <summary>The dose at each of <paramref name="times"/> from the phase start (an irregular schedule); times may repeat.</summary>
    /// <exception cref="ArgumentException">There is no time, or a time is negative or too long.</exception>
    public Regimen At(params IEnumerable<TimeSpan> times) => Complete(Phase.At(_delay, _dose, times));

    /// <summary>The dose on each clinical day number (day 1 is the phase start), as published schedules count: <c>OnDays(1, 3, 7)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A day number is below 1.</exception>
    public Regimen OnDays(params IEnumerable<int> days) => At(days.Select(d => d >= 1
        ? TimeSpan.FromDays(d - 1)
        : throw new ArgumentOutOfRangeException(nameof(days), d, "Day numbers start at 1 (day 1 is the start).")));

    /// <summary>A single dose at the phase start.</summary>
    public Regimen Once() => At(TimeSpan.Zero);

    private Regimen Complete(Phase phase) => new(_previous is null ? PhaseChain.Start(phase) : _previous.Then(phase));
}

/// <summary>
/// A step of the fluent regimen builder: a repeating phase. Shape each cycle with <see cref="On"/>,
/// <see cref="SplitAt"/> or <see cref="Split"/>, then end it with <see cref="Times"/>, <see cref="For"/>
/// or <see cref="Until"/>, or leave it open with <see cref="Indefinitely"/> (open-ended maintenance, cut
/// at the horizon). Immutable: each call returns a new step.
/// </summary>
public sealed class RepeatBuilder
{
    private readonly PhaseChain? _previous;
    private readonly Phase _phase;

    internal RepeatBuilder(PhaseChain? previous, Phase phase)
    {
        _previous = previous;
        _phase = phase;
    }

    /// <summary>The regimen with this phase left open (see <see cref="Indefinitely"/>).</summary>
    public static implicit operator Regimen(RepeatBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Indefinitely();
    }

    /// <summary>Gives the whole dose at each of <paramref name="offsets"/> within every cycle (ascending, from zero, below the interval).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An offset is negative, not ascending, or not below the interval.</exception>
    public RepeatBuilder On(params IEnumerable<TimeSpan> offsets) => Reshape(offsets, split: false);

    /// <summary>Divides the dose equally over <paramref name="times"/> within every cycle, for example meals at 8, 13 and 19 h.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative, not ascending, or not below the interval.</exception>
    public RepeatBuilder SplitAt(params IEnumerable<TimeSpan> times) => Reshape(times, split: true);

    /// <summary>Divides the dose into <paramref name="parts"/> equal parts spread evenly over every cycle.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number of parts is below 1 or above 10 000, or does not divide the interval into whole seconds.</exception>
    public RepeatBuilder Split(int parts) => SplitAt(Phase.EvenTimes(_phase.Interval, parts, nameof(parts)));

    /// <summary>Ends the phase after <paramref name="count"/> cycles (doses, when each cycle has one dose).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is below 1.</exception>
    public Regimen Times(int count) => Complete(_phase.WithLimit(PhaseLimit.Count, count, TimeSpan.Zero));

    /// <summary>Ends the phase <paramref name="duration"/> after it starts (doses strictly before the end).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is zero, negative or too long.</exception>
    /// <exception cref="ArgumentException">No dose falls within the duration.</exception>
    public Regimen For(TimeSpan duration) => Complete(_phase.WithLimit(PhaseLimit.For, 0, duration));

    /// <summary>Ends the phase at <paramref name="time"/> from time zero (doses strictly before it).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is negative or too long.</exception>
    /// <exception cref="ArgumentException">No dose falls before that time.</exception>
    public Regimen Until(TimeSpan time) => Complete(_phase.WithLimit(PhaseLimit.Until, 0, time));

    /// <summary>Leaves the phase open-ended (maintenance "for life"), cut at the horizon when expanded; nothing can follow it.</summary>
    public Regimen Indefinitely() => Complete(_phase);

    private RepeatBuilder Reshape(IEnumerable<TimeSpan> times, bool split) =>
        new(_previous, Phase.Repeat(_phase.Delay, _phase.Dose, _phase.Interval, times, split));

    private Regimen Complete(Phase phase) => new(_previous is null ? PhaseChain.Start(phase) : _previous.Then(phase));
}

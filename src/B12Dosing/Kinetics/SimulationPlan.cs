using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Quantities;

namespace B12Dosing.Kinetics;

/// <summary>
/// Dose events and an output grid expanded once into the sequence of steps a simulation walks: "advance by interval
/// <c>i</c>, then take a dose or write an output row". It does not depend on the physiology, so one plan serves every
/// patient of a population (and every thread: it is immutable). Each patient's run then needs one 2×2 propagator per
/// distinct interval (<see cref="DistinctIntervalCount"/>, usually 1-5), not one per step.
/// Doses at the same instant are merged by route, form and vehicle and applied in a fixed order; doses at or after the
/// horizon are dropped; output rows are taken just before any dose at the same instant (see <see cref="Simulator"/>).
/// </summary>
public sealed class SimulationPlan
{
    private readonly Intake[] _intakes;
    private readonly PlanStep[] _steps;
    private readonly long[] _intervals;

    /// <summary>Expands <paramref name="events"/> (in any order) over <paramref name="horizon"/> with an output row every <paramref name="step"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The horizon or step is out of the range <see cref="SimulationSettings"/> accepts.</exception>
    /// <exception cref="ArgumentException">An event is the default (empty) value.</exception>
    public SimulationPlan(ReadOnlySpan<DoseEvent> events, TimeSpan horizon, TimeSpan step)
        : this(events, new SimulationSettings(horizon) { Step = step })
    {
    }

    /// <summary>Expands the events over the horizon and output step of <paramref name="settings"/> (its other values are not used).</summary>
    internal SimulationPlan(ReadOnlySpan<DoseEvent> events, SimulationSettings settings)
    {
        Horizon = settings.Horizon;
        Step = settings.Step;
        var intervals = settings.Intervals;
        OutputCount = checked((int)intervals + 1);
        _intakes = Intake.Prepare(events, Horizon.Ticks);
        (_steps, _intervals) = Expand(_intakes, OutputCount, Step.Ticks, Horizon.Ticks);
    }

    /// <summary>The horizon, from time zero.</summary>
    public TimeSpan Horizon { get; }

    /// <summary>The time between output rows (the last row is at the horizon).</summary>
    public TimeSpan Step { get; }

    /// <summary>The number of output rows, day 0 and the horizon included.</summary>
    public int OutputCount { get; }

    /// <summary>The number of intakes simulated (doses before the horizon, same-instant doses of one kind merged).</summary>
    public int IntakeCount => _intakes.Length;

    /// <summary>The number of distinct interval lengths between consecutive steps: the propagators one run computes.</summary>
    public int DistinctIntervalCount => _intervals.Length;

    /// <summary>The time of output row <paramref name="index"/>, days.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is not in [0, <see cref="OutputCount"/>).</exception>
    public double Day(int index) => (uint)index < (uint)OutputCount
        ? OutputTicks(index) / (double)TimeSpan.TicksPerDay
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"An output row index must be in [0, {OutputCount}).");

    /// <summary>
    /// What becomes of each intake for <paramref name="physiology"/>, in the order a run applies them (the IF capacity
    /// carried from one oral intake to the next): the dose events as the simulation sees them, for export to another
    /// solver or for inspection.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="physiology"/> is null.</exception>
    public IReadOnlyList<IntakeOutcome> IntakeOutcomes(Physiology physiology)
    {
        ArgumentNullException.ThrowIfNull(physiology);
        var absorber = new Absorber(physiology);
        var outcomes = new IntakeOutcome[_intakes.Length];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = new(_intakes[i].Ticks / (double)TimeSpan.TicksPerDay, absorber.Take(in _intakes[i]));
        }

        return outcomes;
    }

    /// <summary>The time of every output row, days.</summary>
    internal double[] Days()
    {
        var days = new double[OutputCount];
        for (var row = 0; row < days.Length; row++)
        {
            days[row] = Day(row);
        }

        return days;
    }

    internal ReadOnlySpan<Intake> Intakes => _intakes;

    internal ReadOnlySpan<PlanStep> Steps => _steps;

    internal ReadOnlySpan<long> Intervals => _intervals;

    internal long OutputTicks(int index) => Math.Min(index * Step.Ticks, Horizon.Ticks);

    private static (PlanStep[] Steps, long[] Intervals) Expand(Intake[] intakes, int outputs, long stepTicks, long horizonTicks)
    {
        var steps = new PlanStep[intakes.Length + outputs];
        var intervals = new List<long>();
        var index = new Dictionary<long, int>();
        long now = 0;
        int n = 0, next = 0;

        void Add(long ticks, int action)
        {
            var dt = ticks - now;
            var interval = -1;
            if (dt > 0 && !index.TryGetValue(dt, out interval))
            {
                interval = intervals.Count;
                index.Add(dt, interval);
                intervals.Add(dt);
            }

            now = Math.Max(now, ticks);
            steps[n++] = new(interval, action);
        }

        for (var k = 0; k < outputs; k++)
        {
            var outTicks = Math.Min(k * stepTicks, horizonTicks);
            while (next < intakes.Length && intakes[next].Ticks < outTicks)
            {
                Add(intakes[next].Ticks, next);
                next++;
            }

            Add(outTicks, ~k);
        }

        return (steps, [.. intervals]);
    }

    /// <summary>One step: advance by interval <see cref="Interval"/> (none if negative), then apply intake <see cref="Action"/> or, if negative, write output row <c>~Action</c>.</summary>
    internal readonly record struct PlanStep(int Interval, int Action);
}

using System.Globalization;
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
/// horizon are not simulated (the horizon ends the run). The output rows are a regular grid (every
/// <see cref="SimulationSettings.Step"/>) or explicit <see cref="SimulationSettings.SampleTimes"/>, plus samples at
/// <see cref="SimulationSettings.SamplesAfterDose"/> after each dose; a row at the instant of a dose is taken just
/// before it (the trough), except an after-dose sample at offset zero, which is taken just after it. The run always
/// continues to the horizon, so the summary is at the horizon whatever the samples.
/// </summary>
public sealed class SimulationPlan
{
    /// <summary>A step action that neither doses nor writes a row (the last advance to the horizon).</summary>
    internal const int NoAction = int.MinValue;

    private readonly Intake[] _intakes;
    private readonly PlanStep[] _steps;
    private readonly long[] _intervals;

    /// <summary>The output rows in order, each <c>ticks &lt;&lt; 1 | after</c> where <c>after</c> is 1 for a row taken just after the doses at its instant.</summary>
    private readonly long[] _outputs;

    /// <summary>Expands <paramref name="events"/> (in any order) over <paramref name="horizon"/> with an output row every <paramref name="step"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The horizon or step is out of the range <see cref="SimulationSettings"/> accepts.</exception>
    /// <exception cref="ArgumentException">An event is the default (empty) value.</exception>
    public SimulationPlan(ReadOnlySpan<DoseEvent> events, TimeSpan horizon, TimeSpan step)
        : this(events, new SimulationSettings(horizon) { Step = step })
    {
    }

    /// <summary>Expands the events over the horizon and the sampling of <paramref name="settings"/> (its other values are not used).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A sample time is beyond the horizon, or the samples are more than <see cref="SimulationSettings.MaximumRows"/>.</exception>
    internal SimulationPlan(ReadOnlySpan<DoseEvent> events, SimulationSettings settings)
    {
        Horizon = settings.Horizon;
        Step = settings.Step;
        _intakes = Intake.Prepare(events, Horizon.Ticks);
        _outputs = Outputs(settings, _intakes);
        (_steps, _intervals) = Expand(_intakes, _outputs, Horizon.Ticks);
    }

    /// <summary>The horizon, from time zero.</summary>
    public TimeSpan Horizon { get; }

    /// <summary>The time between rows of the regular grid (not used when the settings give explicit sample times).</summary>
    public TimeSpan Step { get; }

    /// <summary>The number of output rows.</summary>
    public int OutputCount => _outputs.Length;

    /// <summary>The number of intakes simulated (doses before the horizon, same-instant doses of one kind merged).</summary>
    public int IntakeCount => _intakes.Length;

    /// <summary>The number of distinct interval lengths between consecutive steps: the propagators one run computes.</summary>
    public int DistinctIntervalCount => _intervals.Length;

    /// <summary>The time of output row <paramref name="index"/> (exact: the plan's times are whole ticks).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is not in [0, <see cref="OutputCount"/>).</exception>
    public TimeSpan Time(int index) => (uint)index < (uint)OutputCount
        ? new(OutputTicks(index))
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"An output row index must be in [0, {OutputCount}).");

    /// <summary>The time of output row <paramref name="index"/>, days, for the kernels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is not in [0, <see cref="OutputCount"/>).</exception>
    internal double Day(int index) => Time(index).Ticks / (double)TimeSpan.TicksPerDay;

    /// <summary>Whether output row <paramref name="index"/> is taken just after the doses at its instant (an after-dose sample at offset zero) rather than before them.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is not in [0, <see cref="OutputCount"/>).</exception>
    public bool IsAfterDose(int index) => (uint)index < (uint)OutputCount
        ? (_outputs[index] & 1) == 1
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"An output row index must be in [0, {OutputCount}).");

    /// <summary>
    /// What becomes of each intake for <paramref name="physiology"/>, in the order a run applies them (the IF capacity
    /// carried from one oral intake to the next): the dose events as the simulation sees them, for export to another
    /// solver or for inspection.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="physiology"/> is null.</exception>
    public IReadOnlyList<IntakeOutcome> IntakeOutcomes(ParameterSet physiology)
    {
        ArgumentNullException.ThrowIfNull(physiology);
        var absorber = new Absorber(physiology);
        var outcomes = new IntakeOutcome[_intakes.Length];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = new(_intakes[i].Ticks, absorber.Take(in _intakes[i]));
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

    internal long OutputTicks(int index) => _outputs[index] >> 1;

    /// <summary>The distinct instants at which intakes are taken, ascending, in ticks: the doses of <see cref="SimulationRow.DoseNumber"/>.</summary>
    internal long[] DoseInstants() => DoseInstants(_intakes);

    private static long[] DoseInstants(Intake[] intakes)
    {
        var count = 0;
        for (var i = 0; i < intakes.Length; i++)
        {
            count += i == 0 || intakes[i].Ticks != intakes[i - 1].Ticks ? 1 : 0;
        }

        var instants = new long[count];
        var n = 0;
        for (var i = 0; i < intakes.Length; i++)
        {
            if (i == 0 || intakes[i].Ticks != intakes[i - 1].Ticks)
            {
                instants[n++] = intakes[i].Ticks;
            }
        }

        return instants;
    }

    /// <summary>The output rows: the grid or the explicit times (before any dose at the same instant), plus the after-dose samples.</summary>
    private static long[] Outputs(SimulationSettings settings, Intake[] intakes)
    {
        var horizon = settings.Horizon.Ticks;
        var explicitTimes = (SampleTimeList)settings.SampleTimes;
        var after = (SampleTimeList)settings.SamplesAfterDose;
        long[] grid;
        if (explicitTimes.Count == 0)
        {
            var count = checked((int)settings.Intervals + 1);
            var step = settings.Step.Ticks;
            grid = new long[count];
            for (var k = 0; k < count; k++)
            {
                grid[k] = Math.Min(k * step, horizon) << 1;
            }
        }
        else
        {
            if (explicitTimes.Times[^1].Ticks > horizon)
            {
                throw new ArgumentOutOfRangeException(nameof(SimulationSettings.SampleTimes), explicitTimes.Times[^1], string.Create(CultureInfo.InvariantCulture, $"The sample time {explicitTimes.Times[^1].TotalDays:R} days is beyond the horizon ({settings.Horizon.TotalDays:R} days): sample within the simulated time."));
            }

            grid = [.. explicitTimes.Times.Select(t => t.Ticks << 1)];
        }

        if (after.Count == 0)
        {
            return grid;
        }

        var instants = DoseInstants(intakes);
        var extra = (long)instants.Length * (after.Count + 1);
        if (grid.Length + extra > SimulationSettings.MaximumRows)
        {
            throw new ArgumentOutOfRangeException(
                nameof(SimulationSettings.SamplesAfterDose),
                after.Count,
                $"{instants.Length} doses with {after.Count} samples after each (and one before) give {grid.Length + extra} rows with the grid; at most {SimulationSettings.MaximumRows} are accepted: sample less often.");
        }

        var all = new List<long>(grid.Length + (int)extra);
        all.AddRange(grid);
        foreach (var instant in instants)
        {
            all.Add(instant << 1);
            foreach (var offset in after.Times)
            {
                if (offset.Ticks <= horizon - instant)
                {
                    all.Add(((instant + offset.Ticks) << 1) | (offset == TimeSpan.Zero ? 1L : 0L));
                }
            }
        }

        all.Sort();
        var n = 0;
        for (var i = 0; i < all.Count; i++)
        {
            if (n == 0 || all[n - 1] != all[i])
            {
                all[n++] = all[i];
            }
        }

        return [.. all.Take(n)];
    }

    private static (PlanStep[] Steps, long[] Intervals) Expand(Intake[] intakes, long[] outputs, long horizonTicks)
    {
        var end = Math.Max(outputs.Length > 0 ? outputs[^1] >> 1 : 0, intakes.Length > 0 ? intakes[^1].Ticks : 0);
        var steps = new PlanStep[intakes.Length + outputs.Length + (end < horizonTicks ? 1 : 0)];
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

        for (var k = 0; k < outputs.Length; k++)
        {
            var outTicks = outputs[k] >> 1;
            var afterDoses = (outputs[k] & 1) == 1;
            while (next < intakes.Length && (intakes[next].Ticks < outTicks || (afterDoses && intakes[next].Ticks == outTicks)))
            {
                Add(intakes[next].Ticks, next);
                next++;
            }

            Add(outTicks, ~k);
        }

        // Explicit sample times may end before the horizon: the doses after them and the time to the horizon still count.
        for (; next < intakes.Length; next++)
        {
            Add(intakes[next].Ticks, next);
        }

        if (now < horizonTicks)
        {
            Add(horizonTicks, NoAction);
        }

        return (steps, [.. intervals]);
    }

    /// <summary>
    /// One step: advance by interval <see cref="Interval"/> (none if negative), then apply intake <see cref="Action"/> or,
    /// if negative, write output row <c>~Action</c> (nothing for <see cref="NoAction"/>).
    /// </summary>
    internal readonly record struct PlanStep(int Interval, int Action);
}

using B12Dosing.Dosing;

namespace B12Dosing.Absorption;

/// <summary>
/// Evaluates a patient's intakes in order, carrying the IF capacity from one oral intake to the next. It remembers the
/// last recovery factor (per gap between oral intakes) and the last kind of intake's state-free parts, so a regimen
/// that repeats one dose at one interval computes its exponential and logarithm once; a hit returns the very numbers a
/// recomputation would. The IF capacity is kept as a bare double (<see cref="IntrinsicFactorState.Recovered"/>,
/// <see cref="AbsorptionModel.Take"/>: the same operations as the public types').
/// </summary>
internal struct Absorber(Physiology physiology)
{
    private readonly double _capacity = physiology.EffectiveIntrinsicFactorCapacityMicrograms;
    private double _available = physiology.EffectiveIntrinsicFactorCapacityMicrograms;
    private long _ifTicks;
    private long _gapTicks = -1;
    private double _decay;
    private Intake _kind = new(-1, double.NaN, default, default, default);
    private AbsorptionModel.StateFree _parts;

    /// <summary>The outcome of <paramref name="intake"/> as the public API reports it (with the IF state after it).</summary>
    public DoseOutcome Take(in Intake intake) => TakeParts(in intake).Outcome(new(_available));

    /// <summary>The intake's dose, absorbed amount and kept parts (what a simulation needs); the IF capacity moves on.</summary>
    public AbsorptionModel.Taken TakeParts(in Intake intake)
    {
        if (intake.UsesIntrinsicFactor)
        {
            var gap = intake.Ticks - _ifTicks;
            if (gap != _gapTicks)
            {
                _gapTicks = gap;
                _decay = IntrinsicFactorState.DecayOver(gap / (double)TimeSpan.TicksPerHour, physiology);
            }

            _available = IntrinsicFactorState.Recovered(_available, _capacity, _decay);
            _ifTicks = intake.Ticks;
        }

        if (!intake.SameKind(_kind))
        {
            _kind = intake;
            _parts = AbsorptionModel.Prepare(intake.Amount, intake.Route, intake.Form, intake.Vehicle, physiology);
        }

        return AbsorptionModel.Take(in _parts, _capacity, ref _available);
    }

    /// <summary>The IF capacity free at <paramref name="ticks"/> (not before the last oral intake taken).</summary>
    public readonly IntrinsicFactorState StateAt(long ticks) =>
        ticks == _ifTicks ? new(_available) : new IntrinsicFactorState(_available).AfterHours((ticks - _ifTicks) / (double)TimeSpan.TicksPerHour, physiology);
}

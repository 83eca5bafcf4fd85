using B12Dosing.Dosing;

namespace B12Dosing.Absorption;

/// <summary>
/// Evaluates a patient's intakes in order, carrying the IF capacity from one oral intake to the next. It remembers the
/// last recovery factor (per gap between oral intakes) and the last kind of intake's state-free parts, so a regimen
/// that repeats one dose at one interval computes its exponential and logarithm once; a hit returns the very numbers a
/// recomputation would.
/// </summary>
internal struct Absorber(Physiology physiology)
{
    private IntrinsicFactorState _if = IntrinsicFactorState.Rested(physiology);
    private long _ifTicks;
    private long _gapTicks = -1;
    private double _decay;
    private Intake _kind = new(-1, double.NaN, default, default, default);
    private AbsorptionModel.StateFree _parts;

    public DoseOutcome Take(in Intake intake)
    {
        if (intake.UsesIntrinsicFactor)
        {
            var gap = intake.Ticks - _ifTicks;
            if (gap != _gapTicks)
            {
                _gapTicks = gap;
                _decay = IntrinsicFactorState.DecayOver(gap / (double)TimeSpan.TicksPerHour, physiology);
            }

            _if = _if.AfterDecay(_decay, physiology);
            _ifTicks = intake.Ticks;
        }

        if (!intake.SameKind(_kind))
        {
            _kind = intake;
            _parts = AbsorptionModel.Prepare(intake.Amount, intake.Route, intake.Form, intake.Vehicle, physiology);
        }

        var outcome = AbsorptionModel.Evaluate(in _parts, physiology, _if);
        _if = outcome.IntrinsicFactorAfter;
        return outcome;
    }

    /// <summary>The IF capacity free at <paramref name="ticks"/> (not before the last oral intake taken).</summary>
    public readonly IntrinsicFactorState StateAt(long ticks) =>
        ticks == _ifTicks ? _if : _if.AfterHours((ticks - _ifTicks) / (double)TimeSpan.TicksPerHour, physiology);
}

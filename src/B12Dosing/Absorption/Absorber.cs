using B12Dosing.Dosing;

namespace B12Dosing.Absorption;

/// <summary>
/// Takes a patient's intakes in order, carrying the IF capacity from one oral intake to the next. It remembers the
/// last recovery factor (per gap between oral intakes), so a regimen that repeats one dose at one interval computes
/// its exponential once; a hit returns the very numbers a recomputation would. The IF capacity is kept as a bare
/// double (<see cref="IntrinsicFactorState.Recovered"/>: the same operations as the public types').
/// </summary>
internal struct Absorber(Physiology physiology)
{
    private readonly double _capacity = physiology.EffectiveIntrinsicFactorCapacityMicrograms;
    private double _available = physiology.EffectiveIntrinsicFactorCapacityMicrograms;
    private long _ifTicks;
    private long _gapTicks = -1;
    private double _decay;

    /// <summary>
    /// The outcome of <paramref name="intake"/> as the public API reports it (with the IF state after it): the dose alone
    /// on average stores (<see cref="AbsorptionModel.Evaluate(Dose, Physiology, IntrinsicFactorState)"/>), with the IF
    /// capacity free at its time.
    /// </summary>
    public DoseOutcome Take(in Intake intake)
    {
        Recover(in intake);
        var outcome = AbsorptionModel.Evaluate(intake.Amount, intake.Route, intake.Form, intake.Vehicle, physiology, _available);
        _available = outcome.IntrinsicFactorAfter.AvailableMicrograms;
        return outcome;
    }

    /// <summary>Recovers the IF capacity up to an oral intake's time.</summary>
    private void Recover(in Intake intake)
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
    }

    /// <summary>
    /// What <paramref name="intake"/> hands to the time course (no per-load solve: the stretch after it follows the load):
    /// the dose, the IF-mediated uptake (the IF capacity moves on), and the load that bypasses IF (the passive oral part,
    /// an intranasal dose's absorbed part, an injection) with the route it takes.
    /// </summary>
    public (double Dose, double ViaIntrinsicFactor, double Load) TakeLoad(in Intake intake)
    {
        Recover(in intake);
        if (intake.UsesIntrinsicFactor)
        {
            var entering = intake.Vehicle == Dosing.DoseVehicle.FoodBound ? intake.Amount * physiology.FoodReleaseFraction : intake.Amount;
            var free = Math.Min(_available, _capacity);
            var viaIf = free * AbsorptionModel.Saturation(entering, physiology.IntrinsicFactorHalfSaturationMicrograms);
            _available = free - viaIf;
            return (intake.Amount, viaIf, physiology.PassiveFraction * entering);
        }

        return (intake.Amount, 0, AbsorptionModel.BypassLoad(intake.Amount, intake.Route, physiology));
    }

    /// <summary>The IF capacity free at <paramref name="ticks"/> (not before the last oral intake taken).</summary>
    public readonly IntrinsicFactorState StateAt(long ticks) =>
        ticks == _ifTicks ? new(_available) : new IntrinsicFactorState(_available).AfterHours((ticks - _ifTicks) / (double)TimeSpan.TicksPerHour, physiology);
}

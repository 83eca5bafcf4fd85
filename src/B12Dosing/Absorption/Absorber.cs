using B12Dosing.Dosing;

namespace B12Dosing.Absorption;

/// <summary>
/// Evaluates a patient's intakes in order, carrying the IF capacity from one oral intake to the next. It remembers the
/// last recovery factor (per gap between oral intakes) and the last kind of intake's state-free parts, so a regimen
/// that repeats one dose at one interval computes its exponential and logarithm once; a hit returns the very numbers a
/// recomputation would. The IF capacity is kept as a bare double (<see cref="IntrinsicFactorState.Recovered"/>,
/// <see cref="AbsorptionModel.Take"/>: the same operations as the public types').
/// </summary>
internal struct Absorber(ParameterSet physiology)
{
    private readonly double _capacity = physiology.EffectiveIntrinsicFactorCapacityMicrograms;
    private double _available = physiology.EffectiveIntrinsicFactorCapacityMicrograms;
    private long _ifTicks;
    private long _gapTicks = -1;
    private double _decay;
    private Intake _kind = new(-1, double.NaN, default, default, default);
    private AbsorptionModel.StateFree _parts;

    /// <summary>
    /// The outcome of <paramref name="intake"/> as the public API reports it (with the IF state after it). Under model 3
    /// it is the dose alone on average stores with the IF capacity free at its time (<see cref="FreeCapacityModel"/>).
    /// </summary>
    public DoseOutcome Take(in Intake intake)
    {
        if (physiology.UsesFreeCapacity)
        {
            Recover(in intake);
            var outcome = FreeCapacityModel.Evaluate(intake.Amount, intake.Route, intake.Form, intake.Vehicle, physiology, _available);
            _available = outcome.IntrinsicFactorAfter.AvailableMicrograms;
            return outcome;
        }

        return TakeParts(in intake).Outcome(new(_available));
    }

    /// <summary>
    /// Model 3: what <paramref name="intake"/> hands to the time course (no per-load solve: the stretch after it follows
    /// the load): the dose, the IF-mediated uptake (the IF capacity moves on), and the load that bypasses IF (the passive
    /// oral part, an intranasal dose's absorbed part, an injection).
    /// </summary>
    public (double Dose, double ViaIntrinsicFactor, double Load) TakeLoad(in Intake intake)
    {
        Recover(in intake);
        if (intake.UsesIntrinsicFactor)
        {
            var entering = intake.Vehicle == DoseVehicle.FoodBound ? intake.Amount * physiology.FoodReleaseFraction : intake.Amount;
            var free = Math.Min(_available, _capacity);
            var viaIf = free * AbsorptionModel.Saturation(entering, physiology.IntrinsicFactorHalfSaturationMicrograms);
            _available = free - viaIf;
            return (intake.Amount, viaIf, physiology.PassiveFraction * entering);
        }

        return (intake.Amount, 0, AbsorptionModel.BypassLoad(intake.Amount, intake.Route, physiology).Load);
    }

    /// <summary>The intake's dose, absorbed amount and kept parts (what a simulation needs); the IF capacity moves on.</summary>
    public AbsorptionModel.Taken TakeParts(in Intake intake)
    {
        Recover(in intake);
        if (!intake.SameKind(_kind))
        {
            _kind = intake;
            _parts = AbsorptionModel.Prepare(intake.Amount, intake.Route, intake.Form, intake.Vehicle, physiology);
        }

        return AbsorptionModel.Take(in _parts, _capacity, ref _available);
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

    /// <summary>The IF capacity free at <paramref name="ticks"/> (not before the last oral intake taken).</summary>
    public readonly IntrinsicFactorState StateAt(long ticks) =>
        ticks == _ifTicks ? new(_available) : new IntrinsicFactorState(_available).AfterHours((ticks - _ifTicks) / (double)TimeSpan.TicksPerHour, physiology);
}

using B12Dosing.Quantities;

namespace B12Dosing.Absorption;

/// <summary>
/// The IF-mediated uptake capacity available for the next oral dose. A dose uses capacity; it recovers
/// exponentially towards <see cref="ParameterSet.EffectiveIntrinsicFactorCapacityMicrograms"/> with time constant
/// <see cref="ParameterSet.IntrinsicFactorRecoveryHours"/>: <c>c(t) = Cmax − (Cmax − c₀)·exp(−t/τ)</c>.
/// </summary>
public readonly record struct IntrinsicFactorState
{
    /// <summary>Creates a state with <paramref name="available"/> capacity free.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative, or infinite or zero by rounding in µg.</exception>
    public IntrinsicFactorState(Mass available)
        : this(QuantityKinds.Mass.NonNegative(available, nameof(available)))
    {
    }

    /// <summary>Creates a state with <paramref name="availableMicrograms"/> µg of capacity free (the kernels' way in).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    internal IntrinsicFactorState(double availableMicrograms)
    {
        AvailableMicrograms = availableMicrograms >= 0 && double.IsFinite(availableMicrograms)
            ? availableMicrograms
            : throw new ArgumentOutOfRangeException(nameof(availableMicrograms), availableMicrograms, "Available IF capacity must be a finite number of µg, zero or more.");
    }

    /// <summary>The capacity free for the next dose.</summary>
    public Mass Available => Mass.FromMicrograms(AvailableMicrograms);

    /// <summary><see cref="Available"/> in µg, for the kernels.</summary>
    internal double AvailableMicrograms { get; }

    /// <summary>The rested state: the whole capacity of <paramref name="physiology"/> free.</summary>
    public static IntrinsicFactorState Rested(ParameterSet physiology)
    {
        ArgumentNullException.ThrowIfNull(physiology);
        return new(physiology.EffectiveIntrinsicFactorCapacityMicrograms);
    }

    /// <summary>The state after <paramref name="elapsed"/> of recovery.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The elapsed time is negative.</exception>
    public IntrinsicFactorState After(TimeSpan elapsed, ParameterSet physiology)
    {
        ArgumentNullException.ThrowIfNull(physiology);
        return elapsed >= TimeSpan.Zero
            ? AfterHours(elapsed.TotalHours, physiology)
            : throw new ArgumentOutOfRangeException(nameof(elapsed), elapsed, "Recovery time must not be negative.");
    }

    /// <summary>Hot path: recovery over <paramref name="hours"/> (not negative; not checked).</summary>
    internal IntrinsicFactorState AfterHours(double hours, ParameterSet physiology) => AfterDecay(DecayOver(hours, physiology), physiology);

    /// <summary>The factor <c>exp(−t/τ)</c> by which used capacity decays over <paramref name="hours"/>.</summary>
    internal static double DecayOver(double hours, ParameterSet physiology) => Math.Exp(-hours / physiology.IntrinsicFactorRecoveryHours);

    /// <summary>Recovery with a precomputed <see cref="DecayOver"/> factor.</summary>
    internal IntrinsicFactorState AfterDecay(double decay, ParameterSet physiology) =>
        new(Recovered(AvailableMicrograms, physiology.EffectiveIntrinsicFactorCapacityMicrograms, decay));

    /// <summary>The kernel of <see cref="AfterDecay"/> on bare doubles: <c>Cmax − (Cmax − min(c, Cmax))·decay</c>.</summary>
    internal static double Recovered(double available, double capacity, double decay) =>
        capacity - ((capacity - Math.Min(available, capacity)) * decay);

    /// <summary>Readable text such as <c>IF capacity free: 1.36 µg</c>.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"IF capacity free: {AvailableMicrograms:0.###} µg");
}

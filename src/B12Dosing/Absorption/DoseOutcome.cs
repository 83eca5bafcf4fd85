using System.Globalization;

namespace B12Dosing.Absorption;

/// <summary>
/// What becomes of one dose (or the sum over several): <see cref="Absorbed"/> reached the circulation;
/// of that, <see cref="Retained"/> is kept once the early urinary loss is over (72 h) and
/// <see cref="UrinaryLoss"/> is lost in urine; <see cref="Unabsorbed"/> never entered (faeces, or lost from the
/// nose). <c>Dose = Absorbed + Unabsorbed</c> and <c>Absorbed = Retained + UrinaryLoss</c>.
/// Every amount is a UnitsNet <see cref="Mass"/> in µg (the unit the model computes in, so no conversion rounds it).
/// </summary>
public readonly record struct DoseOutcome
{
    internal DoseOutcome(double doseMicrograms, double absorbedMicrograms, double retainedMicrograms, IntrinsicFactorState intrinsicFactorAfter)
    {
        DoseMicrograms = doseMicrograms;
        AbsorbedMicrograms = absorbedMicrograms;
        RetainedMicrograms = retainedMicrograms;
        IntrinsicFactorAfter = intrinsicFactorAfter;
    }

    /// <summary>The amount given.</summary>
    public Mass Dose => Mass.FromMicrograms(DoseMicrograms);

    /// <summary>The amount that reached the circulation.</summary>
    public Mass Absorbed => Mass.FromMicrograms(AbsorbedMicrograms);

    /// <summary>The amount kept in the body after the early urinary loss.</summary>
    public Mass Retained => Mass.FromMicrograms(RetainedMicrograms);

    /// <summary>The IF capacity free just after the dose.</summary>
    public IntrinsicFactorState IntrinsicFactorAfter { get; }

    /// <summary>Of <see cref="Retained"/>, the part that reaches the blood on transcobalamin (holoTC, "active B12"): the IF-mediated part and most of what the plasma's binding capacity takes.</summary>
    public Mass Transcobalamin => Mass.FromMicrograms(TranscobalaminMicrograms);

    /// <summary>Of <see cref="Retained"/>, the part bound at once onto haptocorrin.</summary>
    public Mass Haptocorrin => Mass.FromMicrograms(HaptocorrinMicrograms);

    /// <summary>Of <see cref="Retained"/>, hydroxocobalamin bound to plasma proteins, released to the carriers over hours.</summary>
    public Mass ProteinBound => Mass.FromMicrograms(ProteinBoundMicrograms);

    /// <summary>Of <see cref="Retained"/>, the part taken up by tissue (liver) from free plasma B12: it joins the stores directly.</summary>
    public Mass Tissue => Mass.FromMicrograms(TissueMicrograms);

    /// <summary>Of <see cref="Retained"/>, the part that stays in plasma on carriers at first: transcobalamin, haptocorrin and protein-bound.</summary>
    public Mass Carriers => Mass.FromMicrograms(CarriersMicrograms);

    /// <summary>The amount absorbed and then lost in urine during the first 72 h.</summary>
    public Mass UrinaryLoss => Mass.FromMicrograms(UrinaryLossMicrograms);

    /// <summary>The amount that never reached the circulation.</summary>
    public Mass Unabsorbed => Mass.FromMicrograms(UnabsorbedMicrograms);

    /// <summary>Absorbed as a fraction of the dose (0 for a zero dose).</summary>
    public double FractionAbsorbed => DoseMicrograms > 0 ? AbsorbedMicrograms / DoseMicrograms : 0;

    /// <summary>Retained as a fraction of the dose (0 for a zero dose).</summary>
    public double FractionRetained => DoseMicrograms > 0 ? RetainedMicrograms / DoseMicrograms : 0;

    /// <summary><see cref="Dose"/> in µg, for the kernels.</summary>
    internal double DoseMicrograms { get; }

    /// <summary><see cref="Absorbed"/> in µg, for the kernels.</summary>
    internal double AbsorbedMicrograms { get; }

    /// <summary><see cref="Retained"/> in µg, for the kernels.</summary>
    internal double RetainedMicrograms { get; }

    /// <summary><see cref="Transcobalamin"/> in µg, for the kernels.</summary>
    internal double TranscobalaminMicrograms { get; init; }

    /// <summary><see cref="Haptocorrin"/> in µg, for the kernels.</summary>
    internal double HaptocorrinMicrograms { get; init; }

    /// <summary><see cref="ProteinBound"/> in µg, for the kernels.</summary>
    internal double ProteinBoundMicrograms { get; init; }

    /// <summary><see cref="Tissue"/> in µg, for the kernels.</summary>
    internal double TissueMicrograms { get; init; }

    /// <summary><see cref="Carriers"/> in µg, for the kernels.</summary>
    internal double CarriersMicrograms => TranscobalaminMicrograms + HaptocorrinMicrograms + ProteinBoundMicrograms;

    /// <summary><see cref="UrinaryLoss"/> in µg, for the kernels.</summary>
    internal double UrinaryLossMicrograms => AbsorbedMicrograms - RetainedMicrograms;

    /// <summary><see cref="Unabsorbed"/> in µg, for the kernels.</summary>
    internal double UnabsorbedMicrograms => DoseMicrograms - AbsorbedMicrograms;

    /// <summary>Readable text such as <c>dose 1000 µg: absorbed 13.8 µg (1.4 %), retained 11.9 µg (1.2 %), urine 1.9 µg</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"dose {DoseMicrograms:0.###} µg: absorbed {Shown(AbsorbedMicrograms, 3):0.###} µg ({Shown(FractionAbsorbed, 3):0.#%}), retained {Shown(RetainedMicrograms, 3):0.###} µg ({Shown(FractionRetained, 3):0.#%}), urine {Shown(UrinaryLossMicrograms, 3):0.###} µg");

    /// <summary>The value as shown with <paramref name="decimals"/> decimals, without the "-0" a rounding residue below zero would print.</summary>
    private static double Shown(double value, int decimals) => Math.Round(value, decimals) == 0 ? 0 : value;
}

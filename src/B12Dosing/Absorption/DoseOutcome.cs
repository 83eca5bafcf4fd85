using System.Globalization;

namespace B12Dosing.Absorption;

/// <summary>
/// What becomes of one dose (or the sum over several), µg: <see cref="Absorbed"/> reached the circulation;
/// of that, <see cref="Retained"/> is kept once the early urinary loss is over (72 h) and
/// <see cref="UrinaryLoss"/> is lost in urine; <see cref="Unabsorbed"/> never entered (faeces, or lost from the
/// nose). <c>Dose = Absorbed + Unabsorbed</c> and <c>Absorbed = Retained + UrinaryLoss</c>.
/// </summary>
/// <param name="Dose">The amount given, µg.</param>
/// <param name="Absorbed">The amount that reached the circulation, µg.</param>
/// <param name="Retained">The amount kept in the body after the early urinary loss, µg.</param>
/// <param name="IntrinsicFactorAfter">The IF capacity free just after the dose.</param>
public readonly record struct DoseOutcome(double Dose, double Absorbed, double Retained, IntrinsicFactorState IntrinsicFactorAfter)
{
    /// <summary>Of <see cref="Retained"/>, the part that reaches the blood on transcobalamin (holoTC, "active B12"), µg: the IF-mediated part and most of what the plasma's binding capacity takes.</summary>
    public double TranscobalaminMicrograms { get; internal init; }

    /// <summary>Of <see cref="Retained"/>, the part bound at once onto haptocorrin, µg.</summary>
    public double HaptocorrinMicrograms { get; internal init; }

    /// <summary>Of <see cref="Retained"/>, hydroxocobalamin bound to plasma proteins, released to the carriers over hours, µg.</summary>
    public double ProteinBoundMicrograms { get; internal init; }

    /// <summary>Of <see cref="Retained"/>, the part taken up by tissue (liver) from free plasma B12: it joins the stores directly, µg.</summary>
    public double TissueMicrograms { get; internal init; }

    /// <summary>Of <see cref="Retained"/>, the part that stays in plasma on carriers at first: transcobalamin, haptocorrin and protein-bound, µg.</summary>
    public double CarriersMicrograms => TranscobalaminMicrograms + HaptocorrinMicrograms + ProteinBoundMicrograms;

    /// <summary>The amount absorbed and then lost in urine during the first 72 h, µg.</summary>
    public double UrinaryLoss => Absorbed - Retained;

    /// <summary>The amount that never reached the circulation, µg.</summary>
    public double Unabsorbed => Dose - Absorbed;

    /// <summary>Absorbed as a fraction of the dose (0 for a zero dose).</summary>
    public double FractionAbsorbed => Dose > 0 ? Absorbed / Dose : 0;

    /// <summary>Retained as a fraction of the dose (0 for a zero dose).</summary>
    public double FractionRetained => Dose > 0 ? Retained / Dose : 0;

    /// <summary>Readable text such as <c>dose 1000 µg: absorbed 13.8 µg (1.4 %), retained 11.9 µg (1.2 %), urine 1.9 µg</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"dose {Dose:0.###} µg: absorbed {Absorbed:0.###} µg ({FractionAbsorbed:0.#%}), retained {Retained:0.###} µg ({FractionRetained:0.#%}), urine {UrinaryLoss:0.###} µg");
}

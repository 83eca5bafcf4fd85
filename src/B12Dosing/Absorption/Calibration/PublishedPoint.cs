using B12Dosing.Dosing;
using B12Dosing.Quantities;

namespace B12Dosing.Absorption.Calibration;

/// <summary>What a published figure measures.</summary>
public enum PublishedMeasure
{
    /// <summary>Amount that reached the circulation, µg.</summary>
    AbsorbedMicrograms,

    /// <summary>Amount kept in the body after the early urinary loss, µg.</summary>
    RetainedMicrograms,

    /// <summary>Fraction of the dose lost in urine in the first 72 h.</summary>
    UrinaryLossFraction,
}

/// <summary>One published population-mean figure used to calibrate or check the model.</summary>
/// <param name="Id">A short stable identifier, such as <c>carmel-oral-healthy-10</c>.</param>
/// <param name="Route">The route of the dose.</param>
/// <param name="Vehicle">Crystalline or food-bound B12.</param>
/// <param name="Form">The cobalamin form.</param>
/// <param name="Condition">The physiology of the subjects.</param>
/// <param name="DoseMicrograms">The single dose, µg.</param>
/// <param name="Measure">What the value measures.</param>
/// <param name="Value">The published value (µg, or a fraction for <see cref="PublishedMeasure.UrinaryLossFraction"/>).</param>
/// <param name="Source">Author, year and table of the source.</param>
public sealed record PublishedPoint(
    string Id,
    Route Route,
    DoseVehicle Vehicle,
    CobalaminForm Form,
    Condition Condition,
    double DoseMicrograms,
    PublishedMeasure Measure,
    double Value,
    string Source)
{
    /// <summary>The model's value of this figure with the preset physiology of <see cref="Condition"/>.</summary>
    public double ModelValue() => ModelValue(Physiology.For(Condition));

    /// <summary>The model's value of this figure for the given physiology.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="physiology"/> is null.</exception>
    public double ModelValue(Physiology physiology)
    {
        ArgumentNullException.ThrowIfNull(physiology);
        var p = physiology;
        var dose = Vehicle == DoseVehicle.FoodBound
            ? Dose.Food(Mass.FromMicrograms(DoseMicrograms))
            : Dose.Create(Mass.FromMicrograms(DoseMicrograms), Route, Form);
        var outcome = AbsorptionModel.Evaluate(dose, p);
        return Measure switch
        {
            PublishedMeasure.AbsorbedMicrograms => outcome.Absorbed,
            PublishedMeasure.RetainedMicrograms => outcome.Retained,
            _ => outcome.UrinaryLoss / outcome.Dose,
        };
    }

    /// <summary>Model value / published value, with the preset physiology of <see cref="Condition"/>.</summary>
    public double Ratio() => ModelValue() / Value;

    /// <summary>Model value / published value for the given physiology.</summary>
    public double Ratio(Physiology physiology) => ModelValue(physiology) / Value;
}

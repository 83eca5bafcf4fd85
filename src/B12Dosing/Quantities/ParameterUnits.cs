using UnitsNet;
using UnitsNet.Units;

namespace B12Dosing.Quantities;

/// <summary>
/// Exact moves of the quantities a <see cref="Absorption.Physiology"/> or <see cref="Kinetics.SerumModel"/> takes into the
/// doubles its kernels compute with (hours, days, litres, ng/mL): for the common units one multiplication or division by
/// an exact number (1 d is exactly 24 h; UnitsNet's own conversion goes through seconds and may round twice), other units
/// through UnitsNet. Each refuses, naming the member, a value that is negative, infinite, or not zero but zero by rounding.
/// </summary>
internal static class ParameterUnits
{
    /// <summary><paramref name="value"/> in hours.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is negative, infinite in hours, or zero by rounding.</exception>
    public static double Hours(Duration value, string paramName) => Checked(
        value.Unit switch
        {
            DurationUnit.Hour => value.Value,
            DurationUnit.Day => value.Value * 24,
            DurationUnit.Week => value.Value * 168,
            DurationUnit.Minute => value.Value / 60,
            DurationUnit.Second => value.Value / 3600,
            DurationUnit.Millisecond => value.Value / 3_600_000,
            _ => value.Hours,
        },
        value.Value,
        value.ToString("g", System.Globalization.CultureInfo.InvariantCulture),
        "hours",
        paramName);

    /// <summary><paramref name="value"/> in days.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is negative, infinite in days, or zero by rounding.</exception>
    public static double Days(Duration value, string paramName) => Checked(
        value.Unit switch
        {
            DurationUnit.Day => value.Value,
            DurationUnit.Week => value.Value * 7,
            DurationUnit.Hour => value.Value / 24,
            DurationUnit.Minute => value.Value / 1440,
            DurationUnit.Second => value.Value / 86_400,
            _ => value.Days,
        },
        value.Value,
        value.ToString("g", System.Globalization.CultureInfo.InvariantCulture),
        "days",
        paramName);

    /// <summary><paramref name="value"/> in litres.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The volume is negative, infinite in litres, or zero by rounding.</exception>
    public static double Liters(Volume value, string paramName) => Checked(
        value.Unit switch
        {
            VolumeUnit.Liter => value.Value,
            VolumeUnit.Milliliter => value.Value / 1000,
            VolumeUnit.Deciliter => value.Value / 10,
            VolumeUnit.CubicMeter => value.Value * 1000,
            _ => value.Liters,
        },
        value.Value,
        value.ToString("g", System.Globalization.CultureInfo.InvariantCulture),
        "litres",
        paramName);

    /// <summary><paramref name="value"/> in ng/mL: one exact power-of-ten move from any unit of the text layer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The concentration is negative, infinite in ng/mL, or zero by rounding.</exception>
    public static double NanogramsPerMilliliter(MassConcentration value, string paramName) => Checked(
        QuantityKinds.MassConcentration.In(value, MassConcentrationUnit.NanogramPerMilliliter),
        value.Value,
        QuantityText.Format(value),
        "ng/mL",
        paramName);

    private static double Checked(double converted, double original, string text, string unit, string paramName) =>
        converted >= 0 && double.IsFinite(converted) && (converted != 0 || original == 0)
            ? converted
            : throw new ArgumentOutOfRangeException(paramName, text, $"{paramName} must be a non-negative amount that is finite and not zero by rounding in {unit}.");
}

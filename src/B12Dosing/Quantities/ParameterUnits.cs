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
    public static double Hours(Duration value, string paramName) => Time(value, DurationUnit.Hour, "hours", paramName);

    /// <summary><paramref name="value"/> in days.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is negative, infinite in days, or zero by rounding.</exception>
    public static double Days(Duration value, string paramName) => Time(value, DurationUnit.Day, "days", paramName);

    /// <summary>Milliseconds in each common unit of time: every pair divides evenly, so a move is one exact factor.</summary>
    private static readonly Dictionary<DurationUnit, long> MillisecondsIn = new()
    {
        [DurationUnit.Millisecond] = 1,
        [DurationUnit.Second] = 1_000,
        [DurationUnit.Minute] = 60_000,
        [DurationUnit.Hour] = 3_600_000,
        [DurationUnit.Day] = 86_400_000,
        [DurationUnit.Week] = 604_800_000,
    };

    /// <summary>
    /// <paramref name="value"/> in <paramref name="target"/> (hours or days): from a larger common unit one multiplication
    /// by a whole number (1 d = 24 h), from a smaller one a division by one; other units through UnitsNet.
    /// </summary>
    private static double Time(Duration value, DurationUnit target, string unit, string paramName)
    {
        var to = MillisecondsIn[target];
        var converted = !MillisecondsIn.TryGetValue(value.Unit, out var from) ? value.As(target)
            : from >= to ? value.Value * (from / to)
            : value.Value / (to / from);
        return Checked(converted, value.Value, value.ToString("g", System.Globalization.CultureInfo.InvariantCulture), unit, paramName);
    }

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

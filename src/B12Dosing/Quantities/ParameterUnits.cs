using UnitsNet;
using UnitsNet.Units;

namespace B12Dosing.Quantities;

/// <summary>
/// Exact moves of the quantities a <see cref="Absorption.ParameterSet"/> takes into the doubles its kernels compute with
/// (hours, days, litres, ng/mL): a <see cref="TimeSpan"/> by its ticks; for the common units of the others one
/// multiplication or division by an exact number, other units through UnitsNet. Each refuses, naming the member, a value that is negative, infinite, or not zero but zero by rounding.
/// </summary>
internal static class ParameterUnits
{
    /// <summary>
    /// <paramref name="value"/> in hours (its ticks over the ticks of an hour, one correctly rounded division), or
    /// <paramref name="current"/> unchanged when <paramref name="value"/> is what <see cref="FromHours"/> reads from it, so
    /// that a duration read from a parameter set and written back changes nothing.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is negative.</exception>
    public static double Hours(TimeSpan value, double current, string paramName) => Time(value, current, TimeSpan.TicksPerHour, paramName);

    /// <summary><paramref name="value"/> in days, as <see cref="Hours"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is negative.</exception>
    public static double Days(TimeSpan value, double current, string paramName) => Time(value, current, TimeSpan.TicksPerDay, paramName);

    /// <summary>A number of hours as a <see cref="TimeSpan"/>, rounded to the nearest tick (100 ns).</summary>
    public static TimeSpan FromHours(double hours) => FromUnits(hours, TimeSpan.TicksPerHour);

    /// <summary>A number of days as a <see cref="TimeSpan"/>, rounded to the nearest tick (100 ns).</summary>
    public static TimeSpan FromDays(double days) => FromUnits(days, TimeSpan.TicksPerDay);

    private static TimeSpan FromUnits(double value, long ticksPerUnit) =>
        TimeSpan.FromTicks((long)Math.Clamp(Math.Round(value * ticksPerUnit), TimeSpan.MinValue.Ticks, TimeSpan.MaxValue.Ticks));

    private static double Time(TimeSpan value, double current, long ticksPerUnit, string paramName) =>
        value == FromUnits(current, ticksPerUnit) ? current
        : value >= TimeSpan.Zero ? value.Ticks / (double)ticksPerUnit
        : throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a non-negative time.");

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

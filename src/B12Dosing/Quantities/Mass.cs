using System.Diagnostics.CodeAnalysis;

namespace B12Dosing.Quantities;

/// <summary>The units a <see cref="Mass"/> can be written in.</summary>
public enum MassUnit
{
    /// <summary>Nanogram, 1e-9 g (<c>ng</c>).</summary>
    Nanogram,

    /// <summary>Microgram, 1e-6 g (<c>µg</c>; also parsed from <c>μg</c> U+03BC, <c>ug</c> and <c>mcg</c>).</summary>
    Microgram,

    /// <summary>Milligram, 1e-3 g (<c>mg</c>).</summary>
    Milligram,

    /// <summary>Gram (<c>g</c>).</summary>
    Gram,
}

/// <summary>
/// A non-negative mass, such as a dose or a body store, kept in the unit it was created with.
/// Named after UnitsNet's <c>Mass</c>: <c>Mass.FromMicrograms(500)</c>, <c>mass.Milligrams</c>,
/// <c>Mass.Parse("1 mg")</c>. Unlike UnitsNet it rejects NaN, infinities and negative values.
/// Equality and ordering compare the amount, whatever the units: 1 mg equals 1000 µg.
/// </summary>
public readonly struct Mass : IQuantity<Mass, MassUnit>, System.Numerics.IDivisionOperators<Mass, Mass, double>
{
    internal static readonly UnitTable<MassUnit> Units = new(
        "mass",
        new(MassUnit.Nanogram, "ng", 1e-3, ["nanogram", "nanograms"]),
        new(MassUnit.Microgram, "µg", 1, ["\u03bcg", "ug", "mcg", "microgram", "micrograms"]),
        new(MassUnit.Milligram, "mg", 1e3, ["milligram", "milligrams"]),
        new(MassUnit.Gram, "g", 1e6, ["gram", "grams"]));

    private readonly double _value;

    /// <summary>Creates a mass of <paramref name="value"/> in <paramref name="unit"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite, negative or so large that it would be infinite in a smaller unit, or the unit is unknown.</exception>
    public Mass(double value, MassUnit unit)
    {
        _value = Units.CheckValue(value, unit);
        Unit = unit;
    }

    /// <inheritdoc/>
    public static MassUnit BaseUnit => MassUnit.Microgram;

    /// <inheritdoc/>
    public static Mass From(double value, MassUnit unit) => new(value, unit);

    /// <summary>The value in the base unit of the table (µg).</summary>
    private double BaseValue => _value * Units[Unit].ToBase;

    /// <summary>A mass of zero.</summary>
    public static Mass Zero => default;

    /// <summary>The value in <see cref="Unit"/>.</summary>
    public double Value => _value;

    /// <summary>The unit the mass was created in; <see cref="ToString()"/> prints this unit.</summary>
    public MassUnit Unit { get; }

    /// <summary>The mass in nanograms.</summary>
    public double Nanograms => As(MassUnit.Nanogram);

    /// <summary>The mass in micrograms (the library's base unit for masses).</summary>
    public double Micrograms => BaseValue;

    /// <summary>The mass in milligrams.</summary>
    public double Milligrams => As(MassUnit.Milligram);

    /// <summary>The mass in grams.</summary>
    public double Grams => As(MassUnit.Gram);

    /// <summary>Creates a mass in nanograms.</summary>
    public static Mass FromNanograms(double value) => new(value, MassUnit.Nanogram);

    /// <summary>Creates a mass in micrograms.</summary>
    public static Mass FromMicrograms(double value) => new(value, MassUnit.Microgram);

    /// <summary>Creates a mass in milligrams.</summary>
    public static Mass FromMilligrams(double value) => new(value, MassUnit.Milligram);

    /// <summary>Creates a mass in grams.</summary>
    public static Mass FromGrams(double value) => new(value, MassUnit.Gram);

    /// <summary>The mass expressed in <paramref name="unit"/>.</summary>
    public double As(MassUnit unit) => unit == Unit ? _value : BaseValue / Units[unit].ToBase;

    /// <summary>The same mass, created in <paramref name="unit"/>.</summary>
    public Mass ToUnit(MassUnit unit) => new(As(unit), unit);

    /// <summary>The amount of substance of this mass of the given cobalamin form.</summary>
    public AmountOfSubstance ToAmountOfSubstance(CobalaminForm form) =>
        AmountOfSubstance.FromPicomoles(Nanograms / form.MolarMass() * 1e3);

    /// <summary>The symbol of a unit as this library prints it (<c>µg</c> with U+00B5).</summary>
    public static string GetSymbol(MassUnit unit) => Units[unit].Symbol;

    /// <summary>Parses a unit name or symbol (<c>ng</c>, <c>µg</c>, <c>ug</c>, <c>mcg</c>, <c>mg</c>, <c>g</c>).</summary>
    /// <exception cref="FormatException">The text is not a mass unit.</exception>
    public static MassUnit ParseUnit(string text) => Units.ParseUnit(text);

    /// <summary>Parses text such as <c>"500 µg"</c>, <c>"1 mg"</c> or <c>"1000 mcg"</c> in the invariant culture.</summary>
    /// <exception cref="FormatException">The text is not a non-negative, finite mass with a unit.</exception>
    public static Mass Parse(string s) => Parse(s, null);

    /// <summary>Parses text such as <c>"500 µg"</c> with the number in the given culture (invariant when null).</summary>
    /// <exception cref="FormatException">The text is not a non-negative, finite mass with a unit.</exception>
    public static Mass Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <inheritdoc cref="Parse(string, IFormatProvider?)"/>
    public static Mass Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        QuantityText.TryParse(s, provider, Units, out var v, out var u, out var error) ? new Mass(v, u) : throw new FormatException(error);

    /// <summary>Tries to parse text such as <c>"500 µg"</c>; returns false instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Mass result) =>
        TryParse(s.AsSpan(), provider, out result);

    /// <summary>Tries to parse text such as <c>"500 µg"</c> in the invariant culture.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out Mass result) => TryParse(s.AsSpan(), null, out result);

    /// <summary>Tries to parse text such as <c>"500 µg"</c>; returns false instead of throwing.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Mass result)
    {
        var ok = QuantityText.TryParse(s, provider, Units, out var v, out var u, out _);
        result = ok ? new Mass(v, u) : default;
        return ok;
    }

    /// <summary>The sum of two masses, in the unit of the left one.</summary>
    public static Mass operator +(Mass left, Mass right) => new(left._value + right.As(left.Unit), left.Unit);

    /// <summary>The difference of two masses, in the unit of the left one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The right mass is larger than the left one.</exception>
    public static Mass operator -(Mass left, Mass right) => new(left._value - right.As(left.Unit), left.Unit);

    /// <summary>The mass scaled by a non-negative factor.</summary>
    public static Mass operator *(Mass mass, double factor) => new(mass._value * factor, mass.Unit);

    /// <summary>The mass scaled by a non-negative factor.</summary>
    public static Mass operator *(double factor, Mass mass) => mass * factor;

    /// <summary>The mass divided by a positive number.</summary>
    public static Mass operator /(Mass mass, double divisor) => new(mass._value / divisor, mass.Unit);

    /// <summary>The ratio of two masses (a plain number).</summary>
    public static double operator /(Mass left, Mass right) => left.BaseValue / right.BaseValue;

    /// <summary>Equal amounts, whatever the units.</summary>
    public static bool operator ==(Mass left, Mass right) => left.Equals(right);

    /// <summary>Different amounts.</summary>
    public static bool operator !=(Mass left, Mass right) => !left.Equals(right);

    /// <summary>Compares amounts.</summary>
    public static bool operator <(Mass left, Mass right) => left.CompareTo(right) < 0;

    /// <summary>Compares amounts.</summary>
    public static bool operator >(Mass left, Mass right) => left.CompareTo(right) > 0;

    /// <summary>Compares amounts.</summary>
    public static bool operator <=(Mass left, Mass right) => left.CompareTo(right) <= 0;

    /// <summary>Compares amounts.</summary>
    public static bool operator >=(Mass left, Mass right) => left.CompareTo(right) >= 0;

    /// <summary>True when both masses are the same amount, whatever the units.</summary>
    public bool Equals(Mass other) => BaseValue.Equals(other.BaseValue);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Mass other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => BaseValue.GetHashCode();

    /// <summary>Orders by amount, whatever the units.</summary>
    public int CompareTo(Mass other) => BaseValue.CompareTo(other.BaseValue);

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Mass other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(Mass)}.", nameof(obj)),
    };

    /// <summary>The mass in its unit, invariant culture, shortest round-trip number: <c>"500 µg"</c>.</summary>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats the number with <paramref name="format"/> (a numeric format) and appends the unit symbol.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        QuantityText.Format(_value, Units[Unit].Symbol, format, formatProvider);

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        QuantityText.TryFormat(ToString(format.IsEmpty ? null : format.ToString(), provider), destination, out charsWritten);
}

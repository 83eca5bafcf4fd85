using System.Diagnostics.CodeAnalysis;

namespace B12Dosing.Quantities;

/// <summary>The units a <see cref="MolarConcentration"/> can be written in.</summary>
public enum MolarConcentrationUnit
{
    /// <summary>Picomole per litre (<c>pmol/L</c>).</summary>
    PicomolePerLiter,

    /// <summary>Nanomole per litre (<c>nmol/L</c>).</summary>
    NanomolePerLiter,
}

/// <summary>
/// A non-negative molar concentration, such as serum B12 in pmol/L, kept in the unit it was created
/// with; named after UnitsNet's <c>MolarConcentration</c>. Equality and ordering compare the amount.
/// </summary>
public readonly struct MolarConcentration : IQuantity<MolarConcentration, MolarConcentrationUnit>, System.Numerics.IDivisionOperators<MolarConcentration, MolarConcentration, double>
{
    internal static readonly UnitTable<MolarConcentrationUnit> Units = new(
        "molar concentration",
        new(MolarConcentrationUnit.PicomolePerLiter, "pmol/L", 1, ["pmol/l", "pM"]),
        new(MolarConcentrationUnit.NanomolePerLiter, "nmol/L", 1e3, ["nmol/l", "nM"]));

    private readonly double _value;

    /// <summary>Creates a molar concentration of <paramref name="value"/> in <paramref name="unit"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite, negative or so large that it would be infinite in a smaller unit, or the unit is unknown.</exception>
    public MolarConcentration(double value, MolarConcentrationUnit unit)
    {
        _value = Units.CheckValue(value, unit);
        Unit = unit;
    }

    /// <inheritdoc/>
    public static MolarConcentrationUnit BaseUnit => MolarConcentrationUnit.PicomolePerLiter;

    /// <inheritdoc/>
    public static MolarConcentration From(double value, MolarConcentrationUnit unit) => new(value, unit);

    /// <summary>The value in the base unit of the table.</summary>
    private double BaseValue => _value * Units[Unit].ToBase;

    /// <summary>Zero.</summary>
    public static MolarConcentration Zero => default;

    /// <summary>The value in <see cref="Unit"/>.</summary>
    public double Value => _value;

    /// <summary>The unit the value was created in; <see cref="ToString()"/> prints this unit.</summary>
    public MolarConcentrationUnit Unit { get; }

    /// <summary>The concentration in pmol/L (the base unit).</summary>
    public double PicomolesPerLiter => BaseValue;

    /// <summary>The concentration in nmol/L.</summary>
    public double NanomolesPerLiter => As(MolarConcentrationUnit.NanomolePerLiter);

    /// <summary>Creates a concentration in pmol/L.</summary>
    public static MolarConcentration FromPicomolesPerLiter(double value) => new(value, MolarConcentrationUnit.PicomolePerLiter);

    /// <summary>Creates a concentration in nmol/L.</summary>
    public static MolarConcentration FromNanomolesPerLiter(double value) => new(value, MolarConcentrationUnit.NanomolePerLiter);

    /// <summary>The mass concentration of this molar concentration of the given cobalamin form.</summary>
    public MassConcentration ToMassConcentration(CobalaminForm form) =>
        MassConcentration.FromPicogramsPerMilliliter(PicomolesPerLiter * form.MolarMass() * 1e-3);

    /// <summary>The molar concentration expressed in <paramref name="unit"/>.</summary>
    public double As(MolarConcentrationUnit unit) => unit == Unit ? _value : BaseValue / Units[unit].ToBase;

    /// <summary>The same molar concentration, created in <paramref name="unit"/>.</summary>
    public MolarConcentration ToUnit(MolarConcentrationUnit unit) => new(As(unit), unit);

    /// <summary>The symbol of a unit as this library prints it.</summary>
    public static string GetSymbol(MolarConcentrationUnit unit) => Units[unit].Symbol;

    /// <summary>Parses a unit name or symbol .</summary>
    /// <exception cref="FormatException">The text is not a molar concentration unit.</exception>
    public static MolarConcentrationUnit ParseUnit(string text) => Units.ParseUnit(text);

    /// <summary>Parses text such as <c>"295.1 pmol/L"</c>,  in the invariant culture.</summary>
    /// <exception cref="FormatException">The text is not a non-negative, finite molar concentration with a unit.</exception>
    public static MolarConcentration Parse(string s) => Parse(s, null);

    /// <summary>Parses text such as <c>"295.1 pmol/L"</c> with the number in the given culture (invariant when null).</summary>
    /// <exception cref="FormatException">The text is not a non-negative, finite molar concentration with a unit.</exception>
    public static MolarConcentration Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <inheritdoc cref="Parse(string, IFormatProvider?)"/>
    public static MolarConcentration Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        QuantityText.TryParse(s, provider, Units, out var v, out var u, out var error) ? new MolarConcentration(v, u) : throw new FormatException(error);

    /// <summary>Tries to parse text such as <c>"295.1 pmol/L"</c>; returns false instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out MolarConcentration result) =>
        TryParse(s.AsSpan(), provider, out result);

    /// <summary>Tries to parse text such as <c>"295.1 pmol/L"</c> in the invariant culture.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out MolarConcentration result) => TryParse(s.AsSpan(), null, out result);

    /// <summary>Tries to parse text such as <c>"295.1 pmol/L"</c>; returns false instead of throwing.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out MolarConcentration result)
    {
        var ok = QuantityText.TryParse(s, provider, Units, out var v, out var u, out _);
        result = ok ? new MolarConcentration(v, u) : default;
        return ok;
    }

    /// <summary>The sum of two molar concentrations, in the unit of the left one.</summary>
    public static MolarConcentration operator +(MolarConcentration left, MolarConcentration right) => new(left._value + right.As(left.Unit), left.Unit);

    /// <summary>The difference of two molar concentrations, in the unit of the left one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The right molar concentration is larger than the left one.</exception>
    public static MolarConcentration operator -(MolarConcentration left, MolarConcentration right) => new(left._value - right.As(left.Unit), left.Unit);

    /// <summary>The molar concentration scaled by a non-negative factor.</summary>
    public static MolarConcentration operator *(MolarConcentration quantity, double factor) => new(quantity._value * factor, quantity.Unit);

    /// <summary>The molar concentration scaled by a non-negative factor.</summary>
    public static MolarConcentration operator *(double factor, MolarConcentration quantity) => quantity * factor;

    /// <summary>The molar concentration divided by a positive number.</summary>
    public static MolarConcentration operator /(MolarConcentration quantity, double divisor) => new(quantity._value / divisor, quantity.Unit);

    /// <summary>The ratio of two molar concentrations (a plain number).</summary>
    public static double operator /(MolarConcentration left, MolarConcentration right) => left.BaseValue / right.BaseValue;

    /// <summary>Equal amounts, whatever the units.</summary>
    public static bool operator ==(MolarConcentration left, MolarConcentration right) => left.Equals(right);

    /// <summary>Different amounts.</summary>
    public static bool operator !=(MolarConcentration left, MolarConcentration right) => !left.Equals(right);

    /// <summary>Compares amounts.</summary>
    public static bool operator <(MolarConcentration left, MolarConcentration right) => left.CompareTo(right) < 0;

    /// <summary>Compares amounts.</summary>
    public static bool operator >(MolarConcentration left, MolarConcentration right) => left.CompareTo(right) > 0;

    /// <summary>Compares amounts.</summary>
    public static bool operator <=(MolarConcentration left, MolarConcentration right) => left.CompareTo(right) <= 0;

    /// <summary>Compares amounts.</summary>
    public static bool operator >=(MolarConcentration left, MolarConcentration right) => left.CompareTo(right) >= 0;

    /// <summary>True when both molar concentrations are the same amount, whatever the units.</summary>
    public bool Equals(MolarConcentration other) => BaseValue.Equals(other.BaseValue);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MolarConcentration other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => BaseValue.GetHashCode();

    /// <summary>Orders by amount, whatever the units.</summary>
    public int CompareTo(MolarConcentration other) => BaseValue.CompareTo(other.BaseValue);

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        MolarConcentration other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(MolarConcentration)}.", nameof(obj)),
    };

    /// <summary>The molar concentration in its unit, invariant culture, shortest round-trip number: <c>"295.1 pmol/L"</c>.</summary>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats the number with <paramref name="format"/> (a numeric format) and appends the unit symbol.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        QuantityText.Format(_value, Units[Unit].Symbol, format, formatProvider);

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        QuantityText.TryFormat(ToString(format.IsEmpty ? null : format.ToString(), provider), destination, out charsWritten);
}

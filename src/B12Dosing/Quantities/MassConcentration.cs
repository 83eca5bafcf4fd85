using System.Diagnostics.CodeAnalysis;

namespace B12Dosing.Quantities;

/// <summary>The units a <see cref="MassConcentration"/> can be written in.</summary>
public enum MassConcentrationUnit
{
    /// <summary>Picogram per millilitre (<c>pg/mL</c>), the usual serum B12 unit.</summary>
    PicogramPerMilliliter,

    /// <summary>Nanogram per litre (<c>ng/L</c>), the same size as pg/mL.</summary>
    NanogramPerLiter,

    /// <summary>Nanogram per millilitre (<c>ng/mL</c>).</summary>
    NanogramPerMilliliter,

    /// <summary>Microgram per litre (<c>µg/L</c>), the same size as ng/mL.</summary>
    MicrogramPerLiter,
}

/// <summary>
/// A non-negative mass concentration, such as serum B12 in pg/mL, kept in the unit it was created
/// with; named after UnitsNet's <c>MassConcentration</c>. Equality and ordering compare the amount.
/// </summary>
public readonly struct MassConcentration : IQuantity<MassConcentration, MassConcentrationUnit>, System.Numerics.IDivisionOperators<MassConcentration, MassConcentration, double>
{
    internal static readonly UnitTable<MassConcentrationUnit> Units = new(
        "mass concentration",
        new(MassConcentrationUnit.PicogramPerMilliliter, "pg/mL", 1, ["pg/ml"]),
        new(MassConcentrationUnit.NanogramPerLiter, "ng/L", 1, ["ng/l"]),
        new(MassConcentrationUnit.NanogramPerMilliliter, "ng/mL", 1e3, ["ng/ml"]),
        new(MassConcentrationUnit.MicrogramPerLiter, "µg/L", 1e3, ["\u03bcg/L", "ug/L", "mcg/L"]));

    private readonly double _value;

    /// <summary>Creates a mass concentration of <paramref name="value"/> in <paramref name="unit"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite, negative or so large that it would be infinite in a smaller unit, or the unit is unknown.</exception>
    public MassConcentration(double value, MassConcentrationUnit unit)
    {
        _value = Units.CheckValue(value, unit);
        Unit = unit;
    }

    /// <inheritdoc/>
    public static MassConcentrationUnit BaseUnit => MassConcentrationUnit.PicogramPerMilliliter;

    /// <inheritdoc/>
    public static MassConcentration From(double value, MassConcentrationUnit unit) => new(value, unit);

    /// <summary>The value in the base unit of the table.</summary>
    private double BaseValue => _value * Units[Unit].ToBase;

    /// <summary>Zero.</summary>
    public static MassConcentration Zero => default;

    /// <summary>The value in <see cref="Unit"/>.</summary>
    public double Value => _value;

    /// <summary>The unit the value was created in; <see cref="ToString()"/> prints this unit.</summary>
    public MassConcentrationUnit Unit { get; }

    /// <summary>The concentration in pg/mL (the base unit).</summary>
    public double PicogramsPerMilliliter => BaseValue;

    /// <summary>The concentration in ng/L (equal to pg/mL).</summary>
    public double NanogramsPerLiter => BaseValue;

    /// <summary>The concentration in ng/mL.</summary>
    public double NanogramsPerMilliliter => As(MassConcentrationUnit.NanogramPerMilliliter);

    /// <summary>The concentration in µg/L (equal to ng/mL).</summary>
    public double MicrogramsPerLiter => As(MassConcentrationUnit.MicrogramPerLiter);

    /// <summary>Creates a concentration in pg/mL.</summary>
    public static MassConcentration FromPicogramsPerMilliliter(double value) => new(value, MassConcentrationUnit.PicogramPerMilliliter);

    /// <summary>Creates a concentration in ng/L.</summary>
    public static MassConcentration FromNanogramsPerLiter(double value) => new(value, MassConcentrationUnit.NanogramPerLiter);

    /// <summary>Creates a concentration in ng/mL.</summary>
    public static MassConcentration FromNanogramsPerMilliliter(double value) => new(value, MassConcentrationUnit.NanogramPerMilliliter);

    /// <summary>Creates a concentration in µg/L.</summary>
    public static MassConcentration FromMicrogramsPerLiter(double value) => new(value, MassConcentrationUnit.MicrogramPerLiter);

    /// <summary>The molar concentration of this mass concentration of the given cobalamin form: 400 pg/mL of cyanocobalamin is 295.1 pmol/L.</summary>
    public MolarConcentration ToMolarConcentration(CobalaminForm form) =>
        MolarConcentration.FromPicomolesPerLiter(PicogramsPerMilliliter / form.MolarMass() * 1e3);

    /// <summary>The mass concentration expressed in <paramref name="unit"/>.</summary>
    public double As(MassConcentrationUnit unit) => unit == Unit ? _value : BaseValue / Units[unit].ToBase;

    /// <summary>The same mass concentration, created in <paramref name="unit"/>.</summary>
    public MassConcentration ToUnit(MassConcentrationUnit unit) => new(As(unit), unit);

    /// <summary>The symbol of a unit as this library prints it.</summary>
    public static string GetSymbol(MassConcentrationUnit unit) => Units[unit].Symbol;

    /// <summary>Parses a unit name or symbol .</summary>
    /// <exception cref="FormatException">The text is not a mass concentration unit.</exception>
    public static MassConcentrationUnit ParseUnit(string text) => Units.ParseUnit(text);

    /// <summary>Parses text such as <c>"400 pg/mL"</c>,  in the invariant culture.</summary>
    /// <exception cref="FormatException">The text is not a non-negative, finite mass concentration with a unit.</exception>
    public static MassConcentration Parse(string s) => Parse(s, null);

    /// <summary>Parses text such as <c>"400 pg/mL"</c> with the number in the given culture (invariant when null).</summary>
    /// <exception cref="FormatException">The text is not a non-negative, finite mass concentration with a unit.</exception>
    public static MassConcentration Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <inheritdoc cref="Parse(string, IFormatProvider?)"/>
    public static MassConcentration Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        QuantityText.TryParse(s, provider, Units, out var v, out var u, out var error) ? new MassConcentration(v, u) : throw new FormatException(error);

    /// <summary>Tries to parse text such as <c>"400 pg/mL"</c>; returns false instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out MassConcentration result) =>
        TryParse(s.AsSpan(), provider, out result);

    /// <summary>Tries to parse text such as <c>"400 pg/mL"</c> in the invariant culture.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out MassConcentration result) => TryParse(s.AsSpan(), null, out result);

    /// <summary>Tries to parse text such as <c>"400 pg/mL"</c>; returns false instead of throwing.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out MassConcentration result)
    {
        var ok = QuantityText.TryParse(s, provider, Units, out var v, out var u, out _);
        result = ok ? new MassConcentration(v, u) : default;
        return ok;
    }

    /// <summary>The sum of two mass concentrations, in the unit of the left one.</summary>
    public static MassConcentration operator +(MassConcentration left, MassConcentration right) => new(left._value + right.As(left.Unit), left.Unit);

    /// <summary>The difference of two mass concentrations, in the unit of the left one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The right mass concentration is larger than the left one.</exception>
    public static MassConcentration operator -(MassConcentration left, MassConcentration right) => new(left._value - right.As(left.Unit), left.Unit);

    /// <summary>The mass concentration scaled by a non-negative factor.</summary>
    public static MassConcentration operator *(MassConcentration quantity, double factor) => new(quantity._value * factor, quantity.Unit);

    /// <summary>The mass concentration scaled by a non-negative factor.</summary>
    public static MassConcentration operator *(double factor, MassConcentration quantity) => quantity * factor;

    /// <summary>The mass concentration divided by a positive number.</summary>
    public static MassConcentration operator /(MassConcentration quantity, double divisor) => new(quantity._value / divisor, quantity.Unit);

    /// <summary>The ratio of two mass concentrations (a plain number).</summary>
    public static double operator /(MassConcentration left, MassConcentration right) => left.BaseValue / right.BaseValue;

    /// <summary>Equal amounts, whatever the units.</summary>
    public static bool operator ==(MassConcentration left, MassConcentration right) => left.Equals(right);

    /// <summary>Different amounts.</summary>
    public static bool operator !=(MassConcentration left, MassConcentration right) => !left.Equals(right);

    /// <summary>Compares amounts.</summary>
    public static bool operator <(MassConcentration left, MassConcentration right) => left.CompareTo(right) < 0;

    /// <summary>Compares amounts.</summary>
    public static bool operator >(MassConcentration left, MassConcentration right) => left.CompareTo(right) > 0;

    /// <summary>Compares amounts.</summary>
    public static bool operator <=(MassConcentration left, MassConcentration right) => left.CompareTo(right) <= 0;

    /// <summary>Compares amounts.</summary>
    public static bool operator >=(MassConcentration left, MassConcentration right) => left.CompareTo(right) >= 0;

    /// <summary>True when both mass concentrations are the same amount, whatever the units.</summary>
    public bool Equals(MassConcentration other) => BaseValue.Equals(other.BaseValue);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MassConcentration other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => BaseValue.GetHashCode();

    /// <summary>Orders by amount, whatever the units.</summary>
    public int CompareTo(MassConcentration other) => BaseValue.CompareTo(other.BaseValue);

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        MassConcentration other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(MassConcentration)}.", nameof(obj)),
    };

    /// <summary>The mass concentration in its unit, invariant culture, shortest round-trip number: <c>"400 pg/mL"</c>.</summary>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats the number with <paramref name="format"/> (a numeric format) and appends the unit symbol.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        QuantityText.Format(_value, Units[Unit].Symbol, format, formatProvider);

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        QuantityText.TryFormat(ToString(format.IsEmpty ? null : format.ToString(), provider), destination, out charsWritten);
}

using System.Diagnostics.CodeAnalysis;

namespace B12Dosing.Quantities;

/// <summary>The units a <see cref="AmountOfSubstance"/> can be written in.</summary>
public enum AmountOfSubstanceUnit
{
    /// <summary>Picomole, 1e-12 mol (<c>pmol</c>).</summary>
    Picomole,

    /// <summary>Nanomole, 1e-9 mol (<c>nmol</c>).</summary>
    Nanomole,

    /// <summary>Micromole, 1e-6 mol (<c>µmol</c>; also <c>μmol</c> U+03BC and <c>umol</c>).</summary>
    Micromole,
}

/// <summary>
/// A non-negative amount of substance (moles of cobalamin), kept in the unit it was created with;
/// named after UnitsNet's <c>AmountOfSubstance</c>. Equality and ordering compare the amount.
/// </summary>
public readonly struct AmountOfSubstance : IQuantity<AmountOfSubstance, AmountOfSubstanceUnit>, System.Numerics.IDivisionOperators<AmountOfSubstance, AmountOfSubstance, double>
{
    internal static readonly UnitTable<AmountOfSubstanceUnit> Units = new(
        "amount of substance",
        new(AmountOfSubstanceUnit.Picomole, "pmol", 1, ["picomole", "picomoles"]),
        new(AmountOfSubstanceUnit.Nanomole, "nmol", 1e3, ["nanomole", "nanomoles"]),
        new(AmountOfSubstanceUnit.Micromole, "µmol", 1e6, ["\u03bcmol", "umol", "micromole", "micromoles"]));

    private readonly double _value;

    /// <summary>Creates an amount of substance of <paramref name="value"/> in <paramref name="unit"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite, negative or so large that it would be infinite in a smaller unit, or the unit is unknown.</exception>
    public AmountOfSubstance(double value, AmountOfSubstanceUnit unit)
    {
        _value = Units.CheckValue(value, unit);
        Unit = unit;
    }

    /// <inheritdoc/>
    public static AmountOfSubstanceUnit BaseUnit => AmountOfSubstanceUnit.Picomole;

    /// <inheritdoc/>
    public static AmountOfSubstance From(double value, AmountOfSubstanceUnit unit) => new(value, unit);

    /// <summary>The value in the base unit of the table.</summary>
    private double BaseValue => _value * Units[Unit].ToBase;

    /// <summary>Zero.</summary>
    public static AmountOfSubstance Zero => default;

    /// <summary>The value in <see cref="Unit"/>.</summary>
    public double Value => _value;

    /// <summary>The unit the value was created in; <see cref="ToString()"/> prints this unit.</summary>
    public AmountOfSubstanceUnit Unit { get; }

    /// <summary>The amount in picomoles (the base unit).</summary>
    public double Picomoles => BaseValue;

    /// <summary>The amount in nanomoles.</summary>
    public double Nanomoles => As(AmountOfSubstanceUnit.Nanomole);

    /// <summary>The amount in micromoles.</summary>
    public double Micromoles => As(AmountOfSubstanceUnit.Micromole);

    /// <summary>Creates an amount in picomoles.</summary>
    public static AmountOfSubstance FromPicomoles(double value) => new(value, AmountOfSubstanceUnit.Picomole);

    /// <summary>Creates an amount in nanomoles.</summary>
    public static AmountOfSubstance FromNanomoles(double value) => new(value, AmountOfSubstanceUnit.Nanomole);

    /// <summary>Creates an amount in micromoles.</summary>
    public static AmountOfSubstance FromMicromoles(double value) => new(value, AmountOfSubstanceUnit.Micromole);

    /// <summary>The mass of this amount of the given cobalamin form.</summary>
    public Mass ToMass(CobalaminForm form) => Mass.FromNanograms(Picomoles * form.MolarMass() * 1e-3);

    /// <summary>The amount of substance expressed in <paramref name="unit"/>.</summary>
    public double As(AmountOfSubstanceUnit unit) => unit == Unit ? _value : BaseValue / Units[unit].ToBase;

    /// <summary>The same amount of substance, created in <paramref name="unit"/>.</summary>
    public AmountOfSubstance ToUnit(AmountOfSubstanceUnit unit) => new(As(unit), unit);

    /// <summary>The symbol of a unit as this library prints it.</summary>
    public static string GetSymbol(AmountOfSubstanceUnit unit) => Units[unit].Symbol;

    /// <summary>Parses a unit name or symbol .</summary>
    /// <exception cref="FormatException">The text is not a amount of substance unit.</exception>
    public static AmountOfSubstanceUnit ParseUnit(string text) => Units.ParseUnit(text);

    /// <summary>Parses text such as <c>"10 nmol"</c>,  in the invariant culture.</summary>
    /// <exception cref="FormatException">The text is not a non-negative, finite amount of substance with a unit.</exception>
    public static AmountOfSubstance Parse(string s) => Parse(s, null);

    /// <summary>Parses text such as <c>"10 nmol"</c> with the number in the given culture (invariant when null).</summary>
    /// <exception cref="FormatException">The text is not a non-negative, finite amount of substance with a unit.</exception>
    public static AmountOfSubstance Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <inheritdoc cref="Parse(string, IFormatProvider?)"/>
    public static AmountOfSubstance Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        QuantityText.TryParse(s, provider, Units, out var v, out var u, out var error) ? new AmountOfSubstance(v, u) : throw new FormatException(error);

    /// <summary>Tries to parse text such as <c>"10 nmol"</c>; returns false instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out AmountOfSubstance result) =>
        TryParse(s.AsSpan(), provider, out result);

    /// <summary>Tries to parse text such as <c>"10 nmol"</c> in the invariant culture.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out AmountOfSubstance result) => TryParse(s.AsSpan(), null, out result);

    /// <summary>Tries to parse text such as <c>"10 nmol"</c>; returns false instead of throwing.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out AmountOfSubstance result)
    {
        var ok = QuantityText.TryParse(s, provider, Units, out var v, out var u, out _);
        result = ok ? new AmountOfSubstance(v, u) : default;
        return ok;
    }

    /// <summary>The sum of two amounts of substance, in the unit of the left one.</summary>
    public static AmountOfSubstance operator +(AmountOfSubstance left, AmountOfSubstance right) => new(left._value + right.As(left.Unit), left.Unit);

    /// <summary>The difference of two amounts of substance, in the unit of the left one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The right amount of substance is larger than the left one.</exception>
    public static AmountOfSubstance operator -(AmountOfSubstance left, AmountOfSubstance right) => new(left._value - right.As(left.Unit), left.Unit);

    /// <summary>The amount of substance scaled by a non-negative factor.</summary>
    public static AmountOfSubstance operator *(AmountOfSubstance quantity, double factor) => new(quantity._value * factor, quantity.Unit);

    /// <summary>The amount of substance scaled by a non-negative factor.</summary>
    public static AmountOfSubstance operator *(double factor, AmountOfSubstance quantity) => quantity * factor;

    /// <summary>The amount of substance divided by a positive number.</summary>
    public static AmountOfSubstance operator /(AmountOfSubstance quantity, double divisor) => new(quantity._value / divisor, quantity.Unit);

    /// <summary>The ratio of two amounts of substance (a plain number).</summary>
    public static double operator /(AmountOfSubstance left, AmountOfSubstance right) => left.BaseValue / right.BaseValue;

    /// <summary>Equal amounts, whatever the units.</summary>
    public static bool operator ==(AmountOfSubstance left, AmountOfSubstance right) => left.Equals(right);

    /// <summary>Different amounts.</summary>
    public static bool operator !=(AmountOfSubstance left, AmountOfSubstance right) => !left.Equals(right);

    /// <summary>Compares amounts.</summary>
    public static bool operator <(AmountOfSubstance left, AmountOfSubstance right) => left.CompareTo(right) < 0;

    /// <summary>Compares amounts.</summary>
    public static bool operator >(AmountOfSubstance left, AmountOfSubstance right) => left.CompareTo(right) > 0;

    /// <summary>Compares amounts.</summary>
    public static bool operator <=(AmountOfSubstance left, AmountOfSubstance right) => left.CompareTo(right) <= 0;

    /// <summary>Compares amounts.</summary>
    public static bool operator >=(AmountOfSubstance left, AmountOfSubstance right) => left.CompareTo(right) >= 0;

    /// <summary>True when both amounts of substance are the same amount, whatever the units.</summary>
    public bool Equals(AmountOfSubstance other) => BaseValue.Equals(other.BaseValue);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AmountOfSubstance other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => BaseValue.GetHashCode();

    /// <summary>Orders by amount, whatever the units.</summary>
    public int CompareTo(AmountOfSubstance other) => BaseValue.CompareTo(other.BaseValue);

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        AmountOfSubstance other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(AmountOfSubstance)}.", nameof(obj)),
    };

    /// <summary>The amount of substance in its unit, invariant culture, shortest round-trip number: <c>"10 nmol"</c>.</summary>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats the number with <paramref name="format"/> (a numeric format) and appends the unit symbol.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        QuantityText.Format(_value, Units[Unit].Symbol, format, formatProvider);

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        QuantityText.TryFormat(ToString(format.IsEmpty ? null : format.ToString(), provider), destination, out charsWritten);
}

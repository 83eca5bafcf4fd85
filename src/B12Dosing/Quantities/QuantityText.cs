using System.Globalization;
using UnitsNet;
using UnitsNet.Units;

namespace B12Dosing.Quantities;

/// <summary>
/// The strict text layer over UnitsNet: reads the quantities a user types (<c>"1000 µg"</c>, <c>"1 mg"</c>,
/// <c>"400 pg/mL"</c>, <c>"295.1 pmol/L"</c>) into UnitsNet's <see cref="Mass"/>, <see cref="AmountOfSubstance"/>,
/// <see cref="MassConcentration"/> and <see cref="Molarity"/>, and writes them back so that they read again exactly.
/// </summary>
/// <remarks>
/// <para>Stricter than UnitsNet's own <c>Parse</c>, which reads negative values, thousands separators and the current
/// culture. Here a number is in the invariant culture unless a provider is given; text is refused with a
/// <see cref="FormatException"/> that names it and shows the accepted form when it is empty, has no number or no
/// unit, an unknown unit, an ambiguous comma (<c>1,000 µg</c> or <c>1,5 mg</c> where the decimal separator is not a
/// comma), NaN, an infinity or a number too large for a double (<c>1e400</c>), a negative number, a number that would
/// be infinite in a smaller unit or, not being zero, zero in a larger one (<c>1e-400 mg</c> is refused, not read as
/// zero), or any amount in international units (IU), which vitamin B12 does not have.</para>
/// <para>Micrograms are <c>µg</c> (U+00B5, written), <c>μg</c> (U+03BC), <c>ug</c> or <c>mcg</c>; units match ignoring case.
/// <see cref="Format(Mass, string?, IFormatProvider?)"/> then parse gives back the same value and unit in every culture.</para>
/// </remarks>
public static class QuantityText
{
    /// <summary>The message for any amount written in international units.</summary>
    internal const string InternationalUnitMessage =
        "Vitamin B12 has no international unit (IU): write doses in µg (mcg) or mg, for example '1000 µg'.";

    private static readonly string[] InternationalUnitSpellings =
    [
        "iu", "i.u.", "i.u", "ui", "international unit", "international units", "int. units", "units", "unit",
    ];

    /// <summary>Reads a mass: <c>ng</c>, <c>µg</c> (also <c>μg</c>, <c>ug</c>, <c>mcg</c>), <c>mg</c>, <c>g</c>, for example <c>"1000 µg"</c>.</summary>
    /// <param name="text">A non-negative number and a unit.</param>
    /// <param name="provider">The culture of the number; null for the invariant culture.</param>
    /// <exception cref="FormatException">The text is not a mass in the accepted form (see <see cref="QuantityText"/>).</exception>
    public static Mass ParseMass(string text, IFormatProvider? provider = null) => Parse(QuantityKinds.Mass, text, provider);

    /// <summary>Reads an amount of substance: <c>pmol</c>, <c>nmol</c>, <c>µmol</c>, for example <c>"10 nmol"</c>.</summary>
    /// <inheritdoc cref="ParseMass(string, IFormatProvider?)"/>
    public static AmountOfSubstance ParseAmountOfSubstance(string text, IFormatProvider? provider = null) => Parse(QuantityKinds.AmountOfSubstance, text, provider);

    /// <summary>Reads a mass concentration: <c>pg/mL</c>, <c>ng/L</c>, <c>ng/mL</c>, <c>µg/L</c>, for example <c>"400 pg/mL"</c>.</summary>
    /// <inheritdoc cref="ParseMass(string, IFormatProvider?)"/>
    public static MassConcentration ParseMassConcentration(string text, IFormatProvider? provider = null) => Parse(QuantityKinds.MassConcentration, text, provider);

    /// <summary>Reads a molar concentration: <c>pmol/L</c> (also <c>pM</c>), <c>nmol/L</c> (<c>nM</c>), for example <c>"295.1 pmol/L"</c>.</summary>
    /// <inheritdoc cref="ParseMass(string, IFormatProvider?)"/>
    public static Molarity ParseMolarity(string text, IFormatProvider? provider = null) => Parse(QuantityKinds.Molarity, text, provider);

    /// <summary>Tries to read a mass; false (and a zero mass) for null or for text <see cref="ParseMass"/> refuses.</summary>
    public static bool TryParse(string? text, IFormatProvider? provider, out Mass result) => TryParse(QuantityKinds.Mass, text, provider, out result);

    /// <summary>Tries to read an amount of substance; false for null or for text <see cref="ParseAmountOfSubstance"/> refuses.</summary>
    public static bool TryParse(string? text, IFormatProvider? provider, out AmountOfSubstance result) => TryParse(QuantityKinds.AmountOfSubstance, text, provider, out result);

    /// <summary>Tries to read a mass concentration; false for null or for text <see cref="ParseMassConcentration"/> refuses.</summary>
    public static bool TryParse(string? text, IFormatProvider? provider, out MassConcentration result) => TryParse(QuantityKinds.MassConcentration, text, provider, out result);

    /// <summary>Tries to read a molar concentration; false for null or for text <see cref="ParseMolarity"/> refuses.</summary>
    public static bool TryParse(string? text, IFormatProvider? provider, out Molarity result) => TryParse(QuantityKinds.Molarity, text, provider, out result);

    /// <summary>
    /// Writes a mass as its number and unit symbol, such as <c>1000 µg</c>: the shortest text that reads back exactly
    /// (or <paramref name="format"/>, a .NET numeric format for the number), in the invariant culture unless
    /// <paramref name="provider"/> is given. A unit the text layer does not read (a UnitsNet kilogram) is written in µg.
    /// </summary>
    public static string Format(Mass quantity, string? format = null, IFormatProvider? provider = null) => Format(QuantityKinds.Mass, quantity, format, provider);

    /// <summary>Writes an amount of substance, such as <c>10 nmol</c> (see <see cref="Format(Mass, string?, IFormatProvider?)"/>).</summary>
    public static string Format(AmountOfSubstance quantity, string? format = null, IFormatProvider? provider = null) => Format(QuantityKinds.AmountOfSubstance, quantity, format, provider);

    /// <summary>Writes a mass concentration, such as <c>400 pg/mL</c> (see <see cref="Format(Mass, string?, IFormatProvider?)"/>).</summary>
    public static string Format(MassConcentration quantity, string? format = null, IFormatProvider? provider = null) => Format(QuantityKinds.MassConcentration, quantity, format, provider);

    /// <summary>Writes a molar concentration, such as <c>295.1 pmol/L</c> (see <see cref="Format(Mass, string?, IFormatProvider?)"/>).</summary>
    public static string Format(Molarity quantity, string? format = null, IFormatProvider? provider = null) => Format(QuantityKinds.Molarity, quantity, format, provider);

    /// <summary>The unit a symbol or spelling names, such as <see cref="MassUnit.Microgram"/> for <c>mcg</c>.</summary>
    /// <exception cref="FormatException">The text names no mass unit the text layer reads.</exception>
    public static MassUnit ParseMassUnit(string text) => ParseUnit(QuantityKinds.Mass.Units, text);

    internal static TQuantity Parse<TQuantity, TUnit>(QuantityKind<TQuantity, TUnit> kind, string text, IFormatProvider? provider)
        where TQuantity : struct, IQuantity<TUnit, double>
        where TUnit : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, provider, kind.Units, out var value, out var unit, out var error) ? kind.From(value, unit) : throw new FormatException(error);
    }

    internal static bool TryParse<TQuantity, TUnit>(QuantityKind<TQuantity, TUnit> kind, string? text, IFormatProvider? provider, out TQuantity result)
        where TQuantity : struct, IQuantity<TUnit, double>
        where TUnit : struct, Enum
    {
        if (text is not null && TryParse(text, provider, kind.Units, out var value, out var unit, out _))
        {
            result = kind.From(value, unit);
            return true;
        }

        result = kind.FromReference(0);
        return false;
    }

    internal static string Format<TQuantity, TUnit>(QuantityKind<TQuantity, TUnit> kind, TQuantity quantity, string? format, IFormatProvider? provider)
        where TQuantity : struct, IQuantity<TUnit, double>
        where TUnit : struct, Enum
    {
        var (value, unit) = kind.Units.TryGet(quantity.Unit, out _)
            ? (QuantityKind<TQuantity, TUnit>.ValueOf(quantity), quantity.Unit)
            : (kind.InReference(quantity), kind.Units.Reference);

        // -0 prints as "-0", which reads as a negative number: write it as 0.
        value = value == 0 ? 0 : value;
        return string.Concat(value.ToString(string.IsNullOrEmpty(format) ? "R" : format, provider ?? CultureInfo.InvariantCulture), " ", kind.Symbol(unit));
    }

    /// <summary>Writes any of the four quantity types (for code that holds one as an <see cref="IQuantity"/>).</summary>
    internal static string Format(IQuantity quantity) => quantity switch
    {
        Mass m => Format(m),
        AmountOfSubstance a => Format(a),
        MassConcentration c => Format(c),
        Molarity c => Format(c),
        _ => quantity.ToString() ?? string.Empty,
    };

    internal static bool IsInternationalUnit(ReadOnlySpan<char> unitText)
    {
        foreach (var s in InternationalUnitSpellings)
        {
            if (unitText.Equals(s, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses text into a value and unit; on failure returns a message instead.</summary>
    internal static bool TryParse<TUnit>(
        ReadOnlySpan<char> text,
        IFormatProvider? provider,
        UnitTable<TUnit> table,
        out double value,
        out TUnit unit,
        out string error)
        where TUnit : struct, Enum
    {
        unit = default;
        if (!TrySplit(text, provider, table, out value, out var unitText, out error))
        {
            return false;
        }

        if (!table.TryFind(unitText, out var info))
        {
            error = UnknownUnitMessage(table, unitText, text.Trim());
            return false;
        }

        if (table.RangeProblem(value, info.Exponent) is { } problem)
        {
            error = Describe(text.Trim(), table, problem);
            return false;
        }

        unit = info.Unit;
        return true;
    }

    /// <summary>
    /// Splits text into a valid number and the (trimmed, non-empty) unit text after it, checking
    /// everything but the unit itself; on failure returns a message instead.
    /// </summary>
    internal static bool TrySplit(
        ReadOnlySpan<char> text,
        IFormatProvider? provider,
        IUnitNames table,
        out double value,
        out ReadOnlySpan<char> unitText,
        out string error)
    {
        value = 0;
        unitText = default;
        var s = text.Trim();
        if (s.IsEmpty)
        {
            error = $"An empty string is not a {table.QuantityName}: {Expected(table)}.";
            return false;
        }

        var nfi = NumberFormatInfo.GetInstance(provider ?? CultureInfo.InvariantCulture);
        if (IsNonFiniteWord(s, nfi))
        {
            error = Describe(s, table, "is not a finite number");
            return false;
        }

        var numberEnd = NumberLength(s, nfi);
        var numberText = s[..numberEnd];
        unitText = s[numberEnd..].Trim();
        if (numberText.IsEmpty)
        {
            error = Describe(s, table, "does not start with a number");
            return false;
        }

        if (unitText.IsEmpty)
        {
            error = Describe(s, table, "has no unit");
            return false;
        }

        if (IsInternationalUnit(unitText))
        {
            error = $"'{s.ToString()}': {InternationalUnitMessage}";
            return false;
        }

        if (numberText.Contains(',') && nfi.NumberDecimalSeparator != ",")
        {
            error = $"'{s.ToString()}' has an ambiguous comma (a thousands separator or a decimal comma?): write '1000 µg' or '1.5 mg'.";
            return false;
        }

        if (!double.TryParse(numberText, NumberStyles.Float, nfi, out value))
        {
            error = Describe(s, table, "does not start with a valid number");
            return false;
        }

        if (!double.IsFinite(value))
        {
            error = Describe(s, table, "is not a finite number");
            return false;
        }

        if (value < 0)
        {
            error = Describe(s, table, "is negative");
            return false;
        }

        if (value == 0 && HasNonZeroMantissa(numberText))
        {
            error = Describe(s, table, "is too small for a double (it would be read as zero)");
            return false;
        }

        // -0 is zero.
        value = value == 0 ? 0 : value;
        error = string.Empty;
        return true;
    }

    /// <summary>The message for a unit text that <paramref name="table"/> does not know.</summary>
    internal static string UnknownUnitMessage(IUnitNames table, ReadOnlySpan<char> unitText, ReadOnlySpan<char> whole) =>
        $"'{unitText.ToString()}' in '{whole.ToString()}' is not a {table.QuantityName} unit: {Expected(table)}.";

    /// <summary>A message naming the text, what is wrong with it and the accepted form (built only on failure).</summary>
    internal static string Describe(ReadOnlySpan<char> text, IUnitNames table, string problem) =>
        $"'{text.ToString()}' {problem}: {Expected(table)}.";

    /// <summary>Finds a unit by spelling or throws a <see cref="FormatException"/> that lists the accepted ones.</summary>
    private static TUnit ParseUnit<TUnit>(UnitTable<TUnit> table, string text)
        where TUnit : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().Trim();
        if (table.TryFind(trimmed, out var info))
        {
            return info.Unit;
        }

        throw new FormatException(IsInternationalUnit(trimmed)
            ? InternationalUnitMessage
            : $"'{text}' is not a {table.QuantityName} unit; accepted units: {table.AcceptedSymbols}.");
    }

    /// <summary>
    /// The length of the number at the start of <paramref name="s"/>: ASCII digits, signs, exponents, points and commas,
    /// and the culture's decimal separator, signs and group separator (Arabic <c>٫</c>, <c>U+2212</c> minus, bidi marks),
    /// so that the number a culture writes is read whole.
    /// </summary>
    private static int NumberLength(ReadOnlySpan<char> s, NumberFormatInfo nfi)
    {
        var i = 0;
        while (i < s.Length)
        {
            if (IsNumberChar(s[i]))
            {
                i++;
                continue;
            }

            var rest = s[i..];
            var token = TokenLength(rest, nfi.NumberDecimalSeparator) + TokenLength(rest, nfi.NegativeSign) + TokenLength(rest, nfi.PositiveSign);
            if (token == 0 && !char.IsWhiteSpace(nfi.NumberGroupSeparator, 0))
            {
                token = TokenLength(rest, nfi.NumberGroupSeparator);
            }

            if (token == 0)
            {
                break;
            }

            i += token;
        }

        return i;
    }

    /// <summary>The length of <paramref name="token"/> if <paramref name="s"/> starts with it, else 0 (at most one token can match first).</summary>
    private static int TokenLength(ReadOnlySpan<char> s, string token) =>
        token.Length > 0 && s.StartsWith(token, StringComparison.Ordinal) ? token.Length : 0;

    /// <summary>True when a digit other than 0 comes before the exponent: the text means a non-zero number.</summary>
    private static bool HasNonZeroMantissa(ReadOnlySpan<char> numberText)
    {
        var exponent = numberText.IndexOfAny('e', 'E');
        return (exponent < 0 ? numberText : numberText[..exponent]).IndexOfAnyInRange('1', '9') >= 0;
    }

    /// <summary>True when the first word is NaN or an infinity ("NaN", "Infinity", "-∞" …), which the digit scan would not see as a number.</summary>
    private static bool IsNonFiniteWord(ReadOnlySpan<char> s, NumberFormatInfo nfi)
    {
        var end = s.IndexOfAny(' ', '\t');
        var word = end < 0 ? s : s[..end];
        return double.TryParse(word, NumberStyles.Float, nfi, out var value) && !double.IsFinite(value);
    }

    private static bool IsNumberChar(char c) =>
        char.IsAsciiDigit(c) || c is '.' or ',' or '+' or '-' or 'e' or 'E';

    private static string Expected(IUnitNames table) =>
        $"expected a non-negative number and a {table.QuantityName} unit, for example '500 {table.AcceptedSymbols.Split(", ")[0]}' (units: {table.AcceptedSymbols})";
}

using System.Globalization;

namespace B12Dosing.Quantities;

/// <summary>
/// Shared parsing of "number unit" text for every quantity type. Rules: the invariant culture unless a
/// provider is given; no thousands separators; a comma that is not the culture's decimal separator is
/// rejected as ambiguous; NaN, infinities (including overflow such as <c>1e400</c>) and negative values
/// are rejected; international units (IU) are rejected because vitamin B12 has none.
/// </summary>
internal static class QuantityText
{
    /// <summary>The message for any amount written in international units.</summary>
    public const string InternationalUnitMessage =
        "Vitamin B12 has no international unit (IU): write doses in µg (mcg) or mg, for example '1000 µg'.";

    private static readonly string[] InternationalUnitSpellings =
    [
        "iu", "i.u.", "i.u", "ui", "international unit", "international units", "int. units", "units", "unit",
    ];

    public static bool IsInternationalUnit(ReadOnlySpan<char> unitText)
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
    public static bool TryParse<TUnit>(
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

        if (!table.FitsEveryUnit(value, info.ToBase))
        {
            error = Describe(text.Trim(), table, "is too large (it would be infinite in a smaller unit)");
            return false;
        }

        unit = info.Unit;
        return true;
    }

    /// <summary>
    /// Splits text into a valid number and the (trimmed, non-empty) unit text after it, checking
    /// everything but the unit itself; on failure returns a message instead.
    /// </summary>
    public static bool TrySplit(
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

        var numberEnd = 0;
        while (numberEnd < s.Length && IsNumberChar(s[numberEnd]))
        {
            numberEnd++;
        }

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

        error = string.Empty;
        return true;
    }

    /// <summary>The message for a unit text that <paramref name="table"/> does not know.</summary>
    public static string UnknownUnitMessage(IUnitNames table, ReadOnlySpan<char> unitText, ReadOnlySpan<char> whole) =>
        $"'{unitText.ToString()}' in '{whole.ToString()}' is not a {table.QuantityName} unit: {Expected(table)}.";

    /// <summary>Formats a value and unit symbol: <paramref name="format"/> applies to the number.</summary>
    public static string Format(double value, string symbol, string? format, IFormatProvider? provider)
    {
        var culture = provider ?? CultureInfo.InvariantCulture;
        return string.Concat(value.ToString(string.IsNullOrEmpty(format) ? "R" : format, culture), " ", symbol);
    }

    /// <summary>Copies formatted text into a span (for <see cref="ISpanFormattable"/>).</summary>
    public static bool TryFormat(string text, Span<char> destination, out int charsWritten)
    {
        if (text.TryCopyTo(destination))
        {
            charsWritten = text.Length;
            return true;
        }

        charsWritten = 0;
        return false;
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

    /// <summary>A message naming the text, what is wrong with it and the accepted form (built only on failure).</summary>
    private static string Describe(ReadOnlySpan<char> text, IUnitNames table, string problem) =>
        $"'{text.ToString()}' {problem}: {Expected(table)}.";

    private static string Expected(IUnitNames table) =>
        $"expected a non-negative number and a {table.QuantityName} unit, for example '500 {table.AcceptedSymbols.Split(", ")[0]}' (units: {table.AcceptedSymbols})";
}

using System.Globalization;

namespace B12Dosing.Quantities;

/// <summary>
/// The result of <see cref="QuantityConverter"/>: a value and the unit exactly as the caller spelled
/// it (so <c>"1 mg"</c> converted to <c>"mcg"</c> prints <c>1000 mcg</c>, not <c>1000 µg</c>).
/// </summary>
public readonly record struct ConversionResult
{
    /// <summary>The most significant digits a double can carry (round-trip precision).</summary>
    public const int MaximumSignificantDigits = 17;

    private readonly string? _unit;

    internal ConversionResult(double value, string unit)
    {
        Value = value;
        _unit = unit;
    }

    /// <summary>The converted value, in <see cref="Unit"/>.</summary>
    public double Value { get; }

    /// <summary>The unit as the caller spelled it (trimmed).</summary>
    public string Unit => _unit ?? string.Empty;

    /// <summary>The value with full (round-trip) precision and the unit: <c>"295.1212... pmol/L"</c>.</summary>
    public override string ToString() => string.Concat(Value.ToString("R", CultureInfo.InvariantCulture), " ", Unit);

    /// <summary>
    /// The value rounded to <paramref name="significantDigits"/> significant digits, written without
    /// an exponent where a plain number is short (<c>295.1 pmol/L</c>, <c>1000 mcg</c>, <c>12350 ng</c>),
    /// in the invariant culture unless <paramref name="provider"/> is given.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="significantDigits"/> is not between 1 and <see cref="MaximumSignificantDigits"/>.</exception>
    public string ToString(int significantDigits, IFormatProvider? provider = null)
    {
        if (significantDigits is < 1 or > MaximumSignificantDigits)
        {
            throw new ArgumentOutOfRangeException(
                nameof(significantDigits), significantDigits, $"The number of significant digits must be between 1 and {MaximumSignificantDigits}.");
        }

        var rounded = double.Parse(Value.ToString("G" + significantDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return string.Concat(rounded.ToString("R", provider ?? CultureInfo.InvariantCulture), " ", Unit);
    }
}

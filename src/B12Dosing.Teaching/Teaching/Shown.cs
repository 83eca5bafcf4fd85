using System.Globalization;

namespace B12Dosing.Teaching.Teaching;

/// <summary>How the page prints the library's numbers: four significant figures, invariant culture, no exponent.</summary>
public static class Shown
{
    /// <summary>Significant figures printed for every model and published value.</summary>
    public const int SignificantFigures = 4;

    /// <summary><paramref name="value"/> to <see cref="SignificantFigures"/> significant figures ("1234", "12.34", "0.001234").</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            return "n/a";
        }

        if (value == 0)
        {
            return "0";
        }

        var decimals = Math.Clamp(SignificantFigures - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 12);
        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>A fraction as a percentage with one decimal ("12.3 %").</summary>
    public static string Percent(double fraction) =>
        (fraction * 100).ToString("F1", CultureInfo.InvariantCulture) + " %";

    /// <summary>A time in days as weeks, months or years, whichever reads best.</summary>
    public static string Span(TimeSpan time) => time.TotalDays switch
    {
        < 7 * 13 => (time.TotalDays / 7).ToString("0.#", CultureInfo.InvariantCulture) + " weeks",
        < 365 * 2 => (time.TotalDays / (365.0 / 12)).ToString("0.#", CultureInfo.InvariantCulture) + " months",
        _ => (time.TotalDays / 365).ToString("0.#", CultureInfo.InvariantCulture) + " years",
    };
}

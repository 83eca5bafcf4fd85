using System.Globalization;

namespace B12Dosing.Teaching.Tests;

/// <summary>Compares a number the page printed with the library's value: equal up to the printed rounding.</summary>
internal static class Printed
{
    /// <summary>
    /// Fails unless <paramref name="text"/> (such as "13.91", "1.2 %") is <paramref name="expected"/> rounded to the
    /// decimals printed: within half a unit of its last digit (plus 1e-9 relative for the binary representation), with
    /// at least <paramref name="figures"/> significant figures (the page prints four; percentages one decimal).
    /// </summary>
    public static void Equal(double expected, string text, string what, int figures = 4)
    {
        var number = text.Replace("%", "", StringComparison.Ordinal).Trim();
        Assert.True(double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var shown), $"{what}: '{text}' is not a number");
        var point = number.IndexOf('.', StringComparison.Ordinal);
        var decimals = point < 0 ? 0 : number.Length - point - 1;
        var tolerance = 0.5 * Math.Pow(10, -decimals) + 1e-9 * Math.Abs(expected);
        Assert.True(Math.Abs(shown - expected) <= tolerance, $"{what}: the page shows {text}, the library gives {expected.ToString("R", CultureInfo.InvariantCulture)}");
        // At least <figures> significant figures (or every integer digit): the rounding cannot hide a wrong number.
        var significant = number.TrimStart('-', '0', '.').Replace(".", "", StringComparison.Ordinal).Length;
        Assert.True(significant >= figures || decimals == 0 || expected == 0, $"{what}: '{text}' has fewer than {figures} significant figures");
    }
}

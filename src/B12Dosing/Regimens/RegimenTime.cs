using System.Globalization;

namespace B12Dosing.Regimens;

/// <summary>
/// Durations and time points in the regimen notation. Units: <c>s</c>, <c>min</c>, <c>h</c>, <c>d</c>,
/// <c>w</c> (7 days), <c>mo</c> (a fixed 30-day month) and <c>y</c> (365 days). A time point is either
/// a clinical day number <c>dN</c> (day 1 is time zero, so <c>d3</c> is 2 days in) or a duration from zero.
/// </summary>
internal static class RegimenTime
{
    /// <summary>The longest duration or time a regimen may use: 200 years of 365 days.</summary>
    public static readonly TimeSpan MaximumSpan = TimeSpan.FromDays(365 * 200);

    private static readonly (string Symbol, TimeSpan Length)[] Units =
    [
        ("y", TimeSpan.FromDays(365)),
        ("mo", TimeSpan.FromDays(30)),
        ("w", TimeSpan.FromDays(7)),
        ("d", TimeSpan.FromDays(1)),
        ("h", TimeSpan.FromHours(1)),
        ("min", TimeSpan.FromMinutes(1)),
        ("s", TimeSpan.FromSeconds(1)),
    ];

    /// <summary>Checks a duration: not negative (positive unless <paramref name="allowZero"/>), whole seconds, at most <see cref="MaximumSpan"/>.</summary>
    public static TimeSpan Check(TimeSpan value, string paramName, bool allowZero)
    {
        if (value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero))
        {
            throw new ArgumentOutOfRangeException(paramName, value, allowZero ? "A time in a regimen must not be negative." : "An interval or duration in a regimen must be more than zero.");
        }

        if (value > MaximumSpan)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"A time in a regimen must be at most {MaximumSpan.TotalDays} days (200 years).");
        }

        if (value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "A time in a regimen must be a whole number of seconds.");
        }

        return value;
    }

    /// <summary>The duration in the largest unit that divides it exactly, such as <c>2w</c>, <c>36h</c> or <c>0h</c>.</summary>
    public static string FormatDuration(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0h";
        }

        foreach (var (symbol, length) in Units)
        {
            if (value.Ticks % length.Ticks == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{value.Ticks / length.Ticks}{symbol}");
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, "A time in a regimen must be a whole number of seconds.");
    }

    /// <summary>A time point: <c>dN</c> for whole days (day 1 is time zero), otherwise a duration from zero.</summary>
    public static string FormatPoint(TimeSpan value) => value.Ticks % TimeSpan.TicksPerDay == 0
        ? string.Create(CultureInfo.InvariantCulture, $"d{(value.Ticks / TimeSpan.TicksPerDay) + 1}")
        : FormatDuration(value);

    /// <summary>Parses a duration such as <c>2w</c>, <c>12h</c> or <c>1.5d</c>; false with a reason if it is not one.</summary>
    public static bool TryParseDuration(string text, out TimeSpan value, out string error)
    {
        value = default;
        var split = 0;
        while (split < text.Length && (char.IsAsciiDigit(text[split]) || text[split] == '.'))
        {
            split++;
        }

        var unit = Array.FindIndex(Units, u => u.Symbol.Equals(text[split..], StringComparison.OrdinalIgnoreCase));
        if (split == 0 || unit < 0 || !decimal.TryParse(text.AsSpan(0, split), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            error = "a duration: a number and a unit without a space, such as 12h, 2d, 3w, 3mo or 1y (units: s, min, h, d, w, mo, y)";
            return false;
        }

        // decimal holds 28-29 significant digits and rounds the rest (issue 21: q0.99999999999999999999999999999s became q1s).
        if (Significant(text.AsSpan(0, split)) != Significant(number.ToString(CultureInfo.InvariantCulture)))
        {
            error = "a duration with at most 28 significant digits (more cannot be held exactly, and a duration is never rounded)";
            return false;
        }

        // Exact decimal arithmetic: a duration must be whole seconds as written, never rounded to them (issue 12:
        // q1.0000001s was read as q1s). 200 years are 6.3e9 s, far inside decimal's range once the number is below it.
        var maximumSeconds = (decimal)MaximumSpan.TotalSeconds;
        var unitSeconds = (decimal)Units[unit].Length.TotalSeconds;
        if (number > maximumSeconds || number * unitSeconds > maximumSeconds || decimal.Truncate(number * unitSeconds) != number * unitSeconds)
        {
            error = $"a duration of whole seconds up to {MaximumSpan.TotalDays} days, exactly as written (not rounded)";
            return false;
        }

        value = TimeSpan.FromSeconds((long)(number * unitSeconds));
        error = string.Empty;
        return true;
    }

    /// <summary>A decimal number's digits without leading zeros before the point and trailing zeros after it: equal texts mean equal values.</summary>
    private static string Significant(ReadOnlySpan<char> number)
    {
        var text = number.ToString();
        if (text.Contains('.', StringComparison.Ordinal))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        text = text.TrimStart('0');
        return text.Length == 0 || text[0] == '.' ? "0" + text : text;
    }

    /// <summary>Parses a time point: <c>dN</c> (N ≥ 1, day 1 is time zero) or a duration from zero.</summary>
    public static bool TryParsePoint(string text, out TimeSpan value, out string error)
    {
        if (text.Length > 1 && (text[0] is 'd' or 'D') && char.IsAsciiDigit(text[1]))
        {
            // Day N is N - 1 days from the start: d73001 is the last, 200 years in, which FormatPoint prints for that time.
            var ok = int.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day >= 1 && day - 1 <= MaximumSpan.TotalDays;
            value = ok ? TimeSpan.FromDays(day - 1) : default;
            error = ok ? string.Empty : "a day number d1, d2, ... (day 1 is the start)";
            return ok;
        }

        if (TryParseDuration(text, out value, out error))
        {
            return true;
        }

        error = "a time: a day number such as d1 (day 1 is the start) or a duration from the start such as 36h";
        return false;
    }
}

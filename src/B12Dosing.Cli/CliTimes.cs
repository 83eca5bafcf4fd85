using System.Globalization;

namespace B12Dosing.Cli;

/// <summary>
/// Lists of times given as option values: <c>--times 0,0.5,1,2,7,30</c> (days from the start) and
/// <c>--after-dose 0h,2h</c> (durations with a unit). Invariant culture, a comma between items, finite values.
/// </summary>
internal static class CliTimes
{
    private static readonly (string Symbol, TimeSpan Length)[] Units =
        [("min", TimeSpan.FromMinutes(1)), ("s", TimeSpan.FromSeconds(1)), ("h", TimeSpan.FromHours(1)), ("d", TimeSpan.FromDays(1)), ("w", TimeSpan.FromDays(7))];

    /// <summary>Days from the start, such as <c>0,0.5,1,2,7,30</c>.</summary>
    /// <exception cref="FormatException">An item is not a finite number of days (the message names it and the option).</exception>
    public static TimeSpan[] ParseDays(string text, string option) =>
        [.. Items(text, option).Select(item => Within(TimeSpan.FromDays(1), Number(item, item, option, "days from the start, such as 0,0.5,1,2,7,30"), item, option))];

    /// <summary>Durations with a unit (s, min, h, d, w), such as <c>0h,2h,1d</c>.</summary>
    /// <exception cref="FormatException">An item is not a number with a unit (the message names it and the option).</exception>
    public static TimeSpan[] ParseDurations(string text, string option) =>
        [.. Items(text, option).Select(item =>
        {
            const string Expected = "a duration with a unit (s, min, h, d, w), such as 0h,2h,1d";
            var unit = Array.FindIndex(Units, u => item.EndsWith(u.Symbol, StringComparison.OrdinalIgnoreCase) && item.Length > u.Symbol.Length);
            if (unit < 0)
            {
                throw new FormatException($"'{item}' in {option} is not {Expected}.");
            }

            return Within(Units[unit].Length, Number(item[..^Units[unit].Symbol.Length], item, option, Expected), item, option);
        })];

    /// <summary>
    /// <paramref name="count"/> units as a time, if it is at most the longest run (100 years); beyond, a usage error rather
    /// than the <see cref="OverflowException"/> of <see cref="TimeSpan"/> (issue 21: <c>--times 99999999999999999999</c>).
    /// </summary>
    private static TimeSpan Within(TimeSpan unit, double count, string item, string option)
    {
        var longest = Kinetics.SimulationSettings.MaximumHorizon;
        return count * unit.Ticks <= longest.Ticks
            ? (unit == TimeSpan.FromDays(1) ? TimeSpan.FromDays(count) : unit * count)
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"'{item}' in {option} is beyond {longest.TotalDays} days (100 years), the longest run."));
    }

    private static string[] Items(string text, string option)
    {
        var items = text.Split(',', StringSplitOptions.TrimEntries);
        return items.All(i => i.Length > 0) ? items : throw new FormatException($"{option} '{text}' has an empty item: separate the times with single commas.");
    }

    private static double Number(string number, string item, string option, string expected) =>
        double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"'{item}' in {option} is not {expected}.");
}

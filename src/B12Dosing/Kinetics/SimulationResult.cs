using System.Collections;
using System.Globalization;
using System.Text;

using B12Dosing.Quantities;

namespace B12Dosing.Kinetics;

/// <summary>
/// The time course of a simulation (one row per sample: the grid or the explicit times, plus the after-dose samples) and
/// its summary. It is the list of its rows (a notebook displays it as a table) and writes itself as CSV
/// (<see cref="WriteCsv"/>).
/// </summary>
public sealed class SimulationResult : IReadOnlyList<SimulationRow>
{
    private readonly SimulationRow[] _rows;

    internal SimulationResult(SimulationRow[] rows, SimulationSummary summary, SimulationSettings settings)
    {
        _rows = rows;
        Summary = summary;
        Settings = settings;
    }

    /// <summary>The rows, in time order (the result itself enumerates them too).</summary>
    public IReadOnlyList<SimulationRow> Series => field ??= Array.AsReadOnly(_rows);

    /// <summary>The columns <see cref="WriteCsv"/> writes, in order: their names are the CSV header and the tool's JSON field names.</summary>
    public static IReadOnlyList<ResultColumn> CsvColumns => SimulationColumns.Columns;

    /// <summary>The number of rows.</summary>
    public int Count => _rows.Length;

    /// <summary>Row <paramref name="index"/>.</summary>
    /// <exception cref="IndexOutOfRangeException">The index is not in [0, <see cref="Count"/>).</exception>
    public SimulationRow this[int index] => _rows[index];

    /// <summary>The rows in time order.</summary>
    public IEnumerator<SimulationRow> GetEnumerator() => ((IEnumerable<SimulationRow>)_rows).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Writes the rows as CSV to <paramref name="writer"/> (not closed): the header of <see cref="CsvColumns"/> names
    /// (which carry the units: <c>day,dose_number,time_since_last_dose_h,stores_ug,…</c>), then one line a row with
    /// numbers in the invariant culture, each the shortest text that reads back to the same value; an empty cell where a
    /// row has no value (the time since the last dose before the first dose). Lines end with <paramref name="newLine"/>,
    /// CRLF (RFC 4180) by default.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="ArgumentException">The line ending is neither CRLF nor LF.</exception>
    public void WriteCsv(TextWriter writer, string newLine = "\r\n")
    {
        ArgumentNullException.ThrowIfNull(writer);
        CheckNewLine(newLine);
        WriteCsvHeader(writer, newLine);
        foreach (var row in _rows)
        {
            WriteCsvRow(writer, row, newLine);
        }
    }

    /// <summary>The header line of <see cref="WriteCsv"/>: the names of <see cref="CsvColumns"/>, then <paramref name="newLine"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="ArgumentException">The line ending is neither CRLF nor LF.</exception>
    public static void WriteCsvHeader(TextWriter writer, string newLine = "\r\n")
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(',', SimulationColumns.All.Select(c => c.Column.Name)));
        writer.Write(CheckNewLine(newLine));
    }

    /// <summary>
    /// One line of <see cref="WriteCsv"/>: the cells of <paramref name="row"/>, then <paramref name="newLine"/>. With
    /// <see cref="WriteCsvHeader"/> and <see cref="Simulator.Run(ReadOnlySpan{Dosing.DoseEvent}, SimulationSettings, Action{SimulationRow})"/>
    /// it writes the same CSV as <see cref="WriteCsv"/> without keeping the rows.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="ArgumentException">The line ending is neither CRLF nor LF.</exception>
    public static void WriteCsvRow(TextWriter writer, SimulationRow row, string newLine = "\r\n")
    {
        ArgumentNullException.ThrowIfNull(writer);
        var columns = SimulationColumns.All;
        for (var c = 0; c < columns.Length; c++)
        {
            if (c > 0)
            {
                writer.Write(',');
            }

            writer.Write(SimulationColumns.Cell(columns[c].Value(row)));
        }

        writer.Write(CheckNewLine(newLine));
    }

    private static string CheckNewLine(string newLine) =>
        newLine is "\r\n" or "\n" ? newLine : throw new ArgumentException("The line ending must be \"\\r\\n\" (RFC 4180) or \"\\n\".", nameof(newLine));

    /// <summary>The CSV text of the rows (see <see cref="WriteCsv"/>).</summary>
    public string ToCsv()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsv(writer);
        return writer.ToString();
    }

    /// <summary>Each row as field name → value (the names of <see cref="CsvColumns"/>; null where a row has no value), for JSON or a data frame.</summary>
    public IEnumerable<IReadOnlyDictionary<string, double?>> Records() => _rows.Select(Record);

    /// <summary>One row as field name → value (see <see cref="Records"/>).</summary>
    public static IReadOnlyDictionary<string, double?> Record(SimulationRow row) =>
        SimulationColumns.All.ToDictionary(c => c.Column.Name, c => c.Value(row));

    /// <summary>The totals and the mass balance.</summary>
    public SimulationSummary Summary { get; }

    /// <summary>The settings the simulation ran with.</summary>
    public SimulationSettings Settings { get; }

    /// <summary>
    /// The first time at which the stores reach <paramref name="stores"/> coming from the side they started on (rising or
    /// falling), interpolated linearly between rows (rounded to the nearest tick, 100 ns). False if they never do.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative, or infinite or zero by rounding in µg.</exception>
    public bool TryFindTimeStoresReach(Mass stores, out TimeSpan time) =>
        InDays(TryFindDayStoresReach(QuantityKinds.Mass.NonNegative(stores, nameof(stores)), out var day), day, out time);

    /// <summary>The first time at which serum reaches <paramref name="serum"/> (see <see cref="TryFindTimeStoresReach"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The concentration is negative, or infinite or zero by rounding in pg/mL.</exception>
    public bool TryFindTimeSerumReaches(MassConcentration serum, out TimeSpan time) =>
        InDays(TryFindDaySerumReaches(QuantityKinds.MassConcentration.NonNegative(serum, nameof(serum)), out var day), day, out time);

    /// <summary>The time spent with serum below <paramref name="serum"/>, interpolating linearly between rows (in days).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The concentration is negative, or infinite or zero by rounding in pg/mL.</exception>
    public TimeSpan TimeSerumBelow(MassConcentration serum) =>
        ParameterUnits.FromDays(DaysSerumBelow(QuantityKinds.MassConcentration.NonNegative(serum, nameof(serum))));

    /// <summary>The time spent with stores below <paramref name="stores"/>, interpolating linearly between rows (in days).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative, or infinite or zero by rounding in µg.</exception>
    public TimeSpan TimeStoresBelow(Mass stores) =>
        ParameterUnits.FromDays(DaysStoresBelow(QuantityKinds.Mass.NonNegative(stores, nameof(stores))));

    /// <summary><see cref="TryFindTimeStoresReach"/> in µg and days, for the kernels and tests.</summary>
    internal bool TryFindDayStoresReach(double micrograms, out double day) => TryFindCrossing(static r => r.StoresMicrograms, micrograms, out day);

    /// <summary><see cref="TryFindTimeSerumReaches"/> in pg/mL and days, for the kernels and tests.</summary>
    internal bool TryFindDaySerumReaches(double picogramsPerMilliliter, out double day) => TryFindCrossing(static r => r.SerumPicogramsPerMilliliter, picogramsPerMilliliter, out day);

    /// <summary><see cref="TimeSerumBelow"/> in pg/mL and days, for the kernels and tests.</summary>
    internal double DaysSerumBelow(double picogramsPerMilliliter) => DaysBelow(static r => r.SerumPicogramsPerMilliliter, picogramsPerMilliliter);

    /// <summary><see cref="TimeStoresBelow"/> in µg and days, for the kernels and tests.</summary>
    internal double DaysStoresBelow(double micrograms) => DaysBelow(static r => r.StoresMicrograms, micrograms);

    private static bool InDays(bool found, double day, out TimeSpan time)
    {
        time = ParameterUnits.FromDays(day);
        return found;
    }

    /// <summary>
    /// The metrics of each dosing interval for <paramref name="value"/> (for example <c>r =&gt; r.Serum.PicogramsPerMilliliter</c>),
    /// read from the rows in the interval (see <see cref="DosingInterval"/> for what each metric means and how the
    /// sampling limits it). An interval is the time from one dose (each distinct instant at which anything was taken) to
    /// the next; its rows are those with its <see cref="SimulationRow.DoseNumber"/>: the sample just after the dose (if
    /// <see cref="SimulationSettings.SamplesAfterDose"/> has 0), those within it, and the trough just before the next dose.
    /// The interval after the last dose ends at the last sample. Rows before the first dose belong to no interval.
    /// </summary>
    /// <param name="value">The value to analyse, a plain number in whatever unit the caller chose; it must be finite.</param>
    /// <param name="threshold">The level for <see cref="DosingInterval.TimeAbove"/>, in the unit of <paramref name="value"/>; finite.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not finite.</exception>
    /// <exception cref="ArgumentException">The value of a row is not finite (the message names the day).</exception>
    /// <exception cref="InvalidOperationException">
    /// A dose's interval has no row (for example daily rows of a regimen dosed every 12 hours): its metrics cannot come
    /// from samples inside it, and the next interval's start would be unknown. The message names the doses without a
    /// sample; sample after each dose (<see cref="SimulationSettings.SamplesAfterDose"/>) or more often than the doses.
    /// </exception>
    public IReadOnlyList<DosingInterval> DosingIntervals(Func<SimulationRow, double> value, double threshold)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!double.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be a finite number.");
        }

        var intervals = new List<DosingInterval>();
        var first = 0;
        while (first < _rows.Length && _rows[first].DoseNumber == 0)
        {
            first++;
        }

        EnsureEveryDoseIsSampled(first);
        while (first < _rows.Length)
        {
            var dose = _rows[first].DoseNumber;
            var end = first;
            while (end + 1 < _rows.Length && _rows[end + 1].DoseNumber == dose)
            {
                end++;
            }

            intervals.Add(Interval(value, threshold, first, end));
            first = end + 1;
        }

        return intervals;
    }

    /// <summary>
    /// Refuses the dosing intervals when a dose up to the last row's has no row of its own (its interval would have no
    /// sample, and the interval before it would run to the wrong dose): issue 21, daily rows of a q12h regimen gave 24 h
    /// intervals and none for doses 1, 3, 5, ….
    /// </summary>
    private void EnsureEveryDoseIsSampled(int first)
    {
        var missing = new List<int>();
        var count = 0;
        var expected = 1;
        for (var i = first; i < _rows.Length; i++)
        {
            var dose = _rows[i].DoseNumber;
            if (dose < expected)
            {
                continue;
            }

            for (; expected < dose; expected++)
            {
                count++;
                if (missing.Count < 5)
                {
                    missing.Add(expected);
                }
            }

            expected = dose + 1;
        }

        if (count > 0)
        {
            var last = _rows[^1].DoseNumber;
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"{count} of the {last} doses up to the last row have no row in their interval (dose {string.Join(", ", missing)}{(count > missing.Count ? ", …" : string.Empty)}), so their interval metrics cannot come from samples inside it. Sample after each dose (SimulationSettings.SamplesAfterDose, for example 0 and 2 hours) or with a step shorter than the shortest dosing interval."));
        }
    }

    /// <summary>The summary and the first and last rows.</summary>
    public override string ToString() =>
        new StringBuilder()
            .Append(_rows[0]).Append('\n')
            .Append(_rows[^1]).Append('\n')
            .Append(Summary)
            .ToString();

    private bool TryFindCrossing(Func<SimulationRow, double> value, double level, out double day)
    {
        var below = value(_rows[0]) < level;
        for (var i = 1; i < _rows.Length; i++)
        {
            var v = value(_rows[i]);
            if ((v < level) != below)
            {
                var previous = value(_rows[i - 1]);
                day = _rows[i - 1].Day + ((_rows[i].Day - _rows[i - 1].Day) * (level - previous) / (v - previous));
                return true;
            }
        }

        day = 0;
        return false;
    }

    private double DaysBelow(Func<SimulationRow, double> value, double level)
    {
        var total = 0.0;
        for (var i = 1; i < _rows.Length; i++)
        {
            total += WidthBelow(value(_rows[i - 1]) - level, value(_rows[i]) - level, _rows[i].Day - _rows[i - 1].Day);
        }

        return total;
    }

    /// <summary>The part of a segment of <paramref name="width"/> with the linear interpolation from <paramref name="a"/> to <paramref name="b"/> below zero.</summary>
    private static double WidthBelow(double a, double b, double width) => (a < 0, b < 0) switch
    {
        (true, true) => width,
        (false, false) => 0,
        (true, false) => width * -a / (b - a),
        (false, true) => width * -b / (a - b),
    };

    private DosingInterval Interval(Func<SimulationRow, double> value, double threshold, int first, int last)
    {
        var row = _rows[first];
        var start = row.Day - row.TimeSinceLastDose!.Value.TotalDays;
        var complete = last + 1 < _rows.Length;
        var endDay = complete ? _rows[last + 1].Day - _rows[last + 1].TimeSinceLastDose!.Value.TotalDays : _rows[last].Day;
        double peak = double.NegativeInfinity, trough = double.PositiveInfinity, peakDay = 0, troughDay = 0, area = 0, above = 0, previous = 0;
        for (var i = first; i <= last; i++)
        {
            var v = value(_rows[i]);
            if (!double.IsFinite(v))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The value at day {_rows[i].Day:R} is {v:R}; dosing-interval metrics need finite values."), nameof(value));
            }

            (peak, peakDay) = v > peak ? (v, _rows[i].Day) : (peak, peakDay);
            (trough, troughDay) = v < trough ? (v, _rows[i].Day) : (trough, troughDay);
            if (i > first)
            {
                var width = _rows[i].Day - _rows[i - 1].Day;
                area += width * (previous + v) / 2;
                above += width - WidthBelow(previous - threshold, v - threshold, width) - WidthOn(previous - threshold, v - threshold, width);
            }

            previous = v;
        }

        var span = _rows[last].Day - _rows[first].Day;
        return new(row.DoseNumber, start, endDay, complete, last - first + 1, peak, peakDay, trough, troughDay, span > 0 ? area / span : peak, above);
    }

    /// <summary>The part of a segment exactly at the threshold (both ends on it): neither above nor below.</summary>
    private static double WidthOn(double a, double b, double width) => a == 0 && b == 0 ? width : 0;
}

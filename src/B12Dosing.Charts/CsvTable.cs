using System.Globalization;

namespace B12Dosing.Charts;

/// <summary>
/// One column of a <see cref="CsvTable{TRow}"/>: a header (name and unit) and how to read the value
/// from a row. Build columns with <see cref="CsvColumn.Number{TRow}"/> and <see cref="CsvColumn.Text{TRow}"/>.
/// </summary>
/// <typeparam name="TRow">The type of the rows the table writes.</typeparam>
public sealed class CsvColumn<TRow>
{
    private readonly Func<TRow, int, string> _format;

    internal CsvColumn(string name, string unit, Func<TRow, int, string> format)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(unit);
        Name = name;
        Unit = unit;
        _format = format;
    }

    /// <summary>The column's name, such as <c>stores</c>.</summary>
    public string Name { get; }

    /// <summary>The column's unit, such as <c>µg</c>; empty for a column without a unit.</summary>
    public string Unit { get; }

    /// <summary>The header cell: the name followed by the unit in brackets, for example <c>stores (µg)</c>.</summary>
    public string Header => Unit.Length == 0 ? Name : $"{Name} ({Unit})";

    internal string Format(TRow row, int rowIndex) => _format(row, rowIndex);
}

/// <summary>Factories for <see cref="CsvColumn{TRow}"/> and the RFC 4180 quoting rule.</summary>
public static class CsvColumn
{
    /// <summary>A numeric column, written in the invariant culture.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="unit">The unit shown in the header (may be empty).</param>
    /// <param name="value">Reads the value from a row; it must be finite when the table is written.</param>
    /// <param name="format">A .NET numeric format; the default <c>R</c> writes the shortest text that reads back to the same number.</param>
    public static CsvColumn<TRow> Number<TRow>(string name, string unit, Func<TRow, double> value, string format = "R")
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(format);
        return new CsvColumn<TRow>(name, unit, (row, index) => Finite(value(row), format, index, name));
    }

    /// <summary>A finite number in <paramref name="format"/> and the invariant culture; NaN and infinities are refused naming the row and column.</summary>
    internal static string Finite(double value, string format, int index, string name) =>
        double.IsFinite(value)
            ? value.ToString(format, CultureInfo.InvariantCulture)
            : throw new ArgumentException($"Row {index}, column '{name}': {value.ToString(CultureInfo.InvariantCulture)} is not a finite number; CSV output accepts finite numbers only.", "rows");

    /// <summary>A text column without a unit; the text is quoted where RFC 4180 requires.</summary>
    public static CsvColumn<TRow> Text<TRow>(string name, Func<TRow, string> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new CsvColumn<TRow>(name, string.Empty, (row, _) => value(row));
    }

    /// <summary>
    /// Quotes a field as RFC 4180 requires: a field that holds a comma, a double quote, a carriage return
    /// or a line feed (or starts or ends with a space) is wrapped in double quotes, with each double quote doubled.
    /// </summary>
    public static string Quote(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var needs = field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (field.Length > 0 && (field[0] == ' ' || field[^1] == ' '));
        return needs ? string.Concat("\"", field.Replace("\"", "\"\"", StringComparison.Ordinal), "\"") : field;
    }
}

/// <summary>
/// A table layout for rows of <typeparamref name="TRow"/>, written as CSV (a header line with units, then one line per
/// row), and also as an HTML table (<see cref="WriteHtml"/>, for notebooks and pages) or a Markdown table
/// (<see cref="WriteMarkdown"/>, for scripts and reports).
/// Numbers use the invariant culture (a point as the decimal separator); fields are quoted as RFC 4180
/// requires; lines end with CRLF as RFC 4180 specifies, unless another line ending is given.
/// </summary>
/// <example><code>
/// var table = new CsvTable&lt;(double Day, double Stores)&gt;([
///     CsvColumn.Number&lt;(double Day, double Stores)&gt;("day", "d", r =&gt; r.Day),
///     CsvColumn.Number&lt;(double Day, double Stores)&gt;("stores", "µg", r =&gt; r.Stores)]);
/// table.Write(Console.Out, rows);   // day (d),stores (µg)
/// </code></example>
/// <typeparam name="TRow">The type of the rows.</typeparam>
public sealed class CsvTable<TRow>
{
    /// <summary>Creates a table layout.</summary>
    /// <param name="columns">At least one column, with distinct names.</param>
    /// <param name="newLine">The line ending; CRLF (RFC 4180) by default.</param>
    /// <exception cref="ArgumentException">There are no columns, two share a name, or the line ending is neither CRLF nor LF.</exception>
    public CsvTable(IEnumerable<CsvColumn<TRow>> columns, string newLine = "\r\n")
    {
        ArgumentNullException.ThrowIfNull(columns);
        var list = columns.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A CSV table needs at least one column.", nameof(columns));
        }

        var duplicate = list.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two columns are named '{duplicate.Key}'; column names must differ.", nameof(columns));
        }

        if (newLine is not ("\r\n" or "\n"))
        {
            throw new ArgumentException("The line ending must be \"\\r\\n\" (RFC 4180) or \"\\n\".", nameof(newLine));
        }

        Columns = Array.AsReadOnly(list);
        NewLine = newLine;
    }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<CsvColumn<TRow>> Columns { get; }

    /// <summary>The line ending.</summary>
    public string NewLine { get; }

    /// <summary>Writes the header and one line per row to <paramref name="writer"/> (which is not closed).</summary>
    /// <exception cref="ArgumentException">A numeric value is NaN or infinite (the message names the row and column).</exception>
    public void Write(TextWriter writer, IEnumerable<TRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        WriteLine(writer, Columns.Select(c => c.Header));
        var index = 0;
        foreach (var row in rows)
        {
            var i = index++;
            WriteLine(writer, Columns.Select(c => c.Format(row, i)));
        }
    }

    /// <summary>The CSV text for <paramref name="rows"/>.</summary>
    public string ToCsv(IEnumerable<TRow> rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, rows);
        return writer.ToString();
    }

    /// <summary>
    /// Writes the same layout as an HTML table to <paramref name="writer"/> (not closed), for a notebook or a page: a
    /// header row of <see cref="CsvColumn{TRow}.Header"/> (names with their units), one row per row, the text escaped,
    /// numbers right-aligned; at most <paramref name="maximumRows"/> rows, then one line that says how many more there are.
    /// </summary>
    /// <param name="writer">Where the table goes.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="caption">A caption above the table; empty for none.</param>
    /// <param name="maximumRows">How many rows to write at most (1 or more); the rest are counted, not written.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumRows"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">A numeric value is NaN or infinite (the message names the row and column).</exception>
    public void WriteHtml(TextWriter writer, IEnumerable<TRow> rows, string caption = "", int maximumRows = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(caption);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumRows, 1);
        writer.Write("<table style=\"text-align:right\">");
        if (caption.Length > 0)
        {
            writer.Write("<caption>" + Html(caption) + "</caption>");
        }

        writer.Write("<thead><tr>" + string.Concat(Columns.Select(c => "<th>" + Html(c.Header) + "</th>")) + "</tr></thead>\n<tbody>\n");
        var more = WriteRows(rows, maximumRows, cells => writer.Write("<tr>" + string.Concat(cells.Select(v => "<td>" + Html(v) + "</td>")) + "</tr>\n"));
        writer.Write("</tbody></table>\n");
        if (more > 0)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<p>… and {more} more rows, not shown.</p>\n"));
        }
    }

    /// <summary>The HTML table for <paramref name="rows"/> (see <see cref="WriteHtml"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumRows"/> is less than 1.</exception>
    public string ToHtml(IEnumerable<TRow> rows, string caption = "", int maximumRows = int.MaxValue)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteHtml(writer, rows, caption, maximumRows);
        return writer.ToString();
    }

    /// <summary>
    /// Writes the same layout as a Markdown (GitHub) table to <paramref name="writer"/> (not closed), for a script's
    /// output or a report: the header with the units, numbers right-aligned, a <c>|</c> in a cell escaped; at most
    /// <paramref name="maximumRows"/> rows, then one line that says how many more there are. Lines end with LF.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumRows"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">A numeric value is NaN or infinite (the message names the row and column).</exception>
    public void WriteMarkdown(TextWriter writer, IEnumerable<TRow> rows, int maximumRows = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumRows, 1);
        static string Line(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |\n";
        writer.Write(Line(Columns.Select(c => c.Header)));
        writer.Write("|" + string.Concat(Columns.Select(_ => " ---: |")) + "\n");
        var more = WriteRows(rows, maximumRows, cells => writer.Write(Line(cells)));
        if (more > 0)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"\n… and {more} more rows, not shown.\n"));
        }
    }

    /// <summary>The Markdown table for <paramref name="rows"/> (see <see cref="WriteMarkdown"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumRows"/> is less than 1.</exception>
    public string ToMarkdown(IEnumerable<TRow> rows, int maximumRows = int.MaxValue)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteMarkdown(writer, rows, maximumRows);
        return writer.ToString();
    }

    /// <summary>Writes the cells of the first <paramref name="maximumRows"/> rows and returns how many rows were left out.</summary>
    private int WriteRows(IEnumerable<TRow> rows, int maximumRows, Action<IEnumerable<string>> write)
    {
        var index = 0;
        foreach (var row in rows)
        {
            var i = index++;
            if (i < maximumRows)
            {
                write(Columns.Select(c => c.Format(row, i)));
            }
        }

        return Math.Max(0, index - maximumRows);
    }

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);

    private void WriteLine(TextWriter writer, IEnumerable<string> fields)
    {
        writer.Write(string.Join(',', fields.Select(CsvColumn.Quote)));
        writer.Write(NewLine);
    }
}

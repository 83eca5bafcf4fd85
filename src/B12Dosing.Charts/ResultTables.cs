using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Kinetics;
using B12Dosing.Parameters;
using B12Dosing.Population;

namespace B12Dosing.Charts;

/// <summary>
/// The library's results as tables people read: a simulation's rows, its summary, a population's percentiles and a
/// parameter set (<see cref="ParameterSet.Values"/>), with
/// the units in the column names (the field names of the CSV and the tool's JSON: <c>stores_ug</c>,
/// <c>serum_pg_per_ml</c>), as HTML (notebooks, pages) or Markdown (scripts, reports), never as object trees. The
/// package's notebook extension shows these types so in a .NET notebook. Numbers are written with
/// <see cref="DisplayFormat"/> in the invariant culture; <see cref="SimulationResult.WriteCsv"/> and
/// <see cref="WritePopulationCsv"/> give every digit.
/// </summary>
/// <example><code>
/// Console.Write(result.ToMarkdownTable(maximumRows: 10));   // | day | dose_number | … | stores_ug | …
/// display(HTML(result.ToHtmlTable()));                      // in a notebook (the extension does this for you)
/// </code></example>
public static class ResultTables
{
    /// <summary>The numeric format of the display tables: six significant digits (<c>G6</c>).</summary>
    public const string DisplayFormat = "G6";

    /// <summary>How many rows a display table shows by default; the rest are counted below it.</summary>
    public const int DefaultMaximumRows = 1000;

    /// <summary>The layout of a simulation's rows: one column per <see cref="SimulationResult.CsvColumns"/>, in <paramref name="format"/>.</summary>
    /// <param name="format">A .NET numeric format: <see cref="DisplayFormat"/> for people, <c>R</c> for every digit.</param>
    public static CsvTable<SimulationRow> RowLayout(string format = DisplayFormat)
    {
        ArgumentNullException.ThrowIfNull(format);
        return new CsvTable<SimulationRow>(SimulationResult.CsvColumns.Select(c => OptionalNumber<SimulationRow>(c.Name, row => SimulationResult.Record(row)[c.Name], format)));
    }

    /// <summary>A simulation's rows (a <see cref="SimulationResult"/>, or some of its rows) as an HTML table.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumRows"/> is less than 1.</exception>
    public static string ToHtmlTable(this IEnumerable<SimulationRow> rows, int maximumRows = DefaultMaximumRows) =>
        RowLayout().ToHtml(rows, string.Empty, maximumRows);

    /// <summary>A simulation's rows as a Markdown table.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumRows"/> is less than 1.</exception>
    public static string ToMarkdownTable(this IEnumerable<SimulationRow> rows, int maximumRows = DefaultMaximumRows) =>
        RowLayout().ToMarkdown(rows, maximumRows);

    /// <summary>A simulation's summary as an HTML table of quantity (with its unit in the name) and value.</summary>
    public static string ToHtmlTable(this SimulationSummary summary) => SummaryLayout.ToHtml(SummaryRows(summary));

    /// <summary>A simulation's summary as a Markdown table of quantity and value.</summary>
    public static string ToMarkdownTable(this SimulationSummary summary) => SummaryLayout.ToMarkdown(SummaryRows(summary));

    /// <summary>
    /// The layout of a population's rows (the row index in <see cref="PopulationResult.Times"/>): <c>day</c>, the 5th,
    /// 25th, 50th, 75th and 95th percentiles of stores (<c>stores_p5_ug</c> …) and serum (<c>serum_p5_pg_per_ml</c> …),
    /// and the share below the serum threshold (<c>share_below_180_pg_per_ml</c>, a fraction).
    /// </summary>
    /// <param name="population">The population whose threshold names the last column.</param>
    /// <param name="format">A .NET numeric format: <see cref="DisplayFormat"/> for people, <c>R</c> for every digit.</param>
    public static CsvTable<int> PopulationLayout(PopulationResult population, string format = DisplayFormat)
    {
        ArgumentNullException.ThrowIfNull(population);
        return PopulationLayout([population], format);
    }

    /// <summary>
    /// The layout of one population run at several serum thresholds (the same settings and seed, so the same patients
    /// and percentiles): the columns of <see cref="PopulationLayout(PopulationResult, string)"/> from the first run,
    /// then one <c>share_below_…_pg_per_ml</c> column per run and one <c>share_below_holotc_…_pmol_per_l</c> column per holoTC line
    /// of the first run (<see cref="PopulationSettings.HoloTranscobalaminThresholds"/>).
    /// </summary>
    /// <param name="runs">At least one run; all with the same rows.</param>
    /// <param name="format">A .NET numeric format: <see cref="DisplayFormat"/> for people, <c>R</c> for every digit.</param>
    /// <exception cref="ArgumentException">There is no run, the runs' rows differ, or two share a threshold.</exception>
    public static CsvTable<int> PopulationLayout(IReadOnlyList<PopulationResult> runs, string format = DisplayFormat)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(format);
        if (runs.Count == 0 || runs.Any(r => r is null || !r.Times.SequenceEqual(runs[0].Times)))
        {
            throw new ArgumentException("A population table needs at least one run, and runs with the same rows (the same settings at several thresholds).", nameof(runs));
        }

        var population = runs[0];
        (string Name, Func<PercentileSeries, IReadOnlyList<double>> Series)[] percentiles =
            [("p5", s => s.P5), ("p25", s => s.P25), ("p50", s => s.P50), ("p75", s => s.P75), ("p95", s => s.P95)];
        return new CsvTable<int>(
            [
                CsvColumn.Number<int>("day", string.Empty, i => population.Times[i].TotalDays, format),
                .. percentiles.Select(p => CsvColumn.Number<int>($"stores_{p.Name}_ug", string.Empty, i => p.Series(population.Stores)[i], format)),
                .. percentiles.Select(p => CsvColumn.Number<int>($"serum_{p.Name}_pg_per_ml", string.Empty, i => p.Series(population.Serum)[i], format)),
                .. runs.Select(r => CsvColumn.Number<int>(
                    $"share_below_{r.SerumThreshold.PicogramsPerMilliliter.ToString("R", CultureInfo.InvariantCulture)}_pg_per_ml", string.Empty, i => r.ShareBelowThreshold[i], format)),
                .. population.ShareBelowHoloTranscobalamin.Select((share, k) => CsvColumn.Number<int>(
                    $"share_below_holotc_{population.Settings.HoloTranscobalaminThresholds[k].PicomolesPerLiter.ToString("R", CultureInfo.InvariantCulture)}_pmol_per_l", string.Empty, i => share[i], format)),
            ]);
    }

    /// <summary>A population's percentiles and share below the threshold over time as an HTML table, captioned with the population.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumRows"/> is less than 1.</exception>
    public static string ToHtmlTable(this PopulationResult population, int maximumRows = DefaultMaximumRows)
    {
        ArgumentNullException.ThrowIfNull(population);
        return PopulationLayout(population).ToHtml(Enumerable.Range(0, population.Times.Count), PopulationCaption(population), maximumRows);
    }

    /// <summary>A population's percentiles and share below the threshold over time as a Markdown table.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumRows"/> is less than 1.</exception>
    public static string ToMarkdownTable(this PopulationResult population, int maximumRows = DefaultMaximumRows)
    {
        ArgumentNullException.ThrowIfNull(population);
        return PopulationLayout(population).ToMarkdown(Enumerable.Range(0, population.Times.Count), maximumRows);
    }

    /// <summary>
    /// Writes a population's rows as CSV (LF line ends, every digit: the <c>R</c> format) with the columns of
    /// <see cref="PopulationLayout(PopulationResult, string)"/>, to <paramref name="writer"/> (not closed).
    /// </summary>
    public static void WritePopulationCsv(this PopulationResult population, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(writer);
        PopulationLayout(population, "R").Write(writer, Enumerable.Range(0, population.Times.Count));
    }

    private static string PopulationCaption(PopulationResult population) => string.Create(
        CultureInfo.InvariantCulture,
        $"{population.Patients} virtual patients ({population.Settings.Model.Conditions}), seed {population.Settings.Seed}: percentiles of stores (µg) and serum (pg/mL), share with serum below {population.SerumThreshold.PicogramsPerMilliliter:0.###} pg/mL");

    private static readonly CsvTable<(string Quantity, double Value)> SummaryLayout = new(
        [CsvColumn.Text<(string Quantity, double Value)>("quantity", r => r.Quantity), CsvColumn.Number<(string Quantity, double Value)>("value", string.Empty, r => r.Value, DisplayFormat)],
        "\n");

    private static IEnumerable<(string Quantity, double Value)> SummaryRows(SimulationSummary s) =>
    [
        ("total_dose_ug", s.TotalDose.Micrograms),
        ("total_absorbed_ug", s.TotalAbsorbed.Micrograms),
        ("not_absorbed_ug", s.TotalUnabsorbed.Micrograms),
        ("total_retained_ug", s.TotalRetained.Micrograms),
        ("total_urine_ug", s.TotalUrinaryLoss.Micrograms),
        ("total_faeces_ug", s.TotalFaeces.Micrograms),
        ("final_stores_ug", s.FinalStores.Micrograms),
        ("final_serum_pg_per_ml", s.FinalSerum.PicogramsPerMilliliter),
        ("final_serum_pmol_per_l", s.FinalSerumMolarity.PicomolesPerLiter),
        ("final_holotc_pmol_per_l", s.FinalHoloTranscobalamin.PicomolesPerLiter),
        ("mass_balance_error_ug", s.MassBalanceError.Micrograms),
    ];

    /// <summary>
    /// The layout of a parameter table: <c>name</c>, <c>symbol</c>, <c>value</c>, <c>unit</c>, <c>default</c>,
    /// <c>minimum</c>, <c>maximum</c> (all in the parameter's unit), <c>origin</c> and <c>source</c>.
    /// </summary>
    public static CsvTable<ParameterValue> ParameterLayout { get; } = new(
        [
            CsvColumn.Text<ParameterValue>("name", p => p.Parameter.Name),
            CsvColumn.Text<ParameterValue>("symbol", p => p.Parameter.Symbol),
            CsvColumn.Number<ParameterValue>("value", string.Empty, p => p.Value, DisplayFormat),
            CsvColumn.Text<ParameterValue>("unit", p => p.Parameter.Unit),
            CsvColumn.Number<ParameterValue>("default", string.Empty, p => p.Parameter.Default, DisplayFormat),
            CsvColumn.Number<ParameterValue>("minimum", string.Empty, p => p.Parameter.Minimum, DisplayFormat),
            CsvColumn.Number<ParameterValue>("maximum", string.Empty, p => p.Parameter.Maximum, DisplayFormat),
            CsvColumn.Text<ParameterValue>("origin", p => p.Parameter.Origin.ToString().ToLowerInvariant()),
            CsvColumn.Text<ParameterValue>("source", p => p.Parameter.Source),
        ]);

    /// <summary>A parameter set's values (<see cref="ParameterSet.Values"/>) as an HTML table with their units, bounds and sources.</summary>
    public static string ToHtmlTable(this IEnumerable<ParameterValue> parameters) => ParameterLayout.ToHtml(parameters);

    /// <summary>A parameter set's values as a Markdown table with their units, bounds and sources.</summary>
    public static string ToMarkdownTable(this IEnumerable<ParameterValue> parameters) => ParameterLayout.ToMarkdown(parameters);

    /// <summary>A numeric column that may have no value (an empty cell).</summary>
    private static CsvColumn<TRow> OptionalNumber<TRow>(string name, Func<TRow, double?> value, string format) =>
        new(name, string.Empty, (row, index) => value(row) is { } v ? CsvColumn.Finite(v, format, index, name) : string.Empty);
}

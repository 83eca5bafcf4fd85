using System.Globalization;
using System.Xml.Linq;
using B12Dosing.Absorption;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Regimens;

namespace B12Dosing.Charts.Tests;

/// <summary>Results as HTML and Markdown tables with the units in the column names (issue 22, item 2).</summary>
public class ResultTablesTests
{
    /// <summary>The layout of <see cref="CsvTableTests"/>: day (d), stores (µg), note.</summary>
    private static CsvTable<CsvTableTests.Row> Table => CsvTableTests.Table;

    /// <summary>A year of daily rows: pernicious anaemia from low stores on the BNF protocol.</summary>
    private static readonly SimulationResult Year = Simulator.Run(
        Regimen.Parse("1 mg ohcbl im tiw for 2w then 1 mg ohcbl im q3mo"),
        new SimulationSettings(TimeSpan.FromDays(365)) { ParameterSet = ParameterSet.PerniciousAnemia, InitialStores = Mass.FromMicrograms(150) });

    [Fact]
    public void Html_table_has_a_header_with_units_and_escaped_cells()
    {
        var html = Table.ToHtml([new CsvTableTests.Row(0, 2500, "a < b & c"), new CsvTableTests.Row(1.5, 2496.25, "")], caption: "stores <µg>");
        Assert.Equal(
            "<table style=\"text-align:right\"><caption>stores &lt;&#181;g&gt;</caption><thead><tr><th>day (d)</th><th>stores (&#181;g)</th><th>note</th></tr></thead>\n<tbody>\n"
            + "<tr><td>0</td><td>2500</td><td>a &lt; b &amp; c</td></tr>\n<tr><td>1.5</td><td>2496.25</td><td></td></tr>\n</tbody></table>\n",
            html);
        Assert.NotNull(XElement.Parse(html.Replace("&#181;", "µ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Markdown_table_has_a_header_with_units_right_aligned_numbers_and_escaped_pipes()
    {
        var markdown = Table.ToMarkdown([new CsvTableTests.Row(0.125, 1234.5, "x | y")]);
        Assert.Equal("| day (d) | stores (µg) | note |\n| ---: | ---: | ---: |\n| 0.125 | 1234.5 | x \\| y |\n", markdown);
    }

    [Fact]
    public void A_table_shows_at_most_the_rows_asked_for_and_counts_the_rest()
    {
        var rows = Enumerable.Range(0, 12).Select(i => new CsvTableTests.Row(i, 100 - i, "")).ToArray();
        var html = Table.ToHtml(rows, maximumRows: 5);
        Assert.Equal(5, html.Split("<tr><td>").Length - 1);
        Assert.EndsWith("<p>… and 7 more rows, not shown.</p>\n", html, StringComparison.Ordinal);
        Assert.EndsWith("\n… and 7 more rows, not shown.\n", Table.ToMarkdown(rows, maximumRows: 5), StringComparison.Ordinal);
        Assert.DoesNotContain("more rows", Table.ToHtml(rows, maximumRows: 12), StringComparison.Ordinal);
        Assert.Equal("maximumRows", Assert.Throws<ArgumentOutOfRangeException>(() => Table.ToHtml(rows, maximumRows: 0)).ParamName);
    }

    [Fact]
    public void A_value_that_is_not_finite_is_refused_naming_row_and_column()
    {
        var e = Assert.Throws<ArgumentException>(() => Table.ToHtml([new CsvTableTests.Row(0, 1, ""), new CsvTableTests.Row(1, double.NaN, "")]));
        Assert.Contains("Row 1, column 'stores'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulation_rows_show_every_csv_column_with_the_library_values()
    {
        var markdown = Year.Take(8).ToMarkdownTable().Split('\n');
        var header = markdown[0].Trim('|', ' ').Split(" | ");
        Assert.Equal(SimulationResult.CsvColumns.Select(c => c.Name), header);
        Assert.Contains(header, h => h.EndsWith("_ug", StringComparison.Ordinal));
        Assert.Equal(2 + 8 + 1, markdown.Length); // header, alignment, 8 rows, the final empty line
        var records = Year.Records().Take(8).ToArray();
        for (var r = 0; r < 8; r++)
        {
            var cells = markdown[2 + r].Trim('|', ' ').Split(" | ");
            for (var c = 0; c < header.Length; c++)
            {
                var expected = records[r][header[c]];
                if (expected is { } value)
                {
                    Assert.Equal(value, double.Parse(cells[c], CultureInfo.InvariantCulture), Math.Abs(value) * 1e-5);
                }
                else
                {
                    Assert.Equal(string.Empty, cells[c]);
                }
            }
        }
    }

    [Fact]
    public void A_year_of_daily_rows_renders_as_a_compact_table()
    {
        // The object-tree display of 8 rows took 661 159 bytes of HTML (issue 22); a year of rows as a table takes under a fifth of that.
        var html = Year.ToHtmlTable();
        Assert.Equal(366, Year.Count);
        Assert.Equal(366, html.Split("<tr><td>").Length - 1);
        Assert.True(html.Length < 661_159 / 5, $"{html.Length} characters of HTML for a year of daily rows");
        Assert.DoesNotContain("QuantityInfo", html, StringComparison.Ordinal);
        Assert.Equal(SimulationResult.CsvColumns.Count, XElement.Parse(html).Descendants("th").Count());
    }

    [Fact]
    public void Summary_table_names_each_quantity_with_its_unit()
    {
        var markdown = Year.Summary.ToMarkdownTable();
        Assert.StartsWith("| quantity | value |\n", markdown, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"| final_stores_ug | {Year.Summary.FinalStores.Micrograms:G6} |"), markdown, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"| final_holotc_pmol_per_l | {Year.Summary.FinalHoloTranscobalamin.PicomolesPerLiter:G6} |"), markdown, StringComparison.Ordinal);
        Assert.Contains("<td>final_serum_pg_per_ml</td>", Year.Summary.ToHtmlTable(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parameter_table_lists_every_value_with_its_unit_bounds_and_source()
    {
        var values = ParameterSet.PerniciousAnemia.Values;
        var markdown = values.ToMarkdownTable().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("| name | symbol | value | unit | default | minimum | maximum | origin | source |", markdown[0]);
        Assert.Equal(values.Count + 2, markdown.Length);
        var first = values[0];
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"| {first.Parameter.Name} | {first.Parameter.Symbol} | {first.Value:G6} | {first.Parameter.Unit} |"), markdown[2], StringComparison.Ordinal);
        Assert.Equal(values.Count, values.ToHtmlTable().Split("<tr><td>").Length - 1);
    }

    [Fact]
    public void Population_table_has_the_percentiles_and_share_with_units_and_its_csv_reads_back_exactly()
    {
        var population = PopulationSimulator.Run(Regimen.Parse("1000 ug oral daily"), new PopulationSettings(50, TimeSpan.FromDays(20), 7));
        var csv = new StringWriter(CultureInfo.InvariantCulture);
        population.WritePopulationCsv(csv);
        var lines = csv.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "day,stores_p5_ug,stores_p25_ug,stores_p50_ug,stores_p75_ug,stores_p95_ug,serum_p5_pg_per_ml,serum_p25_pg_per_ml,serum_p50_pg_per_ml,serum_p75_pg_per_ml,serum_p95_pg_per_ml,share_below_180_pg_per_ml",
            lines[0]);
        Assert.Equal(population.Times.Count + 1, lines.Length);
        var last = lines[^1].Split(',');
        Assert.Equal(population.Times[^1].TotalDays, double.Parse(last[0], CultureInfo.InvariantCulture));
        Assert.Equal(population.Serum.P50[^1], double.Parse(last[8], CultureInfo.InvariantCulture));
        Assert.Equal(population.ShareBelowThreshold[^1], double.Parse(last[11], CultureInfo.InvariantCulture));
        var html = population.ToHtmlTable();
        Assert.Contains("<caption>50 virtual patients", html, StringComparison.Ordinal);
        Assert.Equal(population.Times.Count, html.Split("<tr><td>").Length - 1);
        Assert.StartsWith("| day | stores_p5_ug |", population.ToMarkdownTable(), StringComparison.Ordinal);
    }
}

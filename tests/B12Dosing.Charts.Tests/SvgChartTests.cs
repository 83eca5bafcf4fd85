using System.Globalization;
using System.Xml.Linq;

namespace B12Dosing.Charts.Tests;

public class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static ChartSeries Series(string name, params (double X, double Y)[] points) =>
        new(name, points.Select(p => new ChartPoint(p.X, p.Y)));

    private static SvgChart Chart(ChartAxis y, params ChartSeries[] series) =>
        new("Serum B12 & stores <test>", new ChartAxis("Time (days)"), y, series);

    private static XElement Load(SvgChart chart) => XDocument.Parse(chart.ToSvg()).Root!;

    private static IEnumerable<XElement> WithClass(XElement root, string cssClass) =>
        root.Descendants().Where(e => (string?)e.Attribute("class") == cssClass);

    [Fact]
    public void Series_prints_its_name_size_and_ranges_in_the_invariant_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal("stores: 3 points, x 0 to 365.5, y 150 to 4368.25", Series("stores", (0, 150), (365.5, 4368.25), (10, 900)).ToString());
            Assert.Equal("one: 1 point, x 2 to 2, y 3 to 3", Series("one", (2, 3)).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Output_is_well_formed_svg_with_escaped_text_and_a_view_box()
    {
        var root = Load(Chart(new ChartAxis("Serum B12 (pg/mL)"), Series("oral \"2000\" µg", (0, 300), (10, 450))));

        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("0 0 800 450", (string?)root.Attribute("viewBox"));
        Assert.Contains(root.Descendants(Svg + "text"), t => t.Value == "Serum B12 & stores <test>");
        Assert.Contains(root.Descendants(Svg + "text"), t => t.Value == "oral \"2000\" µg");
    }

    [Fact]
    public void Numbers_use_the_invariant_culture_whatever_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var svg = Chart(new ChartAxis("y (µg)"), Series("s", (0.5, 1.25), (1.5, 2.75))).ToSvg();
            var root = XDocument.Parse(svg).Root!;
            var coordinates = root.Descendants(Svg + "polyline").Single().Attribute("points")!.Value;
            Assert.DoesNotContain(';', coordinates);
            Assert.All(coordinates.Split(' '), pair => Assert.Equal(2, pair.Split(',').Length));
            Assert.Contains(WithClass(root, "tick"), t => t.Value.Contains('.', StringComparison.Ordinal));
            Assert.DoesNotContain(WithClass(root, "tick"), t => t.Value.Contains(',', StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void The_legend_has_one_entry_per_series()
    {
        var chart = Chart(new ChartAxis("y"), Series("a", (0, 1)), Series("b", (0, 2)))
            .WithSeries(new ChartSeries("measured", [new ChartPoint(1, 1.5)], SeriesStyle.Markers));
        var root = Load(chart);

        Assert.Equal(3, WithClass(root, "legend-entry").Count());
        Assert.Equal(3, WithClass(root, "series").Count());
        Assert.Single(root.Descendants(Svg + "circle"), c => c.Parent!.Attribute("class")!.Value == "series");
    }

    [Fact]
    public void Series_take_distinct_colours_from_the_palette()
    {
        var root = Load(Chart(new ChartAxis("y"), Series("a", (0, 1), (1, 2)), Series("b", (0, 2), (1, 3))));
        var colours = root.Descendants(Svg + "polyline").Select(p => (string)p.Attribute("stroke")!).ToList();
        Assert.Equal(2, colours.Distinct().Count());
    }

    [Fact]
    public void Threshold_bands_are_drawn_with_their_labels()
    {
        var chart = Chart(new ChartAxis("Serum B12 (ng/L)", includeZero: true), Series("s", (0, 250), (30, 500)))
            .WithBands([
                new ThresholdBand("deficiency likely < 180 ng/L", double.NegativeInfinity, 180, BandTone.Danger),
                new ThresholdBand("indeterminate 180-350 ng/L", 180, 350, BandTone.Caution),
                new ThresholdBand("deficiency unlikely > 350 ng/L", 350, double.PositiveInfinity, BandTone.Normal)]);
        var root = Load(chart);

        Assert.Equal(3, WithClass(root, "band").Count());
        Assert.Equal(
            ["deficiency likely < 180 ng/L", "indeterminate 180-350 ng/L", "deficiency unlikely > 350 ng/L"],
            WithClass(root, "band-label").Select(t => string.Join(' ', t.Elements().Select(span => span.Value))));

        // The labels are in the legend beside the plot, never over the data: every one starts right of the plot area.
        var plotRight = WithClass(root, "band").Max(b => (double)b.Attribute("x")! + (double)b.Attribute("width")!);
        Assert.All(WithClass(root, "band-label"), label => Assert.True((double)label.Attribute("x")! > plotRight, "a band label is inside the plot"));
        Assert.Equal(3, WithClass(root, "band-legend-entry").Count());
    }

    /// <summary>Figures a journal would take (issue 13): a title and description, dash patterns as well as colours, ribbons, and a series at zero drawn clear of the axis.</summary>
    [Fact]
    public void Charts_have_title_desc_dashes_ribbons_and_keep_a_series_at_zero_off_the_axis()
    {
        var chart = Chart(new ChartAxis("Share (%)", includeZero: true), Series("at zero", (0, 0), (10, 0)), Series("rising", (0, 0), (10, 50)))
            .WithRibbon(new ChartRibbon("95% CI", [new RibbonPoint(0, 0, 2), new RibbonPoint(10, 40, 60)], 1))
            .WithDescription("A test figure.");
        var root = Load(chart);
        Assert.Equal("Serum B12 & stores <test>", root.Element(Svg + "title")!.Value);
        Assert.StartsWith("A test figure. Line chart of Share (%) against", root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.Contains("Shaded ribbons: 95% CI.", root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        var lines = root.Descendants(Svg + "polyline").ToList();
        Assert.Equal([null, "8 4"], lines.Select(l => (string?)l.Attribute("stroke-dasharray")));
        var frameBottom = root.Elements(Svg + "rect").Where(r => (string?)r.Attribute("fill") == "none").Select(r => (double)r.Attribute("y")! + (double)r.Attribute("height")!).Single();
        var zeroY = double.Parse(lines[0].Attribute("points")!.Value.Split(' ')[0].Split(',')[1], CultureInfo.InvariantCulture);
        Assert.True(frameBottom - zeroY >= 5, $"the series at zero is drawn at y {zeroY}, on the axis at {frameBottom}");
        Assert.Single(WithClass(root, "ribbon"));
        Assert.Single(WithClass(root, "ribbon-legend-entry"));
        var same = new ChartSeries("same colour", [new ChartPoint(0, 1)]) { PaletteIndex = 1, Dash = LineDash.Dotted };
        var paired = Load(chart.WithSeries(same)).Descendants(Svg + "polyline").ToList();
        Assert.Equal((string?)paired[1].Attribute("stroke"), (string?)paired[2].Attribute("stroke"));
        Assert.Equal("2 3", (string?)paired[2].Attribute("stroke-dasharray"));
        Assert.Throws<ArgumentException>("points", () => new ChartRibbon("bad", [new RibbonPoint(0, 2, 1), new RibbonPoint(1, 0, 1)], 0));
    }

    [Fact]
    public void A_band_beyond_the_data_still_extends_the_axis_so_the_threshold_is_visible()
    {
        var chart = Chart(new ChartAxis("Serum B12 (ng/L)"), Series("s", (0, 400), (30, 500)))
            .WithBand(new ThresholdBand("deficiency likely < 180 ng/L", double.NegativeInfinity, 180, BandTone.Danger));
        var ticks = WithClass(Load(chart), "tick").Select(t => t.Value).ToList();
        Assert.Contains(ticks, t => double.Parse(t, CultureInfo.InvariantCulture) <= 180);
    }

    [Fact]
    public void A_log_axis_over_more_than_three_decades_has_a_tick_at_each_decade()
    {
        var chart = Chart(new ChartAxis("Absorbed (µg)", AxisScale.Log10), Series("s", (1, 0.012), (1000, 130)));
        var yTicks = WithClass(Load(chart), "tick").Where(t => (string?)t.Attribute("text-anchor") == "end").Select(t => t.Value);
        Assert.Equal(["0.01", "0.1", "1", "10", "100", "1000"], yTicks);
    }

    [Fact]
    public void Linear_ticks_are_nice_round_numbers_covering_the_data()
    {
        var range = AxisRange.Linear(3.2, 97.1);
        Assert.Equal([0, 20, 40, 60, 80, 100], range.Ticks);
        Assert.True(range.Min <= 3.2 && range.Max >= 97.1);
    }

    [Theory]
    [InlineData(0.1, 0.1)]
    [InlineData(0.13, 0.2)]
    [InlineData(0.2, 0.2)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(1500, 2000)]
    public void Nice_steps_are_1_2_or_5_times_a_power_of_ten(double rough, double expected) =>
        Assert.Equal(expected, AxisRange.NiceStep(rough), 12);

    [Fact]
    public void Many_decades_are_thinned_to_at_most_eleven_ticks()
    {
        var range = AxisRange.Log10(1e-6, 1e9);
        Assert.InRange(range.Ticks.Count, 2, 11);
        Assert.Equal(1e-6, range.Min);
        Assert.True(range.Max >= 1e9);
    }

    [Fact]
    public void A_constant_series_gets_a_non_empty_range()
    {
        var root = Load(Chart(new ChartAxis("y"), Series("flat", (0, 5), (1, 5))));
        Assert.True(WithClass(root, "tick").Count() >= 4);
        Assert.DoesNotContain("NaN", root.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_points_are_rejected_naming_the_value(double bad)
    {
        var ex = Assert.Throws<ArgumentException>(() => Series("serum", (0, 1), (1, bad)));
        Assert.Equal("points", ex.ParamName);
        Assert.Contains("serum", ex.Message, StringComparison.Ordinal);
        Assert.Contains("point 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains(bad.ToString(CultureInfo.CurrentCulture), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_series_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ChartSeries("empty", []));
        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chart_without_series_is_rejected() =>
        Assert.Throws<ArgumentException>(() => new SvgChart("t", new ChartAxis("x"), new ChartAxis("y"), []));

    [Fact]
    public void Mismatched_value_lists_are_rejected() =>
        Assert.Throws<ArgumentException>(() => ChartSeries.FromValues("s", [1, 2], [1]));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Non_positive_values_on_a_log_axis_are_rejected(double bad)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Chart(new ChartAxis("Absorbed (µg)", AxisScale.Log10), Series("s", (0, 1), (1, bad))));
        Assert.Equal(bad, ex.ActualValue);
        Assert.Contains("logarithmic", ex.Message, StringComparison.Ordinal);
        Assert.Contains("point 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_band_open_below_is_accepted_on_a_log_axis_but_one_below_zero_is_not()
    {
        var chart = Chart(new ChartAxis("Serum (pg/mL)", AxisScale.Log10), Series("s", (0, 100), (1, 1000)));
        var ok = chart.WithBand(new ThresholdBand("low", 0, 200, BandTone.Danger));
        Assert.Single(WithClass(Load(ok), "band"));
        Assert.Throws<ArgumentOutOfRangeException>(() => chart.WithBand(new ThresholdBand("bad", -10, 0)));
    }

    [Theory]
    [InlineData(double.NaN, 1)]
    [InlineData(1, double.NaN)]
    [InlineData(5, 5)]
    [InlineData(5, 1)]
    [InlineData(double.NegativeInfinity, double.PositiveInfinity)]
    public void Bad_bands_are_rejected(double lower, double upper) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ThresholdBand("b", lower, upper));

    [Fact]
    public void Charts_are_immutable_adding_returns_a_copy()
    {
        var chart = Chart(new ChartAxis("y"), Series("a", (0, 1)));
        var more = chart.WithSeries(Series("b", (0, 2))).WithBand(new ThresholdBand("b", 0, 1));
        Assert.Single(chart.Series);
        Assert.Empty(chart.Bands);
        Assert.Equal(2, more.Series.Count);
        Assert.Single(more.Bands);
    }

    [Fact]
    public void Writing_to_a_text_writer_leaves_it_open()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Chart(new ChartAxis("y"), Series("a", (0, 1))).WriteTo(writer);
        writer.Write("<!-- after -->");
        Assert.EndsWith("<!-- after -->", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_enum_values_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChartAxis("x", (AxisScale)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChartAxis("x", AxisScale.Log10, includeZero: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChartSeries("s", [new ChartPoint(0, 0)], (SeriesStyle)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ThresholdBand("b", 0, 1, (BandTone)9));
    }

    [Fact]
    public void Long_legend_names_wrap_onto_several_lines()
    {
        var root = Load(Chart(new ChartAxis("y"), Series("IM 1000 µg cyanocobalamin on days 1, 3, 7, 10, 14, 21, 30, 60 and 90", (0, 1))));
        var spans = root.Descendants(Svg + "tspan").Select(t => t.Value).ToList();
        Assert.True(spans.Count > 1);
        Assert.All(spans, t => Assert.True(t.Length <= 26, t));
        Assert.Equal("IM 1000 µg cyanocobalamin on days 1, 3, 7, 10, 14, 21, 30, 60 and 90", string.Join(' ', spans));
    }

    [Fact]
    public void A_figure_stacks_charts_in_one_well_formed_document()
    {
        var stores = Chart(new ChartAxis("Stores (µg)"), Series("stores", (0, 2500), (100, 2200)));
        var serum = Chart(new ChartAxis("Serum (pg/mL)"), Series("serum", (0, 400), (100, 350)))
            .WithBands(B12Dosing.Guidelines.SerumGuidelines.NiceTotal.ChartBands(B12Dosing.Guidelines.SerumUnit.PicogramsPerMilliliter));
        var root = XDocument.Parse(new SvgFigure([stores, serum]).ToSvg()).Root!;

        Assert.Equal("0 0 800 900", (string?)root.Attribute("viewBox"));
        var panels = root.Elements(Svg + "svg").ToList();
        Assert.Equal(["0", "450"], panels.Select(p => (string)p.Attribute("y")!));
        Assert.Equal(2, WithClass(root, "legend-entry").Count());
        Assert.Equal(3, WithClass(panels[1], "band").Count());
        Assert.Throws<ArgumentException>(() => new SvgFigure([]));
    }
}

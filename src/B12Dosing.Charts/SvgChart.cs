using System.Globalization;
using System.Text;
using System.Xml;

namespace B12Dosing.Charts;

/// <summary>
/// An immutable line chart that renders itself as SVG: one or more series (each in its own colour and dash pattern),
/// ribbons (percentile or confidence bands), axis titles with units, linear or log axes with nice ticks, a legend
/// beside the plot (series, ribbons and the labels of the shaded threshold bands, so that no label covers data), and a
/// <c>title</c> and <c>desc</c> for screen readers. The data sit a few pixels inside the frame, so a series lying on
/// an axis limit (a share that stays at 0 %) is drawn clear of the axis line. The SVG is
/// <see cref="Width"/> x <see cref="Height"/> with a <c>viewBox</c>, so it scales in browsers and
/// notebooks; numbers are written in the invariant culture and text is XML-escaped.
/// The library does no file I/O: write to a <see cref="TextWriter"/> or take the string.
/// </summary>
/// <example><code>
/// var chart = new SvgChart("Serum B12", new ChartAxis("Time (days)"), new ChartAxis("Serum B12 (pg/mL)"),
///     [new ChartSeries("oral 2000 µg daily", points)])
///     .WithBand(new ThresholdBand("deficiency likely &lt; 180 ng/L", double.NegativeInfinity, 180, BandTone.Danger));
/// File.WriteAllText("serum.svg", chart.ToSvg());
/// </code></example>
public sealed class SvgChart
{
    /// <summary>The width of the SVG, in pixels.</summary>
    public const int Width = 800;

    /// <summary>The height of the SVG, in pixels.</summary>
    public const int Height = 450;

    private const string SvgNamespace = "http://www.w3.org/2000/svg";
    private const string Grid = "#d0d0d0", MinorGrid = "#ececec";
    private const int LegendCharacters = 26;
    private const double Left = 80, Right = 575, Top = 40, Bottom = 385;

    /// <summary>How far inside the frame the data range is drawn, pixels: a series at an axis limit stays visible.</summary>
    private const double Inset = 6;

    /// <summary>The dash patterns of <see cref="LineDash.Auto"/>, by series position (solid, dashed, dotted, dash-dot).</summary>
    private static readonly LineDash[] AutoDashes = [LineDash.Solid, LineDash.Dashed, LineDash.Dotted, LineDash.DashDot];

    /// <summary>The series colours, in order (Okabe-Ito, readable by people with colour-blindness).</summary>
    private static readonly string[] Palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999"];

    /// <summary>Creates a chart.</summary>
    /// <param name="title">The title drawn above the plot.</param>
    /// <param name="xAxis">The horizontal axis.</param>
    /// <param name="yAxis">The vertical axis.</param>
    /// <param name="series">At least one series; series are coloured from a fixed palette in order.</param>
    /// <exception cref="ArgumentException">There is no series.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value on a log axis is zero or negative.</exception>
    public SvgChart(string title, ChartAxis xAxis, ChartAxis yAxis, IEnumerable<ChartSeries> series)
        : this(title, xAxis, yAxis, series, [], [], string.Empty)
    {
    }

    private SvgChart(string title, ChartAxis xAxis, ChartAxis yAxis, IEnumerable<ChartSeries> series, IReadOnlyList<ThresholdBand> bands, IReadOnlyList<ChartRibbon> ribbons, string description)
    {
        Title = title ?? throw new ArgumentNullException(nameof(title));
        XAxis = xAxis ?? throw new ArgumentNullException(nameof(xAxis));
        YAxis = yAxis ?? throw new ArgumentNullException(nameof(yAxis));
        ArgumentNullException.ThrowIfNull(series);
        var list = series.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A chart needs at least one series.", nameof(series));
        }

        foreach (var s in list)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(series));
            for (var i = 0; i < s.Points.Count; i++)
            {
                CheckPositiveOnLog(xAxis, s.Points[i].X, $"series '{s.Name}', point {i}, x");
                CheckPositiveOnLog(yAxis, s.Points[i].Y, $"series '{s.Name}', point {i}, y");
            }
        }

        foreach (var b in bands)
        {
            CheckPositiveOnLog(yAxis, b.Upper, $"band '{b.Label}', upper bound");
        }

        foreach (var r in ribbons)
        {
            foreach (var p in r.Points)
            {
                CheckPositiveOnLog(xAxis, p.X, $"ribbon '{r.Name}', x");
                CheckPositiveOnLog(yAxis, p.Low, $"ribbon '{r.Name}', low");
            }
        }

        Series = Array.AsReadOnly(list);
        Bands = [.. bands];
        Ribbons = [.. ribbons];
        Description = description;
    }

    /// <summary>The title drawn above the plot.</summary>
    public string Title { get; }

    /// <summary>The horizontal axis.</summary>
    public ChartAxis XAxis { get; }

    /// <summary>The vertical axis.</summary>
    public ChartAxis YAxis { get; }

    /// <summary>The series, in legend and colour order.</summary>
    public IReadOnlyList<ChartSeries> Series { get; }

    /// <summary>The shaded threshold bands, drawn behind the series.</summary>
    public IReadOnlyList<ThresholdBand> Bands { get; }

    /// <summary>The ribbons, drawn behind the series.</summary>
    public IReadOnlyList<ChartRibbon> Ribbons { get; }

    /// <summary>What the chart shows, in words (empty unless given with <see cref="WithDescription"/>); the SVG's <c>desc</c> starts with it and goes on with the series, ribbons and bands.</summary>
    public string Description { get; }

    /// <summary>A copy of this chart with one more series.</summary>
    public SvgChart WithSeries(ChartSeries series) => new(Title, XAxis, YAxis, [.. Series, series], Bands, Ribbons, Description);

    /// <summary>A copy of this chart with one more ribbon (drawn behind the series, listed in the legend).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A low edge is not positive on a log y axis.</exception>
    public SvgChart WithRibbon(ChartRibbon ribbon)
    {
        ArgumentNullException.ThrowIfNull(ribbon);
        return new(Title, XAxis, YAxis, Series, Bands, [.. Ribbons, ribbon], Description);
    }

    /// <summary>A copy of this chart whose SVG <c>desc</c> begins with <paramref name="description"/> (what the figure shows, for screen readers and figure legends).</summary>
    public SvgChart WithDescription(string description) => new(Title, XAxis, YAxis, Series, Bands, Ribbons, description ?? throw new ArgumentNullException(nameof(description)));

    /// <summary>A copy of this chart with one more threshold band. On a log axis a lower bound at or
    /// below zero means the band is open below; its upper bound must be positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The band's upper bound is not positive on a log y axis.</exception>
    public SvgChart WithBand(ThresholdBand band)
    {
        ArgumentNullException.ThrowIfNull(band);
        return new(Title, XAxis, YAxis, Series, [.. Bands, band], Ribbons, Description);
    }

    /// <summary>A copy of this chart with more threshold bands.</summary>
    public SvgChart WithBands(IEnumerable<ThresholdBand> bands) => bands.Aggregate(this, (chart, b) => chart.WithBand(b));

    /// <summary>The SVG document as a string.</summary>
    public string ToSvg() => Capture(WriteTo);

    /// <summary>Writes the SVG document to <paramref name="writer"/> (which is not closed).</summary>
    public void WriteTo(TextWriter writer) => WriteDocument(writer, Height, Render);

    /// <summary>The SVG document (the same as <see cref="ToSvg"/>).</summary>
    public override string ToString() => ToSvg();

    /// <summary>What <paramref name="write"/> writes, as a string.</summary>
    internal static string Capture(Action<TextWriter> write)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        write(writer);
        return writer.ToString();
    }

    /// <summary>
    /// Writes an SVG document <see cref="Width"/> wide and <paramref name="height"/> high, with a viewBox, whose content
    /// <paramref name="content"/> writes: indented, no XML declaration, leaving <paramref name="writer"/> open.
    /// </summary>
    internal static void WriteDocument(TextWriter writer, int height, Action<XmlWriter> content)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var w = XmlWriter.Create(writer, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, CloseOutput = false });
        w.WriteStartElement("svg", SvgNamespace);
        Attrs(w, ("width", Width), ("height", height));
        w.WriteAttributeString("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {Width} {height}"));
        content(w);
        w.WriteEndElement();
    }

    /// <summary>Writes the chart as an <c>svg</c> element nested at <paramref name="y"/> in a larger document.</summary>
    internal void RenderNested(XmlWriter w, double y)
    {
        w.WriteStartElement("svg", SvgNamespace);
        Attrs(w, ("y", y), ("width", Width), ("height", Height));
        Render(w);
        w.WriteEndElement();
    }

    /// <summary>Writes the chart's content into the <c>svg</c> element just opened (the caller sets its size and position).</summary>
    private void Render(XmlWriter w)
    {
        var points = Series.SelectMany(s => s.Points).ToArray();
        var ribbonPoints = Ribbons.SelectMany(r => r.Points).ToArray();
        var x = Range(XAxis, points.Select(p => p.X).Concat(ribbonPoints.Select(p => p.X)));
        var finiteBandBounds = Bands.SelectMany(b => new[] { b.Lower, b.Upper })
            .Where(v => double.IsFinite(v) && (YAxis.Scale == AxisScale.Linear || v > 0));
        var y = Range(YAxis, points.Select(p => p.Y).Concat(ribbonPoints.SelectMany(p => new[] { p.Low, p.High })).Concat(finiteBandBounds));
        double Px(double v) => Map(XAxis, x, v, Left + Inset, Right - Inset);
        double Py(double v) => Map(YAxis, y, v, Bottom - Inset, Top + Inset);

        w.WriteAttributeString("font-family", "Helvetica, Arial, sans-serif");
        w.WriteAttributeString("font-size", "12");
        w.WriteAttributeString("role", "img");
        WriteTitleAndDescription(w);
        Element(w, "rect", ("x", 0), ("y", 0), ("width", Width), ("height", Height)).Fill("white").End();

        var bandLegend = new List<(string Text, string Fill, string Ink)>();
        foreach (var band in Bands)
        {
            var top = band.Upper >= y.Max ? Top : Py(band.Upper);
            var bottom = band.Lower <= y.Min || (YAxis.Scale == AxisScale.Log10 && band.Lower <= 0) ? Bottom : Py(band.Lower);
            if (bottom - top < 0.5)
            {
                continue;
            }

            var (fill, ink) = Tone(band.Tone);
            Element(w, "rect", ("x", Left), ("y", top), ("width", Right - Left), ("height", bottom - top)).Class("band").Fill(fill).Attr("fill-opacity", "0.18").End();
            bandLegend.Add((band.Label, fill, ink));
        }

        foreach (var t in x.Minor)
        {
            Line(w, Px(t), Top, Px(t), Bottom, MinorGrid, "minor-grid", 0.5);
        }

        foreach (var t in y.Minor)
        {
            Line(w, Left, Py(t), Right, Py(t), MinorGrid, "minor-grid", 0.5);
        }

        foreach (var t in x.Ticks)
        {
            Line(w, Px(t), Top, Px(t), Bottom, Grid, "grid");
            Text(w, FormatTick(t), Px(t), Bottom + 18, "middle", "#333", "tick");
        }

        foreach (var t in y.Ticks)
        {
            Line(w, Left, Py(t), Right, Py(t), Grid, "grid");
            Text(w, FormatTick(t), Left - 8, Py(t) + 4, "end", "#333", "tick");
        }

        Element(w, "rect", ("x", Left), ("y", Top), ("width", Right - Left), ("height", Bottom - Top)).Fill("none").Attr("stroke", "#555").End();

        var legendY = Top + 12;
        foreach (var r in Ribbons)
        {
            var colour = Palette[r.PaletteIndex % Palette.Length];
            var outline = new StringBuilder();
            foreach (var p in r.Points)
            {
                outline.Append(CultureInfo.InvariantCulture, $"{Num(Px(p.X))},{Num(Py(p.High))} ");
            }

            for (var i = r.Points.Count - 1; i >= 0; i--)
            {
                outline.Append(CultureInfo.InvariantCulture, $"{Num(Px(r.Points[i].X))},{Num(Py(r.Points[i].Low))} ");
            }

            Element(w, "polygon").Class("ribbon").Attr("points", outline.ToString().TrimEnd()).Fill(colour).Attr("fill-opacity", "0.2").End();
        }

        for (var i = 0; i < Series.Count; i++)
        {
            var s = Series[i];
            var colour = Palette[(s.PaletteIndex ?? i) % Palette.Length];
            var dash = DashArray(s.Dash == LineDash.Auto ? AutoDashes[i % AutoDashes.Length] : s.Dash);
            w.WriteStartElement("g", SvgNamespace);
            w.WriteAttributeString("class", "series");
            if (s.Style != SeriesStyle.Markers)
            {
                var sb = new StringBuilder();
                foreach (var p in s.Points)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"{Num(Px(p.X))},{Num(Py(p.Y))} ");
                }

                var line = Element(w, "polyline").Attr("points", sb.ToString().TrimEnd()).Fill("none").Attr("stroke", colour).Attr("stroke-width", "2");
                (dash.Length > 0 ? line.Attr("stroke-dasharray", dash) : line).End();
            }

            if (s.Style != SeriesStyle.Line)
            {
                foreach (var p in s.Points)
                {
                    Element(w, "circle", ("cx", Px(p.X)), ("cy", Py(p.Y)), ("r", 3.5)).Fill(colour).End();
                }
            }

            w.WriteEndElement();
            legendY = Legend(w, "legend-entry", s.Name, legendY, g =>
            {
                if (s.Style != SeriesStyle.Markers)
                {
                    var line = Element(g, "line", ("x1", Right + 16), ("y1", legendY), ("x2", Right + 40), ("y2", legendY), ("stroke-width", 2)).Class("legend-line").Attr("stroke", colour);
                    (dash.Length > 0 ? line.Attr("stroke-dasharray", dash) : line).End();
                }

                if (s.Style != SeriesStyle.Line)
                {
                    Element(g, "circle", ("cx", Right + 28), ("cy", legendY), ("r", 3.5)).Fill(colour).End();
                }
            });
        }

        // Ribbons and the bands' labels are listed in the legend beside the plot, so that no label covers data.
        foreach (var r in Ribbons.Where(r => r.Name.Length > 0))
        {
            var colour = Palette[r.PaletteIndex % Palette.Length];
            legendY = Legend(w, "ribbon-legend-entry", r.Name, legendY, g =>
                Element(g, "rect", ("x", Right + 16), ("y", legendY - 6), ("width", 24), ("height", 12)).Fill(colour).Attr("fill-opacity", "0.2").End());
        }

        foreach (var (text, fill, ink) in bandLegend)
        {
            legendY = Legend(w, "band-legend-entry", text, legendY, g =>
                Element(g, "rect", ("x", Right + 16), ("y", legendY - 6), ("width", 24), ("height", 12)).Fill(fill).Attr("fill-opacity", "0.35").End(), "band-label", ink);
        }

        Text(w, Title, Width / 2.0, 24, "middle", "#111", "title", 16);
        Text(w, XAxis.Title, (Left + Right) / 2, Height - 22, "middle", "#111", "axis-title", 13);
        Text(w, YAxis.Title, 0, 0, "middle", "#111", "axis-title", 13, $"translate(22,{Num((Top + Bottom) / 2)}) rotate(-90)");
    }

    private static void CheckPositiveOnLog(ChartAxis axis, double value, string what)
    {
        if (axis.Scale == AxisScale.Log10 && !(value > 0))
        {
            throw new ArgumentOutOfRangeException(what, value, $"The {what} is {value.ToString(CultureInfo.InvariantCulture)}, but the axis '{axis.Title}' is logarithmic: every value on it must be positive.");
        }
    }

    private static AxisRange Range(ChartAxis axis, IEnumerable<double> values)
    {
        var list = values.ToList();
        if (axis.IncludeZero)
        {
            list.Add(0);
        }

        return axis.Scale == AxisScale.Log10 ? AxisRange.Log10(list.Min(), list.Max()) : AxisRange.Linear(list.Min(), list.Max());
    }

    private static double Map(ChartAxis axis, AxisRange range, double value, double from, double to)
    {
        // Halves on a linear axis: value − min may exceed double.MaxValue for data near ±1e308 (scaling by 2 is exact).
        Func<double, double> t = axis.Scale == AxisScale.Log10 ? Math.Log10 : v => v / 2;
        return from + ((t(value) - t(range.Min)) / (t(range.Max) - t(range.Min)) * (to - from));
    }

    private static (string Fill, string Ink) Tone(BandTone tone) => tone switch
    {
        BandTone.Danger => ("#d62728", "#8b1a1a"),
        BandTone.Caution => ("#ff9f1c", "#8a5200"),
        BandTone.Normal => ("#2ca02c", "#1d6b1d"),
        _ => ("#7f7f7f", "#444444"),
    };

    private static string FormatTick(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    private static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Draws one legend entry: its key (drawn by <paramref name="key"/>) and its name wrapped at word breaks; returns where the next entry goes.</summary>
    private static double Legend(XmlWriter w, string cssClass, string name, double y, Action<XmlWriter> key, string labelClass = "legend-label", string ink = "#111")
    {
        const double x = Right + 16;
        w.WriteStartElement("g", SvgNamespace);
        w.WriteAttributeString("class", cssClass);
        key(w);
        var lines = Wrap(name, LegendCharacters);
        var text = Element(w, "text", ("x", x + 30), ("y", y + 4)).Class(labelClass).Fill(ink);
        for (var i = 0; i < lines.Count; i++)
        {
            var span = Element(w, "tspan", ("x", x + 30), ("dy", i == 0 ? 0 : 15));
            w.WriteString(lines[i]);
            span.End();
        }

        text.End();
        w.WriteEndElement();
        return y + 8 + (15 * lines.Count);
    }

    /// <summary>The SVG <c>stroke-dasharray</c> of a dash pattern (empty for solid).</summary>
    private static string DashArray(LineDash dash) => dash switch
    {
        LineDash.Dashed => "8 4",
        LineDash.Dotted => "2 3",
        LineDash.DashDot => "9 3 2 3",
        _ => string.Empty,
    };

    /// <summary>The <c>title</c> and <c>desc</c> elements: the title, and what the chart shows in words.</summary>
    private void WriteTitleAndDescription(XmlWriter w)
    {
        w.WriteElementString("title", SvgNamespace, Title);
        w.WriteElementString("desc", SvgNamespace, Describe());
    }

    /// <summary>The chart in words: the given description, then the axes, series, ribbons and bands.</summary>
    internal string Describe()
    {
        var sb = new StringBuilder();
        if (Description.Length > 0)
        {
            sb.Append(Description.TrimEnd('.')).Append(". ");
        }

        sb.Append(CultureInfo.InvariantCulture, $"Line chart of {YAxis.Title}{(YAxis.Scale == AxisScale.Log10 ? " (log scale)" : "")} against {XAxis.Title}. ");
        sb.Append("Series: ").AppendJoin("; ", Series.Select(s => s.ToString())).Append('.');
        if (Ribbons.Count > 0)
        {
            sb.Append(" Shaded ribbons: ").AppendJoin("; ", Ribbons.Select(r => r.Name.Length > 0 ? r.Name : "unnamed")).Append('.');
        }

        if (Bands.Count > 0)
        {
            sb.Append(" Bands: ").AppendJoin("; ", Bands.Select(b => b.Label)).Append('.');
        }

        return sb.ToString();
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in text.Split(' '))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = current.Length == 0 ? word : $"{current} {word}";
            }
        }

        lines.Add(current);
        return lines;
    }

    private static void Line(XmlWriter w, double x1, double y1, double x2, double y2, string colour, string cssClass, double width = 1) =>
        Element(w, "line", ("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2), ("stroke-width", width)).Class(cssClass).Attr("stroke", colour).End();

    private static void Text(XmlWriter w, string text, double x, double y, string anchor, string colour, string cssClass, double size = 12, string? transform = null)
    {
        var e = Element(w, "text", ("x", x), ("y", y), ("font-size", size)).Class(cssClass).Attr("text-anchor", anchor).Fill(colour);
        if (transform is not null)
        {
            e.Attr("transform", transform);
        }

        e.Text(text);
    }

    private static ElementWriter Element(XmlWriter w, string name, params (string Name, double Value)[] attributes)
    {
        w.WriteStartElement(name, SvgNamespace);
        Attrs(w, attributes);
        return new ElementWriter(w);
    }

    private static void Attrs(XmlWriter w, params (string Name, double Value)[] attributes)
    {
        foreach (var (name, value) in attributes)
        {
            w.WriteAttributeString(name, Num(value));
        }
    }

    /// <summary>Writes attributes of the element just opened, then closes it.</summary>
    private readonly struct ElementWriter(XmlWriter w)
    {
        public ElementWriter Attr(string name, string value)
        {
            w.WriteAttributeString(name, value);
            return this;
        }

        public ElementWriter Fill(string colour) => Attr("fill", colour);

        public ElementWriter Class(string cssClass) => Attr("class", cssClass);

        public void End() => w.WriteEndElement();

        public void Text(string text)
        {
            w.WriteString(text);
            w.WriteEndElement();
        }
    }
}

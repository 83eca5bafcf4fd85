using System.Globalization;

namespace B12Dosing.Charts;

/// <summary>How an axis maps values to positions.</summary>
public enum AxisScale
{
    /// <summary>Evenly spaced values, with "nice" ticks (1, 2 or 5 times a power of ten).</summary>
    Linear,

    /// <summary>Base-10 logarithmic, with a tick at each decade; every value on the axis must be positive.</summary>
    Log10,
}

/// <summary>How a series is drawn.</summary>
public enum SeriesStyle
{
    /// <summary>A line through the points, in order.</summary>
    Line,

    /// <summary>A marker at each point and no line (for measured data points).</summary>
    Markers,

    /// <summary>A line with a marker at each point.</summary>
    LineAndMarkers,
}

/// <summary>The dash pattern of a series' line, so that series differ by more than colour (in print and for readers who do not see colours).</summary>
public enum LineDash
{
    /// <summary>By the series' position: solid, dashed, dotted, dash-dot, then again.</summary>
    Auto,

    /// <summary>A solid line.</summary>
    Solid,

    /// <summary>Long dashes.</summary>
    Dashed,

    /// <summary>Dots.</summary>
    Dotted,

    /// <summary>Dashes and dots.</summary>
    DashDot,
}

/// <summary>The colour of a threshold band, by what it means.</summary>
public enum BandTone
{
    /// <summary>Red: for example "deficiency likely".</summary>
    Danger,

    /// <summary>Amber: for example "indeterminate" or "low".</summary>
    Caution,

    /// <summary>Green: for example "deficiency unlikely" or "normal".</summary>
    Normal,

    /// <summary>Grey: a range without a judgement.</summary>
    Neutral,
}

/// <summary>One point of a chart series.</summary>
/// <param name="X">The horizontal value, in the x axis's unit.</param>
/// <param name="Y">The vertical value, in the y axis's unit.</param>
public readonly record struct ChartPoint(double X, double Y);

/// <summary>An axis: its title (with the unit, for example <c>Time (days)</c>) and its scale.</summary>
public sealed record ChartAxis
{
    /// <summary>Creates an axis.</summary>
    /// <param name="title">The axis title, including the unit in brackets.</param>
    /// <param name="scale">Linear or base-10 logarithmic.</param>
    /// <param name="includeZero">On a linear axis, extend the range to include zero (useful for amounts and levels).</param>
    /// <exception cref="ArgumentOutOfRangeException">The scale is not defined, or zero is asked for on a log axis.</exception>
    public ChartAxis(string title, AxisScale scale = AxisScale.Linear, bool includeZero = false)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (includeZero && scale == AxisScale.Log10)
        {
            throw new ArgumentOutOfRangeException(nameof(includeZero), includeZero, "A log axis cannot include zero; use a linear axis.");
        }

        Title = title;
        Scale = EnumCheck.Defined(scale, nameof(scale));
        IncludeZero = includeZero;
    }

    /// <summary>The axis title, including the unit.</summary>
    public string Title { get; }

    /// <summary>Linear or base-10 logarithmic.</summary>
    public AxisScale Scale { get; }

    /// <summary>Whether a linear axis's range is extended to include zero.</summary>
    public bool IncludeZero { get; }
}

/// <summary>A named series of points drawn in one colour.</summary>
public sealed class ChartSeries
{
    /// <summary>Creates a series; the points are copied.</summary>
    /// <param name="name">The name shown in the legend.</param>
    /// <param name="points">At least one point; every coordinate finite.</param>
    /// <param name="style">A line, markers only (for measured data) or both.</param>
    /// <exception cref="ArgumentException">There are no points, or a coordinate is NaN or infinite.</exception>
    public ChartSeries(string name, IEnumerable<ChartPoint> points, SeriesStyle style = SeriesStyle.Line)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(points);
        var copy = points.ToArray();
        if (copy.Length == 0)
        {
            throw new ArgumentException($"Series '{name}' has no points; a series needs at least one.", nameof(points));
        }

        for (var i = 0; i < copy.Length; i++)
        {
            if (!double.IsFinite(copy[i].X) || !double.IsFinite(copy[i].Y))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Series '{name}', point {i}: ({copy[i].X}, {copy[i].Y}) is not finite; every coordinate must be a finite number (no NaN or infinity)."),
                    nameof(points));
            }
        }

        Name = name;
        Points = Array.AsReadOnly(copy);
        Style = EnumCheck.Defined(style, nameof(style));
    }

    /// <summary>The name shown in the legend.</summary>
    public string Name { get; }

    /// <summary>The points, in drawing order.</summary>
    public IReadOnlyList<ChartPoint> Points { get; }

    /// <summary>How the series is drawn.</summary>
    public SeriesStyle Style { get; }

    /// <summary>
    /// The palette colour (0-7, Okabe-Ito) to draw in, so that related series (one regimen at two thresholds, a line and
    /// its ribbon) share a colour; null (the default) for the series' position in the chart.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is negative.</exception>
    public int? PaletteIndex { get; init => field = value is null or >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(PaletteIndex), value, "A palette index must be 0 or more."); }

    /// <summary>The dash pattern of the line (default <see cref="LineDash.Auto"/>: by position).</summary>
    public LineDash Dash { get; init => field = EnumCheck.Defined(value, nameof(Dash)); }

    /// <summary>Readable text such as <c>stores: 366 points, x 0 to 365, y 150 to 4368</c> (invariant culture).</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name}: {Points.Count} point{(Points.Count == 1 ? "" : "s")}, x {Points.Min(p => p.X):G6} to {Points.Max(p => p.X):G6}, y {Points.Min(p => p.Y):G6} to {Points.Max(p => p.Y):G6}");

    /// <summary>A series from parallel x and y values.</summary>
    /// <exception cref="ArgumentException">The lists differ in length, are empty, or hold a value that is not finite.</exception>
    public static ChartSeries FromValues(string name, IReadOnlyList<double> x, IReadOnlyList<double> y, SeriesStyle style = SeriesStyle.Line)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"Series '{name}': {x.Count} x values but {y.Count} y values; they must pair up.", nameof(y));
        }

        return new ChartSeries(name, x.Select((xi, i) => new ChartPoint(xi, y[i])), style);
    }
}

/// <summary>
/// A shaded horizontal band of y values with a label, such as "deficiency likely &lt; 180 ng/L".
/// A bound may be infinite to leave that side open (the band then runs to the edge of the plot).
/// </summary>
public sealed record ThresholdBand
{
    /// <summary>Creates a band from <paramref name="lower"/> to <paramref name="upper"/>.</summary>
    /// <param name="label">The label drawn inside the band.</param>
    /// <param name="lower">The lower bound; may be negative infinity for "below <paramref name="upper"/>".</param>
    /// <param name="upper">The upper bound; may be positive infinity for "above <paramref name="lower"/>".</param>
    /// <param name="tone">The band's colour by meaning.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN, the band is empty or both bounds are infinite.</exception>
    public ThresholdBand(string label, double lower, double upper, BandTone tone = BandTone.Neutral)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (double.IsNaN(lower) || double.IsPositiveInfinity(lower))
        {
            throw new ArgumentOutOfRangeException(nameof(lower), lower, $"Band '{label}': the lower bound must be a number or negative infinity.");
        }

        if (double.IsNaN(upper) || double.IsNegativeInfinity(upper) || !(upper > lower))
        {
            throw new ArgumentOutOfRangeException(nameof(upper), upper, string.Create(CultureInfo.InvariantCulture, $"Band '{label}': the upper bound must be above the lower bound ({lower}) or positive infinity."));
        }

        if (double.IsInfinity(lower) && double.IsInfinity(upper))
        {
            throw new ArgumentOutOfRangeException(nameof(upper), upper, $"Band '{label}': at least one bound must be finite.");
        }

        Label = label;
        Lower = lower;
        Upper = upper;
        Tone = EnumCheck.Defined(tone, nameof(tone));
    }

    /// <summary>The label drawn inside the band.</summary>
    public string Label { get; }

    /// <summary>The lower bound (negative infinity when open).</summary>
    public double Lower { get; }

    /// <summary>The upper bound (positive infinity when open).</summary>
    public double Upper { get; }

    /// <summary>The band's colour by meaning.</summary>
    public BandTone Tone { get; }
}

/// <summary>One point of a <see cref="ChartRibbon"/>: the lower and upper edge at one x.</summary>
/// <param name="X">The horizontal value.</param>
/// <param name="Low">The lower edge.</param>
/// <param name="High">The upper edge (not below <paramref name="Low"/>).</param>
public readonly record struct RibbonPoint(double X, double Low, double High);

/// <summary>
/// A shaded band between two curves, such as the 5th to 95th percentile of a population or a confidence interval,
/// drawn behind the series in a light shade of its palette colour, with its own legend entry.
/// </summary>
public sealed class ChartRibbon
{
    /// <summary>Creates a ribbon; the points are copied.</summary>
    /// <param name="name">The name shown in the legend, for example <c>P5-P95</c>; empty for no legend entry (several ribbons of one meaning, named once).</param>
    /// <param name="points">At least two points, every value finite and each low at most its high.</param>
    /// <param name="paletteIndex">The palette colour (match it to the series the ribbon belongs to), 0 or more.</param>
    /// <exception cref="ArgumentException">There are fewer than two points, a value is not finite, or a low is above its high.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The palette index is negative.</exception>
    public ChartRibbon(string name, IEnumerable<RibbonPoint> points, int paletteIndex)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfNegative(paletteIndex);
        var copy = points.ToArray();
        if (copy.Length < 2)
        {
            throw new ArgumentException($"Ribbon '{name}' has {copy.Length} point(s); a ribbon needs at least two.", nameof(points));
        }

        for (var i = 0; i < copy.Length; i++)
        {
            var p = copy[i];
            if (!double.IsFinite(p.X) || !double.IsFinite(p.Low) || !double.IsFinite(p.High) || p.Low > p.High)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Ribbon '{name}', point {i}: ({p.X}, {p.Low} to {p.High}) must be finite with the low at most the high."),
                    nameof(points));
            }
        }

        Name = name;
        Points = Array.AsReadOnly(copy);
        PaletteIndex = paletteIndex;
    }

    /// <summary>The name shown in the legend.</summary>
    public string Name { get; }

    /// <summary>The points, in drawing order.</summary>
    public IReadOnlyList<RibbonPoint> Points { get; }

    /// <summary>The palette colour.</summary>
    public int PaletteIndex { get; }
}

namespace B12Dosing.Charts;

/// <summary>
/// Several <see cref="SvgChart"/>s stacked vertically in one SVG document, for quantities with
/// different units over the same time (for example body stores in µg above serum B12 in pg/mL).
/// Immutable; <see cref="SvgChart.Width"/> wide and <see cref="SvgChart.Height"/> per chart, with a viewBox.
/// </summary>
public sealed class SvgFigure
{
    /// <summary>Creates a figure from one or more charts, drawn top to bottom.</summary>
    /// <exception cref="ArgumentException">There is no chart.</exception>
    public SvgFigure(IEnumerable<SvgChart> charts)
    {
        ArgumentNullException.ThrowIfNull(charts);
        Charts = [.. charts];
        if (Charts.Count == 0 || Charts.Any(c => c is null))
        {
            throw new ArgumentException("A figure needs at least one chart, and no null ones.", nameof(charts));
        }
    }

    /// <summary>The charts, top to bottom.</summary>
    public IReadOnlyList<SvgChart> Charts { get; }

    /// <summary>The height of the whole figure, in pixels.</summary>
    public int Height => SvgChart.Height * Charts.Count;

    /// <summary>The SVG document as a string.</summary>
    public string ToSvg() => SvgChart.Capture(WriteTo);

    /// <summary>Writes the SVG document to <paramref name="writer"/> (which is not closed).</summary>
    public void WriteTo(TextWriter writer) => SvgChart.WriteDocument(writer, Height, w =>
    {
        w.WriteAttributeString("role", "img");
        w.WriteElementString("title", "http://www.w3.org/2000/svg", string.Join("; ", Charts.Select(c => c.Title)));
        w.WriteElementString("desc", "http://www.w3.org/2000/svg", string.Join(" ", Charts.Select((c, i) => $"Panel {i + 1} of {Charts.Count}, {c.Title}: {c.Describe()}")));
        for (var i = 0; i < Charts.Count; i++)
        {
            Charts[i].RenderNested(w, i * SvgChart.Height);
        }
    });

    /// <summary>The SVG document (the same as <see cref="ToSvg"/>).</summary>
    public override string ToString() => ToSvg();
}

using System.Globalization;
using B12Dosing.Quantities;

namespace B12Dosing.Guidelines;

/// <summary>What a serum measurement measures.</summary>
public enum SerumAnalyte
{
    /// <summary>Total serum B12 (on haptocorrin and transcobalamin).</summary>
    TotalB12,

    /// <summary>Holotranscobalamin ("active B12"), about a quarter of the total (Nexo &amp; Hoffmann-Lücke 2011).</summary>
    ActiveB12,
}

/// <summary>What a band of serum values means.</summary>
public enum SerumStatus
{
    /// <summary>Deficiency likely (or "deficient").</summary>
    Deficient,

    /// <summary>Indeterminate, borderline or low: further tests needed.</summary>
    Indeterminate,

    /// <summary>Deficiency unlikely, adequate or within the normal range.</summary>
    Adequate,

    /// <summary>Above a laboratory's reference range.</summary>
    High,
}

/// <summary>
/// One band of a guideline: a range of values in the guideline's unit, what it means and its label.
/// A value belongs to the first band (in ascending order) whose upper bound it is below, or equal to when
/// <see cref="UpperInclusive"/>; the guideline's own wording decides which side a boundary falls on.
/// </summary>
/// <param name="Label">The guideline's words, such as <c>deficiency likely</c>.</param>
/// <param name="Status">What the band means.</param>
/// <param name="Lower">The lower bound, in <see cref="SerumGuideline.Unit"/> (0 for the lowest band).</param>
/// <param name="Upper">The upper bound, in <see cref="SerumGuideline.Unit"/> (positive infinity for the highest band).</param>
/// <param name="UpperInclusive">Whether a value equal to <paramref name="Upper"/> belongs to this band.</param>
public sealed record SerumBand(string Label, SerumStatus Status, double Lower, double Upper, bool UpperInclusive);

/// <summary>The unit a guideline states its thresholds in.</summary>
public enum SerumUnit
{
    /// <summary>pg/mL, the same as ng/L.</summary>
    PicogramsPerMilliliter,

    /// <summary>pmol/L.</summary>
    PicomolesPerLiter,
}

/// <summary>
/// A named, citable classification of serum B12, such as NICE NG239's "deficiency likely below 180 ng/L".
/// Values in the other unit are converted with the molar mass of cyanocobalamin (1 pmol/L = 1.355 pg/mL,
/// as laboratories do; shared reference §4). Use the predefined guidelines in <see cref="SerumGuidelines"/>.
/// </summary>
public sealed class SerumGuideline
{
    internal SerumGuideline(string id, string name, string source, SerumAnalyte analyte, SerumUnit unit, params SerumBand[] bands) =>
        (Id, Name, Source, Analyte, Unit, Bands) = (id, name, source, analyte, unit, Array.AsReadOnly(bands));

    /// <summary>A short identifier for the tool, such as <c>nice</c>.</summary>
    public string Id { get; }

    /// <summary>The guideline's name, such as <c>NICE NG239 (2024), total B12</c>.</summary>
    public string Name { get; }

    /// <summary>The citation.</summary>
    public string Source { get; }

    /// <summary>What the thresholds apply to (total or active B12).</summary>
    public SerumAnalyte Analyte { get; }

    /// <summary>The unit the thresholds are stated in.</summary>
    public SerumUnit Unit { get; }

    /// <summary>The bands, ascending, covering every value from 0 up.</summary>
    public IReadOnlyList<SerumBand> Bands { get; }

    /// <summary>The symbol of <see cref="Unit"/>: <c>pg/mL</c> or <c>pmol/L</c>.</summary>
    public string UnitSymbol => Unit == SerumUnit.PicogramsPerMilliliter ? "pg/mL" : "pmol/L";

    /// <summary>The band a mass concentration falls in.</summary>
    public SerumBand Classify(MassConcentration value) => Classify(Unit == SerumUnit.PicogramsPerMilliliter
        ? QuantityKinds.MassConcentration.NonNegative(value, nameof(value))
        : QuantityKinds.Molarity.InReference(value.ToMolarity(CobalaminForm.Cyanocobalamin)));

    /// <summary>The band a molar concentration falls in.</summary>
    public SerumBand Classify(Molarity value) => Classify(Unit == SerumUnit.PicomolesPerLiter
        ? QuantityKinds.Molarity.NonNegative(value, nameof(value))
        : QuantityKinds.MassConcentration.InReference(value.ToMassConcentration(CobalaminForm.Cyanocobalamin)));

    /// <summary>A band's label followed by its range in <see cref="Unit"/>, such as <c>deficiency likely &lt; 180 pg/mL</c>.</summary>
    public string Describe(SerumBand band)
    {
        ArgumentNullException.ThrowIfNull(band);
        return $"{band.Label} {Range(band)}";
    }

    /// <summary>A threshold of this guideline (in <see cref="Unit"/>) in <paramref name="unit"/>, converted with the molar
    /// mass of cyanocobalamin; infinities stay as they are.</summary>
    public double ThresholdIn(double value, SerumUnit unit) =>
        unit == Unit || double.IsInfinity(value) ? value
        : unit == SerumUnit.PicogramsPerMilliliter ? Molarity.FromPicomolesPerLiter(value).ToMassConcentration(CobalaminForm.Cyanocobalamin).PicogramsPerMilliliter
        : MassConcentration.FromPicogramsPerMilliliter(value).ToMolarity(CobalaminForm.Cyanocobalamin).PicomolesPerLiter;

    /// <summary>The guideline's name and its bands, for example <c>WHO (2008): deficient &lt; 148 pmol/L; low 148-221 pmol/L; adequate &gt; 221 pmol/L</c>.</summary>
    public override string ToString() => $"{Name}: {string.Join("; ", Bands.Select(Describe))}";

    private SerumBand Classify(double value)
    {
        foreach (var band in Bands)
        {
            if (value < band.Upper || (band.UpperInclusive && value == band.Upper))
            {
                return band;
            }
        }

        return Bands[^1];
    }

    private string Range(SerumBand b) => b switch
    {
        { Lower: 0 } => Invariant($"< {b.Upper} {UnitSymbol}"),
        { Upper: double.PositiveInfinity } => Invariant($"> {b.Lower} {UnitSymbol}"),
        _ => Invariant($"{b.Lower}-{b.Upper} {UnitSymbol}"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

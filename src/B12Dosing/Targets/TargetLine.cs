using System.Globalization;
using B12Dosing.Guidelines;
using B12Dosing.Kinetics;

namespace B12Dosing.Targets;

/// <summary>
/// The line a regimen must keep a person above: total serum B12 or holotranscobalamin at a level, such as NICE NG239's
/// "deficiency likely below 180 ng/L". Held in pmol/L (total serum converted with 1.355 pg/pmol, as laboratories do).
/// </summary>
public sealed record TargetLine
{
    private TargetLine(SerumAnalyte analyte, double picomolesPerLiter, string name)
    {
        Analyte = analyte;
        PicomolesPerLiter = picomolesPerLiter > 0 && double.IsFinite(picomolesPerLiter)
            ? picomolesPerLiter
            : throw new ArgumentOutOfRangeException("level", picomolesPerLiter, "A target level must be a finite concentration above zero.");
        Name = name;
    }

    /// <summary>What the line is of.</summary>
    public SerumAnalyte Analyte { get; }

    /// <summary>The level (pmol/L).</summary>
    public Molarity Level => Molarity.FromPicomolesPerLiter(PicomolesPerLiter);

    /// <summary>Where the line comes from, such as <c>NICE NG239 (2024), total B12: deficiency likely below 180 pg/mL</c>.</summary>
    public string Name { get; }

    /// <summary><see cref="Level"/> in pmol/L, for the kernels.</summary>
    internal double PicomolesPerLiter { get; }

    /// <summary>A line of total serum B12 at <paramref name="level"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The level is not above zero and finite.</exception>
    public static TargetLine TotalSerum(MassConcentration level) => new(
        SerumAnalyte.TotalB12,
        SerumModel.ToPicomolesPerLiter(level.PicogramsPerMilliliter),
        string.Create(CultureInfo.InvariantCulture, $"total serum B12 {level.PicogramsPerMilliliter:0.###} pg/mL"));

    /// <summary>A line of holotranscobalamin (active B12) at <paramref name="level"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The level is not above zero and finite.</exception>
    public static TargetLine HoloTranscobalamin(Molarity level) => new(
        SerumAnalyte.ActiveB12,
        level.PicomolesPerLiter,
        string.Create(CultureInfo.InvariantCulture, $"holotranscobalamin {level.PicomolesPerLiter:0.###} pmol/L"));

    /// <summary>
    /// A guideline's line: the top of its lowest band (NICE total 180 pg/mL, NICE active 25 pmol/L, WHO 148 pmol/L, the US
    /// range 200 pg/mL), below which it reads deficiency likely, deficient or low.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="guideline"/> is null.</exception>
    public static TargetLine FromGuideline(SerumGuideline guideline)
    {
        ArgumentNullException.ThrowIfNull(guideline);
        var band = guideline.Bands[0];
        var level = guideline.ThresholdIn(band.Upper, SerumUnit.PicomolesPerLiter);
        return new(guideline.Analyte, level, string.Create(CultureInfo.InvariantCulture, $"{guideline.Name}: {band.Label} below {band.Upper:0.###} {guideline.UnitSymbol}"));
    }

    /// <summary>The line's name.</summary>
    public override string ToString() => Name;
}

using B12Dosing.Guidelines;

namespace B12Dosing.Charts;

/// <summary>Serum guidelines drawn on charts.</summary>
public static class SerumGuidelineCharts
{
    /// <summary>The bands of <paramref name="guideline"/> as shaded chart bands in <paramref name="unit"/>, labelled like
    /// <c>deficiency likely &lt; 180 pg/mL</c>.</summary>
    public static IReadOnlyList<ThresholdBand> ChartBands(this SerumGuideline guideline, SerumUnit unit)
    {
        ArgumentNullException.ThrowIfNull(guideline);
        return [.. guideline.Bands.Select(b => new ThresholdBand(
            guideline.Describe(b),
            b.Lower == 0 ? double.NegativeInfinity : guideline.ThresholdIn(b.Lower, unit),
            guideline.ThresholdIn(b.Upper, unit),
            b.Status switch { SerumStatus.Deficient => BandTone.Danger, SerumStatus.Indeterminate => BandTone.Caution, SerumStatus.Adequate => BandTone.Normal, _ => BandTone.Neutral }))];
    }
}

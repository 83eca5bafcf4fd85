using B12Dosing.Guidelines;
using B12Dosing.Quantities;

namespace B12Dosing.Charts.Tests;

// Thresholds: shared reference §4 (NICE NG239 2024).
public class SerumGuidelineChartsTests
{
    [Fact]
    public void Chart_bands_carry_the_thresholds_labels_and_tones()
    {
        var bands = SerumGuidelines.NiceTotal.ChartBands(SerumUnit.PicogramsPerMilliliter);
        Assert.Equal(["deficiency likely < 180 pg/mL", "indeterminate 180-350 pg/mL", "deficiency unlikely > 350 pg/mL"], bands.Select(b => b.Label));
        Assert.Equal([double.NegativeInfinity, 180, 350], bands.Select(b => b.Lower));
        Assert.Equal([180, 350, double.PositiveInfinity], bands.Select(b => b.Upper));
        Assert.Equal([BandTone.Danger, BandTone.Caution, BandTone.Normal], bands.Select(b => b.Tone));
        var inPmol = SerumGuidelines.NiceTotal.ChartBands(SerumUnit.PicomolesPerLiter);
        Assert.Equal(180 / CobalaminForms.CyanocobalaminMolarMass.GramsPerMole * 1000, inPmol[0].Upper, 9);
    }
}

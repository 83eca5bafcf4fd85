using B12Dosing.Guidelines;
using B12Dosing.Quantities;

namespace B12Dosing.Tests.Guidelines;

// Thresholds: shared reference §4 (NICE NG239 2024; WHO, de Benoist 2008; a common US laboratory range).
// Boundaries fall where the guidelines' wording puts them: "< 180" is deficient, "180-350" includes both ends.
public class SerumGuidelineTests
{
    [Theory]
    [InlineData("nice", 0, SerumStatus.Deficient)]
    [InlineData("nice", 179.99, SerumStatus.Deficient)]
    [InlineData("nice", 180, SerumStatus.Indeterminate)]
    [InlineData("nice", 350, SerumStatus.Indeterminate)]
    [InlineData("nice", 350.01, SerumStatus.Adequate)]
    [InlineData("nice", 2000, SerumStatus.Adequate)]
    [InlineData("nice-active", 24.9, SerumStatus.Deficient)]
    [InlineData("nice-active", 25, SerumStatus.Indeterminate)]
    [InlineData("nice-active", 70, SerumStatus.Indeterminate)]
    [InlineData("nice-active", 70.1, SerumStatus.Adequate)]
    [InlineData("who", 147.9, SerumStatus.Deficient)]
    [InlineData("who", 148, SerumStatus.Indeterminate)]
    [InlineData("who", 221, SerumStatus.Indeterminate)]
    [InlineData("who", 221.1, SerumStatus.Adequate)]
    [InlineData("us-lab", 199.9, SerumStatus.Deficient)]
    [InlineData("us-lab", 200, SerumStatus.Adequate)]
    [InlineData("us-lab", 900, SerumStatus.Adequate)]
    [InlineData("us-lab", 900.1, SerumStatus.High)]
    public void Values_at_and_around_each_boundary_in_the_guidelines_own_unit(string id, double value, SerumStatus expected)
    {
        var guideline = SerumGuidelines.Get(id);
        var band = guideline.Unit == SerumUnit.PicogramsPerMilliliter
            ? guideline.Classify(MassConcentration.FromPicogramsPerMilliliter(value))
            : guideline.Classify(Molarity.FromPicomolesPerLiter(value));
        Assert.Equal(expected, band.Status);
    }

    [Fact]
    public void Bands_are_labelled_in_the_guidelines_words() =>
        Assert.Equal(["deficient", "low", "adequate"], SerumGuidelines.Who.Bands.Select(b => b.Label));

    [Fact]
    public void Values_in_the_other_unit_are_converted_with_the_cyanocobalamin_molar_mass()
    {
        // 148 pmol/L x 1.35537 pg/pmol = 200.6 pg/mL (shared reference §4: 1 pmol/L = 1.355 pg/mL).
        Assert.Equal("low", SerumGuidelines.Who.Classify(MassConcentration.FromPicogramsPerMilliliter(200.7)).Label);
        Assert.Equal("deficient", SerumGuidelines.Who.Classify(MassConcentration.FromPicogramsPerMilliliter(200.5)).Label);
        // 180 ng/L / 1.35537 = 132.8 pmol/L.
        Assert.Equal(SerumStatus.Deficient, SerumGuidelines.NiceTotal.Classify(Molarity.FromPicomolesPerLiter(132.7)).Status);
        Assert.Equal(SerumStatus.Indeterminate, SerumGuidelines.NiceTotal.Classify(Molarity.FromPicomolesPerLiter(132.9)).Status);
    }

    [Fact]
    public void Guidelines_are_found_by_id_and_unknown_ids_list_the_known_ones()
    {
        Assert.Same(SerumGuidelines.Who, SerumGuidelines.Get("WHO"));
        Assert.Equal(["nice", "nice-active", "who", "us-lab"], SerumGuidelines.All.Select(g => g.Id));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SerumGuidelines.Get("cdc"));
        Assert.Contains("us-lab", ex.Message, StringComparison.Ordinal);
        Assert.Equal("WHO (2008): deficient < 148 pmol/L; low 148-221 pmol/L; adequate > 221 pmol/L", SerumGuidelines.Who.ToString());
        Assert.All(SerumGuidelines.All, g => Assert.False(string.IsNullOrWhiteSpace(g.Source)));
    }
}

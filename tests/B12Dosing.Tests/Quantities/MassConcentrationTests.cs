using B12Dosing.Quantities;

namespace B12Dosing.Tests.Quantities;

public sealed class MassConcentrationTests : QuantityTestsBase<MassConcentration, MassConcentrationUnit>
{
    /// <summary>Unit conversions are powers of ten: exact to a few ulps, so 1e-12 relative.</summary>
    private const double Tolerance = 1e-12;

    protected override IReadOnlyList<string> ForeignUnits => ["ng", "µg", "pmol", "pmol/L", "nmol/L", "mg/dL"];

    protected override (MassConcentration Value, MassConcentration EqualInOtherUnit, MassConcentration Greater) ContractSample =>
        (MassConcentration.FromNanogramsPerMilliliter(0.4), MassConcentration.FromPicogramsPerMilliliter(400), MassConcentration.FromMicrogramsPerLiter(0.5));

    [Theory]
    [InlineData("400 pg/mL", MassConcentrationUnit.NanogramPerLiter, 400)]
    [InlineData("400 ng/L", MassConcentrationUnit.PicogramPerMilliliter, 400)]
    [InlineData("1 ng/mL", MassConcentrationUnit.PicogramPerMilliliter, 1000)]
    [InlineData("1 ng/mL", MassConcentrationUnit.MicrogramPerLiter, 1)]
    [InlineData("1 \u00b5g/L", MassConcentrationUnit.NanogramPerLiter, 1000)]
    [InlineData("1 \u03bcg/L", MassConcentrationUnit.NanogramPerLiter, 1000)]
    [InlineData("1 ug/L", MassConcentrationUnit.PicogramPerMilliliter, 1000)]
    [InlineData("1 mcg/L", MassConcentrationUnit.PicogramPerMilliliter, 1000)]
    [InlineData("350 PG/ML", MassConcentrationUnit.NanogramPerMilliliter, 0.35)]
    public void ParsesEveryUnitAndConverts(string text, MassConcentrationUnit unit, double expected) =>
        Assert.Equal(expected, MassConcentration.Parse(text).As(unit), Tolerance * expected);

    [Fact]
    public void NamedPropertiesAgreeWithTheUnits()
    {
        var c = MassConcentration.FromNanogramsPerMilliliter(0.2);
        Assert.Equal(200, c.PicogramsPerMilliliter, 1e-12);
        Assert.Equal(200, c.NanogramsPerLiter, 1e-12);
        Assert.Equal(0.2, c.NanogramsPerMilliliter);
        Assert.Equal(0.2, c.MicrogramsPerLiter, 1e-15);
        Assert.Equal(MassConcentration.FromNanogramsPerLiter(180), MassConcentration.FromPicogramsPerMilliliter(180));
    }
}

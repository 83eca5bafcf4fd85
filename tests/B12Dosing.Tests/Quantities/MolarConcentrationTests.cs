using B12Dosing.Quantities;

namespace B12Dosing.Tests.Quantities;

public sealed class MolarConcentrationTests : QuantityTestsBase<MolarConcentration, MolarConcentrationUnit>
{
    /// <summary>Unit conversions are powers of ten: exact to a few ulps, so 1e-12 relative.</summary>
    private const double Tolerance = 1e-12;

    protected override IReadOnlyList<string> ForeignUnits => ["ng", "pmol", "nmol", "pg/mL", "ng/L", "µmol/L"];

    protected override (MolarConcentration Value, MolarConcentration EqualInOtherUnit, MolarConcentration Greater) ContractSample =>
        (MolarConcentration.FromNanomolesPerLiter(0.15), MolarConcentration.FromPicomolesPerLiter(150), MolarConcentration.FromPicomolesPerLiter(221));

    [Theory]
    [InlineData("1 nmol/L", MolarConcentrationUnit.PicomolePerLiter, 1000)]
    [InlineData("148 pmol/L", MolarConcentrationUnit.NanomolePerLiter, 0.148)]
    [InlineData("148 pmol/l", MolarConcentrationUnit.PicomolePerLiter, 148)]
    [InlineData("25 pM", MolarConcentrationUnit.PicomolePerLiter, 25)]
    [InlineData("0.5 nM", MolarConcentrationUnit.PicomolePerLiter, 500)]
    public void ParsesEveryUnitAndConverts(string text, MolarConcentrationUnit unit, double expected) =>
        Assert.Equal(expected, MolarConcentration.Parse(text).As(unit), Tolerance * expected);

    [Fact]
    public void NamedPropertiesAgreeWithTheUnits()
    {
        var c = MolarConcentration.FromNanomolesPerLiter(0.221);
        Assert.Equal(221, c.PicomolesPerLiter, 1e-12);
        Assert.Equal(0.221, c.NanomolesPerLiter);
        Assert.Equal("0.221 nmol/L", c.ToString());
    }
}

using B12Dosing.Quantities;

namespace B12Dosing.Tests.Quantities;

public sealed class AmountOfSubstanceTests : QuantityTestsBase<AmountOfSubstance, AmountOfSubstanceUnit>
{
    /// <summary>Unit conversions are powers of ten: exact to a few ulps, so 1e-12 relative.</summary>
    private const double Tolerance = 1e-12;

    protected override IReadOnlyList<string> ForeignUnits => ["ng", "µg", "mg", "pg/mL", "pmol/L", "nmol/L"];

    protected override (AmountOfSubstance Value, AmountOfSubstance EqualInOtherUnit, AmountOfSubstance Greater) ContractSample =>
        (AmountOfSubstance.FromNanomoles(1), AmountOfSubstance.FromPicomoles(1000), AmountOfSubstance.FromMicromoles(1));

    [Theory]
    [InlineData("1 nmol", AmountOfSubstanceUnit.Picomole, 1000)]
    [InlineData("1 \u00b5mol", AmountOfSubstanceUnit.Nanomole, 1000)]
    [InlineData("1 \u03bcmol", AmountOfSubstanceUnit.Picomole, 1e6)]
    [InlineData("1 umol", AmountOfSubstanceUnit.Nanomole, 1000)]
    [InlineData("500 pmol", AmountOfSubstanceUnit.Nanomole, 0.5)]
    [InlineData("3 nanomoles", AmountOfSubstanceUnit.Micromole, 0.003)]
    public void ParsesEveryUnitAndConverts(string text, AmountOfSubstanceUnit unit, double expected) =>
        Assert.Equal(expected, AmountOfSubstance.Parse(text).As(unit), Tolerance * expected);

    [Fact]
    public void NamedPropertiesAgreeWithTheUnits()
    {
        var amount = AmountOfSubstance.FromNanomoles(2);
        Assert.Equal(2000, amount.Picomoles);
        Assert.Equal(2, amount.Nanomoles);
        Assert.Equal(0.002, amount.Micromoles, 1e-15);
        Assert.Equal("2 nmol", amount.ToString());
        Assert.Equal("\u00b5mol", AmountOfSubstance.GetSymbol(AmountOfSubstanceUnit.Micromole));
        Assert.Equal(AmountOfSubstanceUnit.Micromole, AmountOfSubstance.ParseUnit("μmol"));
    }
}

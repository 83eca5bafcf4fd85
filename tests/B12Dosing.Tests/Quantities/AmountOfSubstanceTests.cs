using B12Dosing.Quantities;
using UnitsNet.Units;

namespace B12Dosing.Tests.Quantities;

public sealed class AmountOfSubstanceTests : QuantityTestsBase<AmountOfSubstance, AmountOfSubstanceUnit>
{
    /// <summary>Unit conversions are powers of ten: exact to a few ulps, so 1e-12 relative.</summary>
    private const double Tolerance = 1e-12;

    internal override QuantityKind<AmountOfSubstance, AmountOfSubstanceUnit> Kind => QuantityKinds.AmountOfSubstance;

    protected override IReadOnlyList<string> ForeignUnits => ["ng", "µg", "mg", "pg/mL", "pmol/L", "nmol/L"];

    protected override AmountOfSubstance Parse(string text, IFormatProvider? provider) => QuantityText.ParseAmountOfSubstance(text, provider);

    protected override bool TryParse(string? text, IFormatProvider? provider, out AmountOfSubstance value) => QuantityText.TryParse(text, provider, out value);

    protected override string Format(AmountOfSubstance value, string? format, IFormatProvider? provider) => QuantityText.Format(value, format, provider);

    [Theory]
    [InlineData("1 nmol", AmountOfSubstanceUnit.Picomole, 1000)]
    [InlineData("1 \u00b5mol", AmountOfSubstanceUnit.Nanomole, 1000)]
    [InlineData("1 \u03bcmol", AmountOfSubstanceUnit.Picomole, 1e6)]
    [InlineData("1 umol", AmountOfSubstanceUnit.Nanomole, 1000)]
    [InlineData("500 pmol", AmountOfSubstanceUnit.Nanomole, 0.5)]
    [InlineData("3 nanomoles", AmountOfSubstanceUnit.Micromole, 0.003)]
    public void ParsesEveryUnitAndConverts(string text, AmountOfSubstanceUnit unit, double expected) =>
        Assert.Equal(expected, QuantityText.ParseAmountOfSubstance(text).As(unit), Tolerance * expected);
}

using B12Dosing.Quantities;
using UnitsNet.Units;

namespace B12Dosing.Tests.Quantities;

public sealed class MolarityTests : QuantityTestsBase<Molarity, MolarityUnit>
{
    /// <summary>Unit conversions are powers of ten: exact to a few ulps, so 1e-12 relative.</summary>
    private const double Tolerance = 1e-12;

    internal override QuantityKind<Molarity, MolarityUnit> Kind => QuantityKinds.Molarity;

    protected override IReadOnlyList<string> ForeignUnits => ["ng", "pmol", "nmol", "pg/mL", "ng/L", "µmol/L"];

    protected override Molarity Parse(string text, IFormatProvider? provider) => QuantityText.ParseMolarity(text, provider);

    protected override bool TryParse(string? text, IFormatProvider? provider, out Molarity value) => QuantityText.TryParse(text, provider, out value);

    protected override string Format(Molarity value, string? format, IFormatProvider? provider) => QuantityText.Format(value, format, provider);

    [Theory]
    [InlineData("1 nmol/L", MolarityUnit.PicomolePerLiter, 1000)]
    [InlineData("148 pmol/L", MolarityUnit.NanomolePerLiter, 0.148)]
    [InlineData("148 pmol/l", MolarityUnit.PicomolePerLiter, 148)]
    [InlineData("25 pM", MolarityUnit.PicomolePerLiter, 25)]
    [InlineData("0.5 nM", MolarityUnit.PicomolePerLiter, 500)]
    public void ParsesEveryUnitAndConverts(string text, MolarityUnit unit, double expected) =>
        Assert.Equal(expected, QuantityText.ParseMolarity(text).As(unit), Tolerance * expected);
}

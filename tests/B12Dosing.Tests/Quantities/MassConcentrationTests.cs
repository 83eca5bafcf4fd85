using B12Dosing.Quantities;
using UnitsNet.Units;

namespace B12Dosing.Tests.Quantities;

public sealed class MassConcentrationTests : QuantityTestsBase<MassConcentration, MassConcentrationUnit>
{
    /// <summary>Unit conversions are powers of ten: exact to a few ulps, so 1e-12 relative.</summary>
    private const double Tolerance = 1e-12;

    internal override QuantityKind<MassConcentration, MassConcentrationUnit> Kind => QuantityKinds.MassConcentration;

    protected override IReadOnlyList<string> ForeignUnits => ["ng", "µg", "pmol", "pmol/L", "nmol/L", "mg/dL"];

    protected override MassConcentration Parse(string text, IFormatProvider? provider) => QuantityText.ParseMassConcentration(text, provider);

    protected override bool TryParse(string? text, IFormatProvider? provider, out MassConcentration value) => QuantityText.TryParse(text, provider, out value);

    protected override string Format(MassConcentration value, string? format, IFormatProvider? provider) => QuantityText.Format(value, format, provider);

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
        Assert.Equal(expected, QuantityText.ParseMassConcentration(text).As(unit), Tolerance * expected);
}

using B12Dosing.Quantities;
using UnitsNet.Units;

namespace B12Dosing.Tests.Quantities;

public sealed class MassTests : QuantityTestsBase<Mass, MassUnit>
{
    /// <summary>Unit conversions are powers of ten: exact to a few ulps, so 1e-12 relative.</summary>
    private const double Tolerance = 1e-12;

    internal override QuantityKind<Mass, MassUnit> Kind => QuantityKinds.Mass;

    protected override IReadOnlyList<string> ForeignUnits => ["pmol", "nmol", "µmol", "pg/mL", "ng/mL", "pmol/L"];

    protected override Mass Parse(string text, IFormatProvider? provider) => QuantityText.ParseMass(text, provider);

    protected override bool TryParse(string? text, IFormatProvider? provider, out Mass value) => QuantityText.TryParse(text, provider, out value);

    protected override string Format(Mass value, string? format, IFormatProvider? provider) => QuantityText.Format(value, format, provider);

    [Theory]
    [InlineData("1 mg", MassUnit.Microgram, 1000)]
    [InlineData("1 g", MassUnit.Milligram, 1000)]
    [InlineData("1 g", MassUnit.Microgram, 1e6)]
    [InlineData("1 µg", MassUnit.Nanogram, 1000)]
    [InlineData("2500 ng", MassUnit.Microgram, 2.5)]
    [InlineData("1000 \u00b5g", MassUnit.Milligram, 1)]
    [InlineData("1000 \u03bcg", MassUnit.Milligram, 1)]
    [InlineData("1000 ug", MassUnit.Milligram, 1)]
    [InlineData("1000 mcg", MassUnit.Milligram, 1)]
    [InlineData("1000 MCG", MassUnit.Milligram, 1)]
    [InlineData("2 micrograms", MassUnit.Nanogram, 2000)]
    [InlineData("  5mg ", MassUnit.Gram, 0.005)]
    [InlineData("1e3 µg", MassUnit.Milligram, 1)]
    public void ParsesEveryUnitAndConverts(string text, MassUnit unit, double expected) =>
        Assert.Equal(expected, QuantityText.ParseMass(text).As(unit), Tolerance * expected);

    [Theory]
    [InlineData(MassUnit.Nanogram, "ng")]
    [InlineData(MassUnit.Microgram, "\u00b5g")]
    [InlineData(MassUnit.Milligram, "mg")]
    [InlineData(MassUnit.Gram, "g")]
    public void PrintsTheSymbolWithTheMicroSign(MassUnit unit, string symbol) =>
        Assert.Equal("500 " + symbol, QuantityText.Format(Mass.From(500, unit)));

    [Theory]
    [InlineData("µg", MassUnit.Microgram)]
    [InlineData("μg", MassUnit.Microgram)]
    [InlineData(" mcg ", MassUnit.Microgram)]
    [InlineData("milligrams", MassUnit.Milligram)]
    public void ParsesUnitNames(string text, MassUnit unit) => Assert.Equal(unit, QuantityText.ParseMassUnit(text));

    [Theory]
    [InlineData("IU", "no international unit")]
    [InlineData("kg", "not a mass unit")]
    public void RejectsUnknownUnitNames(string text, string reason) =>
        Assert.Contains(reason, Assert.Throws<FormatException>(() => QuantityText.ParseMassUnit(text)).Message, StringComparison.Ordinal);

    /// <summary>UnitsNet converts 1 mg to 1000.0000000000001 µg (through kg); the library's own reference value is exact.</summary>
    [Fact]
    public void OneMilligramIsExactlyAThousandMicrograms() =>
        Assert.Equal(1000, QuantityKinds.Mass.InReference(Mass.FromMilligrams(1)));
}

using B12Dosing.Quantities;

namespace B12Dosing.Tests.Quantities;

public sealed class MassTests : QuantityTestsBase<Mass, MassUnit>
{
    /// <summary>Unit conversions are powers of ten: exact to a few ulps, so 1e-12 relative.</summary>
    private const double Tolerance = 1e-12;

    protected override IReadOnlyList<string> ForeignUnits => ["pmol", "nmol", "µmol", "pg/mL", "ng/mL", "pmol/L"];

    protected override (Mass Value, Mass EqualInOtherUnit, Mass Greater) ContractSample =>
        (Mass.FromMilligrams(1), Mass.FromMicrograms(1000), Mass.FromMilligrams(1.5));

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
        Assert.Equal(expected, Mass.Parse(text).As(unit), Tolerance * expected);

    [Fact]
    public void NamedPropertiesAgreeWithTheUnits()
    {
        var mass = Mass.FromMilligrams(1);
        Assert.Equal(1e6, mass.Nanograms, 1e-6);
        Assert.Equal(1000, mass.Micrograms);
        Assert.Equal(1, mass.Milligrams);
        Assert.Equal(0.001, mass.Grams, 1e-18);
        Assert.Equal(Mass.FromGrams(0.001), Mass.FromNanograms(1e6));
    }

    [Theory]
    [InlineData(MassUnit.Nanogram, "ng")]
    [InlineData(MassUnit.Microgram, "\u00b5g")]
    [InlineData(MassUnit.Milligram, "mg")]
    [InlineData(MassUnit.Gram, "g")]
    public void PrintsTheSymbolWithTheMicroSign(MassUnit unit, string symbol)
    {
        Assert.Equal(symbol, Mass.GetSymbol(unit));
        Assert.Equal("500 " + symbol, new Mass(500, unit).ToString());
    }

    [Theory]
    [InlineData("µg", MassUnit.Microgram)]
    [InlineData("μg", MassUnit.Microgram)]
    [InlineData(" mcg ", MassUnit.Microgram)]
    [InlineData("milligrams", MassUnit.Milligram)]
    public void ParsesUnitNames(string text, MassUnit unit) => Assert.Equal(unit, Mass.ParseUnit(text));

    [Theory]
    [InlineData("IU", "no international unit")]
    [InlineData("kg", "not a mass unit")]
    public void RejectsUnknownUnitNames(string text, string reason) =>
        Assert.Contains(reason, Assert.Throws<FormatException>(() => Mass.ParseUnit(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void AnUndefinedUnitIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mass(1, (MassUnit)99));
}

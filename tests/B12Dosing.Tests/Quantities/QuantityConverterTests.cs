using System.Globalization;
using B12Dosing.Quantities;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using B12Dosing.Tests.Properties;
using B12Dosing.Tests.Shared;

namespace B12Dosing.Tests.Quantities;

public sealed class QuantityConverterTests
{
    /// <summary>
    /// Conversions the tool is documented with (issue 2) and their inverses; four significant digits,
    /// the tool's default. Within a dimension the factors are powers of ten; across, the molar masses
    /// of shared/reference/b12-published-data.md §4.
    /// </summary>
    [Theory]
    [InlineData("400 pg/mL", "pmol/L", "cyanocobalamin", "295.1 pmol/L")]
    [InlineData("295.1 pmol/L", "pg/mL", "cyanocobalamin", "400 pg/mL")]
    [InlineData("1000 µg", "nmol", "cyanocobalamin", "737.8 nmol")]
    [InlineData("1 mg", "µmol", "hydroxocobalamin", "0.7427 µmol")]
    [InlineData("0.148 nmol/L", "ng/L", "cncbl", "200.6 ng/L")]
    [InlineData("1 mg", "mcg", "", "1000 mcg")]
    [InlineData("1 mg", "\u00b5g", "", "1000 \u00b5g")]
    [InlineData("1 mg", "\u03bcg", "", "1000 \u03bcg")]
    [InlineData("1 mg", "ug", "", "1000 ug")]
    [InlineData("2500 ng", "mg", "", "0.0025 mg")]
    [InlineData("1 g", "mg", "", "1000 mg")]
    [InlineData("400 pg/mL", "ng/L", "", "400 ng/L")]
    [InlineData("400 pg/mL", "ng/mL", "", "0.4 ng/mL")]
    [InlineData("1 nmol/L", "pmol/L", "", "1000 pmol/L")]
    [InlineData("1 µmol", "pmol", "", "1000000 pmol")]
    [InlineData("1 mg", "mg", "methylcobalamin", "1 mg")]
    public void ConvertsAndKeepsTheRequestedSpelling(string quantity, string unit, string form, string expected)
    {
        var converted = form.Length == 0
            ? QuantityConverter.Convert(quantity, unit)
            : QuantityConverter.Convert(quantity, unit, CobalaminForms.Parse(form));
        Assert.Equal(expected, converted.ToString(4));
        Assert.Equal(unit, converted.Unit);
    }

    [Property]
    public bool AgreesWithTheTypedConversions(NonNegativeValue value, CobalaminForm form)
    {
        var text = QuantityText.Format(Mass.FromMicrograms(value.Value));
        return QuantityConverter.Convert(text, "pmol", form).Value == QuantityText.ParseMass(text).ToAmountOfSubstance(form).Picomoles
            && QuantityConverter.Convert(text, "mg").Value == value.Value / 1000;
    }

    [Fact]
    public void ReadsTheNumberInTheCultureGiven() =>
        Assert.Equal("1500 µg", QuantityConverter.Convert("1,5 mg", "µg", CultureInfo.GetCultureInfo("de-DE")).ToString(4));

    [Theory]
    [InlineData("400 pg/mL", "pmol/L", "needs the cobalamin form")]
    [InlineData("1 mg", "nmol", "needs the cobalamin form")]
    [InlineData("1 mg", "pg/mL", "Cannot convert")]
    [InlineData("1 nmol/L", "nmol", "Cannot convert")]
    public void ImpossibleConversionsThrowArgumentException(string quantity, string unit, string reason) =>
        Assert.Contains(reason, Assert.Throws<ArgumentException>(() => QuantityConverter.Convert(quantity, unit)).Message, StringComparison.Ordinal);

    [Fact]
    public void MassToConcentrationIsImpossibleEvenWithAForm() =>
        Assert.Throws<ArgumentException>(() => QuantityConverter.Convert("1 mg", "pmol/L", CobalaminForm.Cyanocobalamin));

    [Theory]
    [InlineData("5000 IU", "mg", "no international unit")]
    [InlineData("1 mg", "IU", "no international unit")]
    [InlineData("1 mg", "international units", "no international unit")]
    [InlineData("1 mg", "furlong", "accepted units")]
    [InlineData("1 furlong", "mg", "not a quantity unit")]
    [InlineData("1,000 ug", "mg", "ambiguous comma")]
    [InlineData("1,5 mg", "ug", "ambiguous comma")]
    [InlineData("NaN mg", "ug", "not a finite number")]
    [InlineData("1e400 mg", "ug", "not a finite number")]
    [InlineData("-1 mg", "ug", "negative")]
    [InlineData("1000", "ug", "no unit")]
    [InlineData("   ", "ug", "empty")]
    [InlineData("1 mg", "", "not a unit")]
    public void BadTextThrowsFormatException(string quantity, string unit, string reason) =>
        Assert.Contains(reason, Assert.Throws<FormatException>(() => QuantityConverter.Convert(quantity, unit)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(17)]
    public void SignificantDigitsBetweenOneAndSeventeen(int digits) =>
        Assert.EndsWith(" mg", QuantityConverter.Convert("1 mg", "mg").ToString(digits), StringComparison.Ordinal);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(18)]
    public void OtherDigitCountsAreRejected(int digits) =>
        Assert.Equal(digits, Assert.Throws<ArgumentOutOfRangeException>(() => QuantityConverter.Convert("1 mg", "mg").ToString(digits)).ActualValue);

    [Theory]
    [InlineData("123456 ng", "ng", 4, "123500 ng")]
    [InlineData("0.0001234567 mg", "mg", 4, "0.0001235 mg")]
    [InlineData("0.0001234567 mg", "mg", 2, "0.00012 mg")]
    [InlineData("400 pg/mL", "pg/mL", 1, "400 pg/mL")]
    [InlineData("1e20 ng", "ng", 4, "1E+20 ng")]
    public void RoundsToSignificantDigitsWithoutAnExponentForOrdinaryNumbers(string quantity, string unit, int digits, string expected) =>
        Assert.Equal(expected, QuantityConverter.Convert(quantity, unit).ToString(digits));

    [Fact]
    public void ToStringWithoutDigitsRoundTrips()
    {
        var converted = QuantityConverter.Convert("400 pg/mL", "pmol/L", CobalaminForm.Cyanocobalamin);
        Assert.Equal(converted.Value, double.Parse(converted.ToString().Split(' ')[0], CultureInfo.InvariantCulture));
        Assert.Equal(string.Empty, default(ConversionResult).Unit);
    }
}

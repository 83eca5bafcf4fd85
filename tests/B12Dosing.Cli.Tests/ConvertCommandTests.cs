using System.Globalization;

namespace B12Dosing.Cli.Tests;

public sealed class ConvertCommandTests
{
    /// <summary>The examples of issue 2 and the README, and the other spellings and options.</summary>
    [Theory]
    [InlineData("295.1 pmol/L", "convert", "400 pg/mL", "--to", "pmol/L", "--form", "cyanocobalamin")]
    [InlineData("1000 mcg", "convert", "1 mg", "--to", "mcg")]
    [InlineData("1000 \u00b5g", "convert", "1 mg", "--to", "\u00b5g")]
    [InlineData("1000 \u03bcg", "convert", "1 mg", "--to", "\u03bcg")]
    [InlineData("295.122 pmol/L", "convert", "400 pg/mL", "--to", "pmol/L", "--form", "cncbl", "--digits", "6")]
    [InlineData("742.7 nmol", "convert", "1 mg", "--to", "nmol", "--form", "hydroxocobalamin")]
    [InlineData("400 ng/L", "convert", "400 pg/mL", "--to", "ng/L")]
    public void PrintsTheConversionResult(string expected, params string[] args)
    {
        Assert.Equal(expected + Environment.NewLine, CliRunner.AssertSuccess(args));
    }

    [Fact]
    public void OutputDoesNotDependOnTheCurrentCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("295.1 pmol/L" + Environment.NewLine, CliRunner.Run("convert", "400 pg/mL", "--to", "pmol/L", "--form", "cyanocobalamin").Stdout);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("needs the cobalamin form", "convert", "400 pg/mL", "--to", "pmol/L")]
    [InlineData("Cannot convert", "convert", "1 mg", "--to", "pmol/L", "--form", "cyanocobalamin")]
    [InlineData("no international unit", "convert", "5000 IU", "--to", "mg")]
    [InlineData("no international unit", "convert", "1 mg", "--to", "iu")]
    [InlineData("ambiguous comma", "convert", "1,000 ug", "--to", "mg")]
    [InlineData("ambiguous comma", "convert", "1,5 mg", "--to", "ug")]
    [InlineData("not a finite number", "convert", "1e400 mg", "--to", "ug")]
    [InlineData("negative", "convert", "-1 mg", "--to", "ug")]
    [InlineData("no unit", "convert", "1000", "--to", "ug")]
    [InlineData("not a unit this library knows", "convert", "1 mg", "--to", "furlong")]
    [InlineData("not a cobalamin form", "convert", "1 mg", "--to", "nmol", "--form", "folate")]
    [InlineData("between 1 and 17", "convert", "1 mg", "--to", "ug", "--digits", "0")]
    [InlineData("--digits", "convert", "1 mg", "--to", "ug", "--digits", "many")]
    [InlineData("--to", "convert", "1 mg")]
    [InlineData("--to", "convert", "1 mg", "--to")]
    [InlineData("--bogus", "convert", "1 mg", "--to", "ug", "--bogus")]
    [InlineData("frobnicate", "frobnicate")]
    [InlineData("b12 --help", new string[0])]
    public void ErrorsAreOneLineOnStandardErrorWithExitCodeTwo(string expected, params string[] args) =>
        Assert.Contains(expected, CliRunner.AssertUsageError(args), StringComparison.Ordinal);

    [Fact]
    public void ParameterNamesOfTheLibraryDoNotLeakIntoMessages() =>
        Assert.DoesNotContain("(Parameter", CliRunner.AssertUsageError("convert", "1 mg", "--to", "ug", "--digits", "0"), StringComparison.Ordinal);
}

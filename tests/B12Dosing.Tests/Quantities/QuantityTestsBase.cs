using System.Globalization;
using B12Dosing.Quantities;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using B12Dosing.Tests.Properties;
using B12Dosing.Tests.Shared;

namespace B12Dosing.Tests.Quantities;

/// <summary>
/// The tests every quantity kind of the text layer must pass, written once: each UnitsNet quantity the library reads
/// (<see cref="Mass"/>, <see cref="AmountOfSubstance"/>, <see cref="MassConcentration"/>, <see cref="Molarity"/>) has a
/// sealed subclass that says which public <see cref="QuantityText"/> members read and write it.
/// </summary>
public abstract class QuantityTestsBase<T, TUnit>
    where T : struct, IQuantity<TUnit, double>
    where TUnit : struct, Enum
{
    /// <summary>The kind's unit table and conversions.</summary>
    internal abstract QuantityKind<T, TUnit> Kind { get; }

    /// <summary>The symbols of the other quantity types' units, which this type must reject.</summary>
    protected abstract IReadOnlyList<string> ForeignUnits { get; }

    /// <summary>The public parse method of the kind.</summary>
    protected abstract T Parse(string text, IFormatProvider? provider);

    /// <summary>The public TryParse overload of the kind.</summary>
    protected abstract bool TryParse(string? text, IFormatProvider? provider, out T value);

    /// <summary>The public Format overload of the kind.</summary>
    protected abstract string Format(T value, string? format, IFormatProvider? provider);

    private TUnit[] TableUnits => [.. Enum.GetValues<TUnit>().Where(u => Kind.Units.TryGet(u, out _))];

    private string Symbol(TUnit unit) => Kind.Symbol(unit);

    private string FirstSymbol => Symbol(Kind.Units.Reference);

    /// <summary>The kind's table units, shrinking toward its reference unit (the first).</summary>
    private Arbitrary<TUnit> Units => Arbitraries.OneOf([Kind.Units.Reference, .. TableUnits.Where(u => !u.Equals(Kind.Units.Reference))]);

    [Property]
    public Property FormatThenParseGivesTheSameValueAndUnit(NonNegativeValue q, CultureInfo culture) =>
        Prop.ForAll(Units, unit =>
        {
            var value = Kind.From(q.Value, unit);
            var parsed = Parse(Format(value, null, culture), culture);
            return parsed.Unit.Equals(unit) && parsed.Value == q.Value;
        });

    /// <summary>Every culture .NET ships, including those whose decimal separator is neither '.' nor ',' (ar-SA, fa-IR: U+066B) and whose minus is U+2212 or carries bidi marks.</summary>
    [Fact]
    public void FormatThenParseRoundTripsInEveryCulture()
    {
        double[] values = [0, 1, 1234.5, 1.0 / 3, 2.5e-5, 6.02e23, 1e-250, 123456789.125];
        var failures = new List<string>();
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.AllCultures))
        {
            foreach (var unit in TableUnits)
            {
                foreach (var v in values)
                {
                    var value = Kind.From(v, unit);
                    var text = Format(value, null, culture);
                    if (!TryParse(text, culture, out var parsed) || parsed.Value != v || !parsed.Unit.Equals(unit))
                    {
                        failures.Add($"{culture.Name}: '{text}'");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} round trips failed, first: {string.Join("; ", failures.Take(5))}");
    }

    [Property]
    public Property InvariantFormatParsesBackWithoutACulture(NonNegativeValue q) =>
        Prop.ForAll(Units, unit =>
        {
            var value = Kind.From(q.Value, unit);
            return Parse(Format(value, null, null), null).Value == q.Value;
        });

    [Property]
    public Property InReferenceIsExactForTheTableUnits(NonNegativeValue q) =>
        Prop.ForAll(Units, unit =>
        {
            Assert.True(Kind.Units.TryGet(unit, out var spelling));
            var expected = spelling.Exponent >= 0 ? q.Value * Math.Pow(10, spelling.Exponent) : q.Value / Math.Pow(10, -spelling.Exponent);
            return Kind.InReference(Kind.From(q.Value, unit)) == expected;
        });

    [Property]
    public Property InReferenceAgreesWithUnitsNet(NonNegativeValue q) =>
        Prop.ForAll(Units, unit =>
        {
            var value = Kind.From(q.Value, unit);
            var ours = Kind.InReference(value);
            return Math.Abs(ours - value.As(Kind.Units.Reference)) <= 1e-12 * ours;
        });

    [Property]
    public Property InvalidTextThrowsFormatExceptionAndTryParseReturnsFalse() =>
        Prop.ForAll(Arbitraries.Text(QuantityGenerators.InvalidTexts(TableUnits.Select(Symbol).ToArray(), ForeignUnits)), text =>
        {
            var e = Assert.Throws<FormatException>(() => Parse(text, null));
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            Assert.False(TryParse(text, null, out _));
        });

    [Property]
    public bool AnyTextParsesOrThrowsOnlyFormatException(NonNull<string> text, CultureInfo culture)
    {
        var ok = TryParse(text.Get, culture, out var tried);
        try
        {
            var parsed = Parse(text.Get, culture);
            return ok && parsed.Value == tried.Value && parsed.Unit.Equals(tried.Unit);
        }
        catch (FormatException)
        {
            return !ok;
        }
    }

    [Theory]
    [InlineData("5000 IU")]
    [InlineData("5000 iu")]
    [InlineData("5000 international units")]
    [InlineData("5000 I.U.")]
    public void InternationalUnitsAreRejectedWithAnExplanation(string text)
    {
        var e = Assert.Throws<FormatException>(() => Parse(text, null));
        Assert.Contains("no international unit", e.Message, StringComparison.Ordinal);
        Assert.Contains("µg", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,000")]
    [InlineData("1,5")]
    public void AnAmbiguousCommaIsRejectedInTheInvariantCultureButIsADecimalCommaInGerman(string number)
    {
        var text = number + " " + FirstSymbol;
        var e = Assert.Throws<FormatException>(() => Parse(text, null));
        Assert.Contains(text, e.Message, StringComparison.Ordinal);
        Assert.Contains("ambiguous comma", e.Message, StringComparison.Ordinal);

        var german = Parse(text, CultureInfo.GetCultureInfo("de-DE"));
        Assert.Equal(double.Parse(number, CultureInfo.GetCultureInfo("de-DE")), german.Value);
    }

    [Fact]
    public void APointIsNotADecimalSeparatorInGerman() =>
        Assert.Throws<FormatException>(() => Parse("1.5 " + FirstSymbol, CultureInfo.GetCultureInfo("de-DE")));

    [Theory]
    [InlineData("NaN", "not a finite number")]
    [InlineData("Infinity", "not a finite number")]
    [InlineData("-Infinity", "not a finite number")]
    [InlineData("1e400", "not a finite number")]
    [InlineData("-1", "negative")]
    [InlineData("", "does not start with a number")]
    [InlineData("1e-400", "too small")]
    [InlineData("0.0000e-500", null)]
    public void EachBadNumberIsNamedInTheMessage(string number, string? reason)
    {
        var text = number + " " + Symbol(TableUnits[^1]);
        if (reason is null)
        {
            // A zero written with an exponent is zero, not an underflow.
            Assert.Equal(0, Parse(text, null).Value);
            return;
        }

        var e = Assert.Throws<FormatException>(() => Parse(text, null));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.Contains(text, e.Message, StringComparison.Ordinal);
        Assert.Contains(FirstSymbol, e.Message, StringComparison.Ordinal);
    }

    /// <summary>A value that is a double but would be zero (or subnormal) in the largest unit, or UnitsNet's base unit, is refused, not stored as zero.</summary>
    [Fact]
    public void NoTextUnderflowsToZero()
    {
        foreach (var unit in TableUnits)
        {
            Assert.Contains("too small", Assert.Throws<FormatException>(() => Parse("4.9e-324 " + Symbol(unit), null)).Message, StringComparison.Ordinal);
            Assert.Contains("too small", Assert.Throws<FormatException>(() => Parse("1e-305 " + Symbol(unit), null)).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ATooLargeValueIsRefused()
    {
        // 1.7e308 is a double, but it would be infinite in any smaller unit.
        var largest = TableUnits.MaxBy(u => Kind.Units.TryGet(u, out var s) ? s.Exponent : 0);
        Assert.Contains("too large", Assert.Throws<FormatException>(() => Parse("1.7e308 " + Symbol(largest), null)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("500")]
    [InlineData("500 furlong")]
    public void MissingOrUnknownUnitIsRejected(string text) =>
        Assert.Throws<FormatException>(() => Parse(text, null));

    [Fact]
    public void NullTextThrowsArgumentNullExceptionAndTryParseReturnsFalse()
    {
        Assert.Throws<ArgumentNullException>(() => Parse(null!, null));
        Assert.False(TryParse(null, null, out var none));
        Assert.Equal(0, none.Value);
    }

    [Fact]
    public void NegativeZeroIsReadAndWrittenAsZero()
    {
        Assert.Equal("0 " + FirstSymbol, Format(Parse("-0 " + FirstSymbol, null), null, null));
        Assert.Equal("0 " + FirstSymbol, Format(Kind.From(-0.0, Kind.Units.Reference), null, null));
    }

    [Fact]
    public void FormattingAppliesTheNumericFormatAndCulture()
    {
        var unit = Kind.Units.Reference;
        var value = Kind.From(1234.5, unit);
        Assert.Equal("1234.5 " + Symbol(unit), Format(value, null, null));
        Assert.Equal("1234.50 " + Symbol(unit), Format(value, "F2", null));
        Assert.Equal("1234,50 " + Symbol(unit), Format(value, "F2", CultureInfo.GetCultureInfo("de-DE")));
    }

    [Fact]
    public void AUnitsNetUnitOutsideTheTableIsWrittenInTheReferenceUnit()
    {
        var other = Enum.GetValues<TUnit>().First(u => !Kind.Units.TryGet(u, out _));
        var value = Kind.From(2, other);
        var text = Format(value, null, null);
        Assert.EndsWith(" " + FirstSymbol, text, StringComparison.Ordinal);
        Assert.Equal(value.As(Kind.Units.Reference), Parse(text, null).Value, 12);
    }

    [Fact]
    public void NonNegativeRefusesNegativeQuantities()
    {
        Assert.Equal(1, Kind.NonNegative(Kind.From(1, Kind.Units.Reference), "x"));
        Assert.Equal("x", Assert.Throws<ArgumentOutOfRangeException>(() => Kind.NonNegative(Kind.From(-1, Kind.Units.Reference), "x")).ParamName);
    }
}

using System.Globalization;
using System.Numerics;
using B12Dosing.Quantities;
using FsCheck;
using FsCheck.Fluent;

namespace B12Dosing.Tests.Quantities;

/// <summary>
/// The tests every quantity type must pass, written once: each quantity type has a sealed subclass
/// that says how to create and read its values, and xunit runs these facts and properties for each.
/// </summary>
public abstract class QuantityTestsBase<T, TUnit>
    where T : struct, IQuantity<T, TUnit>, IDivisionOperators<T, T, double>
    where TUnit : struct, Enum
{
    /// <summary>Relative tolerance of a unit round trip: two multiplications by powers of ten, a few ulps (2.2e-16 each).</summary>
    private const double RoundTripTolerance = 1e-12;

    private static readonly TUnit[] AllUnits = Enum.GetValues<TUnit>();

    /// <summary>The symbols of the other quantity types' units, which this type must reject.</summary>
    protected abstract IReadOnlyList<string> ForeignUnits { get; }

    /// <summary>A value, the same value in another unit, and a larger value, for the contract fact.</summary>
    protected abstract (T Value, T EqualInOtherUnit, T Greater) ContractSample { get; }

    private Arbitrary<(double Value, TUnit Unit)> Quantities =>
        (from value in QuantityGenerators.Values
         from unit in Gen.Elements(AllUnits)
         select (value, unit)).ToArbitrary();

    [Fact]
    public void EqualityAndOrderingContract()
    {
        var (value, equal, greater) = ContractSample;
        Assert.NotEqual(value.Unit, equal.Unit);
        QuantityContract.AssertEqualityAndOrdering(value, equal, greater);
    }

    [Fact]
    public void EqualityAndOrderingContractHoldsForAnyValue() =>
        Prop.ForAll(Quantities, q =>
        {
            var value = T.From(q.Value, q.Unit);
            QuantityContract.AssertEqualityAndOrdering(value, T.From(q.Value, q.Unit), T.From((q.Value * 2) + 1, q.Unit));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void FormatThenParseGivesTheSameValueAndUnit() =>
        Prop.ForAll(Quantities, QuantityGenerators.Cultures.ToArbitrary(), (q, culture) =>
        {
            var value = T.From(q.Value, q.Unit);
            var parsed = T.Parse(value.ToString(null, culture), culture);
            return parsed.Equals(value) && parsed.Unit.Equals(q.Unit) && parsed.Value == q.Value;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void InvariantToStringParsesBackWithoutACulture() =>
        Prop.ForAll(Quantities, q =>
        {
            var value = T.From(q.Value, q.Unit);
            return T.Parse(value.ToString(), provider: null).Equals(value);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void ConvertingToAnotherUnitAndBackIsTheIdentity() =>
        Prop.ForAll(Quantities, Gen.Elements(AllUnits).ToArbitrary(), (q, other) =>
        {
            var back = T.From(q.Value, q.Unit).ToUnit(other).As(q.Unit);
            return Math.Abs(back - q.Value) <= RoundTripTolerance * q.Value;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void OrderingAgreesWithTheValueInACommonUnit()
    {
        // The second quantity is often the first one converted, so that equal amounts in different units are tried.
        var pairs = (from a in Quantities.Generator
                     from b in Gen.OneOf(Quantities.Generator, Gen.Elements(AllUnits).Select(u => (T.From(a.Value, a.Unit).As(u), u)))
                     from common in Gen.Elements(AllUnits)
                     select (a, b, common)).ToArbitrary();
        Prop.ForAll(pairs, p =>
        {
            var (a, b) = (T.From(p.a.Value, p.a.Unit), T.From(p.b.Item1, p.b.Item2));

            // In the base unit (factor 1) the order is exactly the order of the values.
            var (x, y) = (a.As(T.BaseUnit), b.As(T.BaseUnit));
            var exact = x.CompareTo(y) == a.CompareTo(b) && (a == b) == (x == y) && (a < b) == (x < y) && (a > b) == (x > y);

            // In any other unit, values within a few ulps (1e-12 relative) may round either way.
            var (u, v) = (a.As(p.common), b.As(p.common));
            var margin = RoundTripTolerance * Math.Max(u, v);
            var inCommonUnit = (!(u < v - margin) || a < b) && (!(u > v + margin) || a > b);
            return exact && inCommonUnit;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void InvalidTextThrowsFormatExceptionAndTryParseReturnsFalse() =>
        Prop.ForAll(QuantityGenerators.InvalidTexts(AllUnits.Select(T.GetSymbol).ToArray(), ForeignUnits).ToArbitrary(), text =>
        {
            var e = Assert.Throws<FormatException>(() => T.Parse(text, null));
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            Assert.False(T.TryParse(text, null, out _));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void AnyTextParsesOrThrowsOnlyFormatException() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), QuantityGenerators.Cultures.ToArbitrary(), (text, culture) =>
        {
            var ok = T.TryParse(text.Get, culture, out var tried);
            try
            {
                var parsed = T.Parse(text.Get, culture);
                return ok && parsed.Equals(tried);
            }
            catch (FormatException)
            {
                return !ok;
            }
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData("5000 IU")]
    [InlineData("5000 iu")]
    [InlineData("5000 international units")]
    [InlineData("5000 I.U.")]
    public void InternationalUnitsAreRejectedWithAnExplanation(string text)
    {
        var e = Assert.Throws<FormatException>(() => T.Parse(text, null));
        Assert.Contains("no international unit", e.Message, StringComparison.Ordinal);
        Assert.Contains("µg", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,000")]
    [InlineData("1,5")]
    public void AnAmbiguousCommaIsRejectedInTheInvariantCultureButIsADecimalCommaInGerman(string number)
    {
        var text = number + " " + T.GetSymbol(AllUnits[0]);
        var e = Assert.Throws<FormatException>(() => T.Parse(text, null));
        Assert.Contains(text, e.Message, StringComparison.Ordinal);
        Assert.Contains("ambiguous comma", e.Message, StringComparison.Ordinal);

        var german = T.Parse(text, CultureInfo.GetCultureInfo("de-DE"));
        Assert.Equal(double.Parse(number, CultureInfo.GetCultureInfo("de-DE")), german.Value);
    }

    [Fact]
    public void APointIsNotADecimalSeparatorInGerman() =>
        Assert.Throws<FormatException>(() => T.Parse("1.5 " + T.GetSymbol(AllUnits[0]), CultureInfo.GetCultureInfo("de-DE")));

    [Theory]
    [InlineData("NaN", "not a finite number")]
    [InlineData("Infinity", "not a finite number")]
    [InlineData("1e400", "not a finite number")]
    [InlineData("-1", "negative")]
    [InlineData("", "does not start with a number")]
    public void EachBadNumberIsNamedInTheMessage(string number, string reason)
    {
        var text = number + " " + T.GetSymbol(AllUnits[^1]);
        var e = Assert.Throws<FormatException>(() => T.Parse(text, null));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.Contains(T.GetSymbol(AllUnits[0]), e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("500")]
    [InlineData("500 furlong")]
    public void MissingOrUnknownUnitIsRejected(string text) =>
        Assert.Throws<FormatException>(() => T.Parse(text, null));

    [Fact]
    public void NullTextThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => ParseString<T>(null!));

    /// <summary>Calls the string overload: with C# 14's span conversions, T.Parse(string) may bind to the span overload.</summary>
    private static TParsable ParseString<TParsable>(string text)
        where TParsable : IParsable<TParsable> => TParsable.Parse(text, null);

    [Fact]
    public void NegativeZeroIsStoredAsZero() =>
        Assert.Equal("0 " + T.GetSymbol(AllUnits[0]), T.Parse("-0 " + T.GetSymbol(AllUnits[0]), null).ToString());

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-1e-300)]
    [InlineData(-1)]
    public void FactoriesRejectNonFiniteAndNegativeValues(double value)
    {
        foreach (var unit in AllUnits)
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => T.From(value, unit));
            Assert.Equal(value, e.ActualValue);
        }
    }

    [Fact]
    public void ArithmeticOfLikeQuantities()
    {
        foreach (var unit in AllUnits)
        {
            var (three, two) = (T.From(3, unit), T.From(2, unit));
            Assert.Equal(T.From(5, unit), three + two);
            Assert.Equal(T.From(1, unit), three - two);
            Assert.Equal(T.From(4.5, unit), three * 1.5);
            Assert.Equal(T.From(1.5, unit), three / 2);
            Assert.Equal(1.5, three / two);
            Assert.Equal(unit, (three + T.From(1, AllUnits[0])).Unit);
        }
    }

    [Fact]
    public void ArithmeticThatWouldLeaveTheValidRangeThrows()
    {
        var (one, two) = (T.From(1, AllUnits[0]), T.From(2, AllUnits[0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => one - two);
        Assert.Throws<ArgumentOutOfRangeException>(() => one * -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => one * double.NaN);
        Assert.Throws<ArgumentOutOfRangeException>(() => one / 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => T.From(1e308, AllUnits[0]) * 10);
    }

    /// <summary>No NaN or infinity leaves a quantity: 0 / 0 would be NaN and 1 / 0 infinite.</summary>
    [Fact]
    public void RatioByZeroThrows()
    {
        var (zero, one) = (T.From(0, AllUnits[0]), T.From(1, AllUnits[0]));
        Assert.Equal("right", Assert.Throws<ArgumentOutOfRangeException>(() => one / zero).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => zero / zero);
        Assert.Equal(0, zero / one);
    }

    [Fact]
    public void FormattingAppliesTheNumericFormatAndCulture()
    {
        var unit = AllUnits[0];
        var value = T.From(1234.5, unit);
        Assert.Equal("1234.5 " + T.GetSymbol(unit), value.ToString());
        Assert.Equal("1234.50 " + T.GetSymbol(unit), value.ToString("F2", null));
        Assert.Equal("1234,50 " + T.GetSymbol(unit), value.ToString("F2", CultureInfo.GetCultureInfo("de-DE")));
        Assert.Equal("1234.5 " + T.GetSymbol(unit), $"{value}");
    }

    [Fact]
    public void TryFormatFailsWhenTheSpanIsTooSmall()
    {
        var value = T.From(1234.5, AllUnits[0]);
        var expected = value.ToString(null, null);
        Span<char> small = stackalloc char[expected.Length - 1];
        Assert.False(((ISpanFormattable)value).TryFormat(small, out var none, default, null));
        Assert.Equal(0, none);
        Span<char> exact = stackalloc char[expected.Length];
        Assert.True(((ISpanFormattable)value).TryFormat(exact, out var written, default, null));
        Assert.Equal(expected, exact[..written].ToString());
    }

    [Fact]
    public void ZeroIsTheDefault() => Assert.Equal(T.From(0, AllUnits[^1]), default);
}

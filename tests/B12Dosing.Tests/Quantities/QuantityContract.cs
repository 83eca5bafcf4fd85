using System.Numerics;

namespace B12Dosing.Tests.Quantities;

/// <summary>
/// Checks the equality and ordering contract once for every quantity type, in the style of NodaTime's
/// TestHelper: <c>Equals</c> (typed and object), <c>GetHashCode</c>, <c>CompareTo</c> (typed and object)
/// and the six operators must all agree.
/// </summary>
internal static class QuantityContract
{
    /// <summary>
    /// Asserts the contract for <paramref name="value"/>, an <paramref name="equalValue"/> (ideally in
    /// another unit) and a strictly <paramref name="greaterValue"/>.
    /// </summary>
    public static void AssertEqualityAndOrdering<T>(T value, T equalValue, T greaterValue)
        where T : struct, IEquatable<T>, IComparable<T>, IComparable, IComparisonOperators<T, T, bool>
    {
        AssertEqual(value, equalValue);
        AssertEqual(equalValue, value);
        AssertEqual(value, value);
        AssertLess(value, greaterValue);
        AssertLess(equalValue, greaterValue);

        Assert.False(value.Equals(null));
        Assert.False(value.Equals("not a quantity"));
        Assert.Equal(1, value.CompareTo(null));
        Assert.Throws<ArgumentException>(() => value.CompareTo("not a quantity"));
    }

    private static void AssertEqual<T>(T a, T b)
        where T : struct, IEquatable<T>, IComparable<T>, IComparable, IComparisonOperators<T, T, bool>
    {
        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(0, a.CompareTo(b));
        Assert.Equal(0, a.CompareTo((object)b));
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.False(a < b);
        Assert.False(a > b);
        Assert.True(a <= b);
        Assert.True(a >= b);
    }

    private static void AssertLess<T>(T less, T greater)
        where T : struct, IEquatable<T>, IComparable<T>, IComparable, IComparisonOperators<T, T, bool>
    {
        Assert.False(less.Equals(greater));
        Assert.False(less.Equals((object)greater));
        Assert.True(less.CompareTo(greater) < 0);
        Assert.True(greater.CompareTo(less) > 0);
        Assert.True(less.CompareTo((object)greater) < 0);
        Assert.False(less == greater);
        Assert.True(less != greater);
        Assert.True(less < greater);
        Assert.False(less > greater);
        Assert.True(less <= greater);
        Assert.False(less >= greater);
        Assert.True(greater > less);
        Assert.True(greater >= less);
    }
}

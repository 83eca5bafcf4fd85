using System.Numerics;

namespace B12Dosing.Quantities;

/// <summary>
/// What every quantity type of the library offers (after UnitsNet's <c>IQuantity&lt;TUnit&gt;</c>), so
/// that generic code can create, convert, compare, add, scale, parse and format any of them:
/// <see cref="Mass"/>, <see cref="AmountOfSubstance"/>, <see cref="MassConcentration"/>, <see cref="MolarConcentration"/>.
/// </summary>
/// <remarks>Each type also divides by itself (<c>IDivisionOperators&lt;TSelf, TSelf, double&gt;</c>), which an interface cannot both inherit and stay generic.</remarks>
/// <typeparam name="TSelf">The quantity type itself.</typeparam>
/// <typeparam name="TUnit">Its unit enum.</typeparam>
public interface IQuantity<TSelf, TUnit> :
    IEquatable<TSelf>, IComparable<TSelf>, IComparable, ISpanFormattable, ISpanParsable<TSelf>,
    IComparisonOperators<TSelf, TSelf, bool>, IAdditionOperators<TSelf, TSelf, TSelf>, ISubtractionOperators<TSelf, TSelf, TSelf>,
    IMultiplyOperators<TSelf, double, TSelf>, IDivisionOperators<TSelf, double, TSelf>
    where TSelf : struct, IQuantity<TSelf, TUnit>
    where TUnit : struct, Enum
{
    /// <summary>The unit whose factor is 1: the type compares, hashes and adds values in this unit.</summary>
    static abstract TUnit BaseUnit { get; }

    /// <summary>The value in <see cref="Unit"/>.</summary>
    double Value { get; }

    /// <summary>The unit the quantity was created in; it prints in this unit.</summary>
    TUnit Unit { get; }

    /// <summary>Creates a quantity of <paramref name="value"/> in <paramref name="unit"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite or negative, or the unit is undefined.</exception>
    static abstract TSelf From(double value, TUnit unit);

    /// <summary>The symbol a unit prints with.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The unit is undefined.</exception>
    static abstract string GetSymbol(TUnit unit);

    /// <summary>The quantity expressed in <paramref name="unit"/>.</summary>
    double As(TUnit unit);

    /// <summary>The same quantity, created in <paramref name="unit"/>.</summary>
    TSelf ToUnit(TUnit unit);
}

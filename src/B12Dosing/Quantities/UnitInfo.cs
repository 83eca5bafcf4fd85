using System.Globalization;

namespace B12Dosing.Quantities;

/// <summary>
/// One unit of a quantity: the symbol it prints with, the other spellings it parses from (symbol and
/// spellings match ignoring case, so <c>pg/ml</c> needs no entry), and the factor that turns a value in this
/// unit into the quantity's base unit.
/// </summary>
internal readonly record struct UnitInfo<TUnit>(TUnit Unit, string Symbol, double ToBase, string[] Aliases)
    where TUnit : struct, Enum;

/// <summary>What parsing messages say about the units of one quantity (or of several).</summary>
internal interface IUnitNames
{
    /// <summary>The quantity's name, used in error messages.</summary>
    string QuantityName { get; }

    /// <summary>The symbols of every unit, for error messages.</summary>
    string AcceptedSymbols { get; }
}

/// <summary>The units of one quantity, looked up by spelling, whatever the unit enum.</summary>
internal interface IUnitTable : IUnitNames
{
    /// <summary>Finds a unit by spelling and returns the factor to the quantity's base unit.</summary>
    bool TryFindFactor(ReadOnlySpan<char> text, out double toBase);

    /// <summary>True when a value in a unit of factor <paramref name="toBase"/> stays finite in every unit.</summary>
    bool FitsEveryUnit(double value, double toBase);
}

/// <summary>The units of one quantity, looked up by enum value or by spelling.</summary>
internal sealed class UnitTable<TUnit> : IUnitTable
    where TUnit : struct, Enum
{
    private readonly UnitInfo<TUnit>[] _units;
    private readonly double _smallestToBase;

    public UnitTable(string quantityName, params UnitInfo<TUnit>[] units)
    {
        QuantityName = quantityName;
        _units = units;
        _smallestToBase = units.Min(u => u.ToBase);
        AcceptedSymbols = string.Join(", ", units.Select(u => u.Symbol));
    }

    /// <summary>The quantity's name, used in error messages.</summary>
    public string QuantityName { get; }

    /// <summary>The symbols of every unit, for error messages.</summary>
    public string AcceptedSymbols { get; }

    public UnitInfo<TUnit> this[TUnit unit]
    {
        get
        {
            foreach (var u in _units)
            {
                if (EqualityComparer<TUnit>.Default.Equals(u.Unit, unit))
                {
                    return u;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(unit), unit, $"Unknown {QuantityName} unit; accepted units: {AcceptedSymbols}.");
        }
    }

    /// <summary>
    /// True when <paramref name="value"/>, in a unit whose factor is <paramref name="toBase"/>, stays finite in every
    /// unit of the table: 1e308 g would be infinite in µg, and infinities must not travel out of a quantity.
    /// </summary>
    public bool FitsEveryUnit(double value, double toBase) => double.IsFinite(value * (toBase / _smallestToBase));

    /// <summary>Checks a value for a quantity's constructor (finite, not negative, finite in every unit); stores -0 as 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The unit is unknown, or the value is NaN, infinite, negative or too large.</exception>
    public double CheckValue(double value, TUnit unit)
    {
        var info = this[unit];
        if (!(value >= 0) || !FitsEveryUnit(value, info.ToBase))
        {
            var largest = double.MaxValue / (info.ToBase / _smallestToBase);
            throw new ArgumentOutOfRangeException(nameof(value), value, string.Create(CultureInfo.InvariantCulture, $"A {QuantityName} must be a finite, non-negative number, at most {largest:G3} {info.Symbol} (so that it is finite in every unit)."));
        }

        // -0 passes the check above; store +0 so that it prints as "0".
        return value == 0 ? 0 : value;
    }

    public bool TryFindFactor(ReadOnlySpan<char> text, out double toBase)
    {
        var found = TryFind(text, out var info);
        toBase = info.ToBase;
        return found;
    }

    public bool TryFind(ReadOnlySpan<char> text, out UnitInfo<TUnit> info)
    {
        foreach (var u in _units)
        {
            if (text.Equals(u.Symbol, StringComparison.OrdinalIgnoreCase))
            {
                info = u;
                return true;
            }

            foreach (var alias in u.Aliases)
            {
                if (text.Equals(alias, StringComparison.OrdinalIgnoreCase))
                {
                    info = u;
                    return true;
                }
            }
        }

        info = default;
        return false;
    }

    /// <summary>Finds a unit by spelling or throws a <see cref="FormatException"/> that lists the accepted ones.</summary>
    public TUnit ParseUnit(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().Trim();
        if (TryFind(trimmed, out var info))
        {
            return info.Unit;
        }

        throw new FormatException(QuantityText.IsInternationalUnit(trimmed)
            ? QuantityText.InternationalUnitMessage
            : $"'{text}' is not a {QuantityName} unit; accepted units: {AcceptedSymbols}.");
    }
}

namespace B12Dosing.Quantities;

/// <summary>
/// One unit the text layer reads and writes: the UnitsNet unit, the symbol it prints with, the other spellings it
/// parses from (symbol and spellings match ignoring case, so <c>pg/ml</c> needs no entry), and its size as a power of
/// ten of the quantity's reference unit (µg, pmol, pg/mL, pmol/L), so that conversions between these units are a
/// single multiplication or division by an exact power of ten.
/// </summary>
internal readonly record struct UnitSpelling<TUnit>(TUnit Unit, string Symbol, int Exponent, string[] Aliases)
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
    /// <summary>Finds a unit by spelling and returns its power of ten of the reference unit.</summary>
    bool TryFindExponent(ReadOnlySpan<char> text, out int exponent);

    /// <summary>Why a value in a unit of <paramref name="exponent"/> cannot be a quantity (infinite or zero in some unit), or null.</summary>
    string? RangeProblem(double value, int exponent);
}

/// <summary>The units of one quantity, looked up by UnitsNet unit or by spelling.</summary>
internal sealed class UnitTable<TUnit> : IUnitTable
    where TUnit : struct, Enum
{
    private readonly UnitSpelling<TUnit>[] _units;
    private readonly int _smallest;
    private readonly int _largest;

    /// <param name="quantityName">The quantity's name in messages, such as <c>mass</c>.</param>
    /// <param name="baseExponent">The power of ten of UnitsNet's base unit of the quantity (kg is 1e9 µg): a value
    /// must also stay finite and non-zero there, where UnitsNet compares and converts.</param>
    /// <param name="units">The units, the reference unit (exponent 0) first.</param>
    public UnitTable(string quantityName, int baseExponent, params UnitSpelling<TUnit>[] units)
    {
        QuantityName = quantityName;
        _units = units;
        Reference = units[0].Unit;
        BaseExponent = baseExponent;
        _smallest = Math.Min(baseExponent, units.Min(u => u.Exponent));
        _largest = Math.Max(baseExponent, units.Max(u => u.Exponent));
        AcceptedSymbols = string.Join(", ", units.Select(u => u.Symbol));
    }

    /// <summary>The quantity's name, used in error messages.</summary>
    public string QuantityName { get; }

    /// <summary>The symbols of every unit, for error messages.</summary>
    public string AcceptedSymbols { get; }

    /// <summary>The power of ten of UnitsNet's base unit of the quantity (kg is 1e9 µg).</summary>
    public int BaseExponent { get; }

    /// <summary>The unit of exponent 0 (µg, pmol, pg/mL, pmol/L), in which the library computes.</summary>
    public TUnit Reference { get; }

    /// <summary>The table's entry for <paramref name="unit"/>, if it has one.</summary>
    public bool TryGet(TUnit unit, out UnitSpelling<TUnit> spelling)
    {
        foreach (var u in _units)
        {
            if (EqualityComparer<TUnit>.Default.Equals(u.Unit, unit))
            {
                spelling = u;
                return true;
            }
        }

        spelling = default;
        return false;
    }

    /// <summary><paramref name="value"/> times ten to the power <paramref name="exponent"/>, multiplying or dividing by an exact power of ten.</summary>
    public static double Scale(double value, int exponent) =>
        exponent >= 0 ? value * PowersOfTen[exponent] : value / PowersOfTen[-exponent];

    /// <summary>10^0 to 10^22, every one exact in a double.</summary>
    private static readonly double[] PowersOfTen =
        [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>
    /// Null when <paramref name="value"/>, in a unit of <paramref name="exponent"/>, is finite in every unit of the table
    /// and, unless it is zero, a normal (not subnormal, not zero) number in every one of them; otherwise what is wrong.
    /// 1e308 g would be infinite in µg, 1e-320 ng zero in kg: neither may enter a quantity.
    /// </summary>
    public string? RangeProblem(double value, int exponent)
    {
        if (!double.IsFinite(Scale(value, exponent - _smallest)))
        {
            return "is too large (it would be infinite in a smaller unit)";
        }

        return value != 0 && !double.IsNormal(Scale(value, exponent - _largest))
            ? "is too small (it would be zero in a larger unit)"
            : null;
    }

    public bool TryFindExponent(ReadOnlySpan<char> text, out int exponent)
    {
        var found = TryFind(text, out var info);
        exponent = info.Exponent;
        return found;
    }

    public bool TryFind(ReadOnlySpan<char> text, out UnitSpelling<TUnit> info)
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
}

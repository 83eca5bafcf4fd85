using UnitsNet;
using UnitsNet.Units;

namespace B12Dosing.Quantities;

/// <summary>
/// What the library knows of one UnitsNet quantity type: the units its text layer reads and writes, and how to move
/// between a quantity and a double in the reference unit (µg, pmol, pg/mL, pmol/L) in which the kernels compute.
/// For the units of the table the move is one multiplication or division by an exact power of ten (so 1 mg is
/// exactly 1000 µg, where UnitsNet's own conversion through kg gives 1000.0000000000001); other UnitsNet units
/// go through UnitsNet.
/// </summary>
/// <param name="units">The units of the text layer.</param>
/// <param name="baseUnit">UnitsNet's base unit of the quantity (kg, mol, kg/m³, mol/m³), whose power of ten the table knows.</param>
/// <param name="create">UnitsNet's factory.</param>
internal sealed class QuantityKind<TQuantity, TUnit>(UnitTable<TUnit> units, TUnit baseUnit, Func<double, TUnit, TQuantity> create)
    where TQuantity : struct, IQuantity<TUnit, double>
    where TUnit : struct, Enum
{
    /// <summary>The units the text layer reads and writes.</summary>
    public UnitTable<TUnit> Units { get; } = units;

    /// <summary>A quantity of <paramref name="value"/> in the reference unit.</summary>
    public TQuantity FromReference(double value) => create(value, Units.Reference);

    /// <summary>A quantity of <paramref name="value"/> in <paramref name="unit"/>.</summary>
    public TQuantity From(double value, TUnit unit) => create(value, unit);

    /// <summary>The quantity in the reference unit (UnitsNet quantities are always finite).</summary>
    public double InReference(TQuantity quantity) =>
        Units.TryGet(quantity.Unit, out var unit) ? UnitTable<TUnit>.Scale(ValueOf(quantity), unit.Exponent) : OtherUnitInReference(quantity);

    /// <summary>
    /// The quantity in <paramref name="unit"/>, a unit of the table: one exact power-of-ten move from the quantity's own
    /// unit when that is in the table too (1 ng/mL is exactly 1000 pg/mL), else through the reference unit.
    /// </summary>
    public double In(TQuantity quantity, TUnit unit)
    {
        var target = Units.TryGet(unit, out var spelling) ? spelling.Exponent : throw new ArgumentException($"{unit} is not a unit of the table.", nameof(unit));
        return Units.TryGet(quantity.Unit, out var own)
            ? UnitTable<TUnit>.Scale(ValueOf(quantity), own.Exponent - target)
            : UnitTable<TUnit>.Scale(InReference(quantity), -target);
    }

    /// <summary>A unit outside the table goes through UnitsNet's base unit, which holds any UnitsNet value; the scaling to the
    /// reference unit may then overflow (1e300 kg is infinite in µg), which the members that take quantities refuse.</summary>
    private double OtherUnitInReference(TQuantity quantity)
    {
        double inBase;
        try
        {
            inBase = quantity.As(baseUnit);
        }
        catch (ArgumentException)
        {
            // UnitsNet refuses to create an infinite value (10^300 Earth masses in kg).
            return double.PositiveInfinity;
        }

        return UnitTable<TUnit>.Scale(inBase, Units.BaseExponent);
    }

    /// <summary>
    /// The quantity in the reference unit, for a member that takes it: refused when it is negative, or when it would be
    /// infinite or (not being zero) zero in the reference unit, which a kernel would otherwise carry silently.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The quantity is negative, or out of range in the reference unit.</exception>
    public double NonNegative(TQuantity quantity, string paramName)
    {
        var value = InReference(quantity);
        if (!(value >= 0) || !double.IsFinite(value) || (value == 0 && ValueOf(quantity) != 0))
        {
            throw new ArgumentOutOfRangeException(paramName, QuantityText.Format(quantity),
                $"A {Units.QuantityName} here must be a non-negative amount that is finite and not zero by rounding in {Symbol(Units.Reference)}.");
        }

        return value;
    }

    /// <summary>The symbol the text layer writes for <paramref name="unit"/>, or UnitsNet's abbreviation for a unit outside the table.</summary>
    public string Symbol(TUnit unit) =>
        Units.TryGet(unit, out var spelling) ? spelling.Symbol : UnitsNetSetup.Default.UnitAbbreviations.GetDefaultAbbreviation(unit, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The value of a quantity in its own unit.</summary>
    public static double ValueOf(TQuantity quantity) => ValueOf<TQuantity>(quantity);

    // Through a type parameter constrained to IValueQuantity<double> alone, Value is that interface's double (IQuantity
    // has a Value of its own) and is called without boxing.
    private static double ValueOf<T>(T quantity)
        where T : IValueQuantity<double> => quantity.Value;
}

/// <summary>The four quantity kinds of the library.</summary>
internal static class QuantityKinds
{
    public static readonly QuantityKind<Mass, MassUnit> Mass = new(
        new(
            "mass",
            9,
            new(MassUnit.Microgram, "µg", 0, ["\u03bcg", "ug", "mcg", "microgram", "micrograms"]),
            new(MassUnit.Nanogram, "ng", -3, ["nanogram", "nanograms"]),
            new(MassUnit.Milligram, "mg", 3, ["milligram", "milligrams"]),
            new(MassUnit.Gram, "g", 6, ["gram", "grams"])),
        MassUnit.Kilogram,
        static (v, u) => UnitsNet.Mass.From(v, u));

    public static readonly QuantityKind<AmountOfSubstance, AmountOfSubstanceUnit> AmountOfSubstance = new(
        new(
            "amount of substance",
            12,
            new(AmountOfSubstanceUnit.Picomole, "pmol", 0, ["picomole", "picomoles"]),
            new(AmountOfSubstanceUnit.Nanomole, "nmol", 3, ["nanomole", "nanomoles"]),
            new(AmountOfSubstanceUnit.Micromole, "µmol", 6, ["\u03bcmol", "umol", "micromole", "micromoles"])),
        AmountOfSubstanceUnit.Mole,
        static (v, u) => UnitsNet.AmountOfSubstance.From(v, u));

    public static readonly QuantityKind<MassConcentration, MassConcentrationUnit> MassConcentration = new(
        new(
            "mass concentration",
            9,
            new(MassConcentrationUnit.PicogramPerMilliliter, "pg/mL", 0, []),
            new(MassConcentrationUnit.NanogramPerLiter, "ng/L", 0, []),
            new(MassConcentrationUnit.NanogramPerMilliliter, "ng/mL", 3, []),
            new(MassConcentrationUnit.MicrogramPerLiter, "µg/L", 3, ["\u03bcg/L", "ug/L", "mcg/L"])),
        MassConcentrationUnit.KilogramPerCubicMeter,
        static (v, u) => UnitsNet.MassConcentration.From(v, u));

    public static readonly QuantityKind<Molarity, MolarityUnit> Molarity = new(
        new(
            "molar concentration",
            9,
            new(MolarityUnit.PicomolePerLiter, "pmol/L", 0, ["pM"]),
            new(MolarityUnit.NanomolePerLiter, "nmol/L", 3, ["nM"])),
        MolarityUnit.MolePerCubicMeter,
        static (v, u) => UnitsNet.Molarity.From(v, u));
}

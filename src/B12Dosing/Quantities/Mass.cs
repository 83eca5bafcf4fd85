namespace B12Dosing.Quantities;

/// <summary>The units a <see cref="Mass"/> can be written in.</summary>
public enum MassUnit
{
    /// <summary>Nanogram, 1e-9 g (<c>ng</c>).</summary>
    Nanogram,

    /// <summary>Microgram, 1e-6 g (<c>µg</c>; also parsed from <c>μg</c> U+03BC, <c>ug</c> and <c>mcg</c>).</summary>
    Microgram,

    /// <summary>Milligram, 1e-3 g (<c>mg</c>).</summary>
    Milligram,

    /// <summary>Gram (<c>g</c>).</summary>
    Gram,
}

/// <summary>
/// A non-negative mass, such as a dose or a body store, kept in the unit it was created with.
/// Named after UnitsNet's <c>Mass</c>: <c>Mass.FromMicrograms(500)</c>, <c>mass.Milligrams</c>,
/// <c>Mass.Parse("1 mg")</c>. Unlike UnitsNet it rejects NaN, infinities and negative values.
/// Equality and ordering compare the amount, whatever the units: 1 mg equals 1000 µg.
/// </summary>
[Quantity(typeof(MassUnit), "mass", "masses", "500 µg", "1 mg", "1000 mcg", Operand = "mass")]
public readonly partial struct Mass
{
    // The members every quantity shares are generated from [Quantity] (see QuantityAttribute).

    internal static readonly UnitTable<MassUnit> Units = new(
        "mass",
        new(MassUnit.Nanogram, "ng", 1e-3, ["nanogram", "nanograms"]),
        new(MassUnit.Microgram, "µg", 1, ["\u03bcg", "ug", "mcg", "microgram", "micrograms"]),
        new(MassUnit.Milligram, "mg", 1e3, ["milligram", "milligrams"]),
        new(MassUnit.Gram, "g", 1e6, ["gram", "grams"]));

    /// <inheritdoc/>
    public static MassUnit BaseUnit => MassUnit.Microgram;

    /// <summary>The mass in nanograms.</summary>
    public double Nanograms => As(MassUnit.Nanogram);

    /// <summary>The mass in micrograms (the library's base unit for masses).</summary>
    public double Micrograms => BaseValue;

    /// <summary>The mass in milligrams.</summary>
    public double Milligrams => As(MassUnit.Milligram);

    /// <summary>The mass in grams.</summary>
    public double Grams => As(MassUnit.Gram);

    /// <summary>Creates a mass in nanograms.</summary>
    public static Mass FromNanograms(double value) => new(value, MassUnit.Nanogram);

    /// <summary>Creates a mass in micrograms.</summary>
    public static Mass FromMicrograms(double value) => new(value, MassUnit.Microgram);

    /// <summary>Creates a mass in milligrams.</summary>
    public static Mass FromMilligrams(double value) => new(value, MassUnit.Milligram);

    /// <summary>Creates a mass in grams.</summary>
    public static Mass FromGrams(double value) => new(value, MassUnit.Gram);

    /// <summary>The amount of substance of this mass of the given cobalamin form.</summary>
    public AmountOfSubstance ToAmountOfSubstance(CobalaminForm form) =>
        AmountOfSubstance.FromPicomoles(Nanograms / form.MolarMass() * 1e3);
}

namespace B12Dosing.Quantities;

/// <summary>The units a <see cref="AmountOfSubstance"/> can be written in.</summary>
public enum AmountOfSubstanceUnit
{
    /// <summary>Picomole, 1e-12 mol (<c>pmol</c>).</summary>
    Picomole,

    /// <summary>Nanomole, 1e-9 mol (<c>nmol</c>).</summary>
    Nanomole,

    /// <summary>Micromole, 1e-6 mol (<c>µmol</c>; also <c>μmol</c> U+03BC and <c>umol</c>).</summary>
    Micromole,
}

/// <summary>
/// A non-negative amount of substance (moles of cobalamin), kept in the unit it was created with;
/// named after UnitsNet's <c>AmountOfSubstance</c>. Equality and ordering compare the amount.
/// </summary>
[Quantity(typeof(AmountOfSubstanceUnit), "amount of substance", "amounts of substance", "10 nmol")]
public readonly partial struct AmountOfSubstance
{
    // The members every quantity shares are generated from [Quantity] (see QuantityAttribute).

    internal static readonly UnitTable<AmountOfSubstanceUnit> Units = new(
        "amount of substance",
        new(AmountOfSubstanceUnit.Picomole, "pmol", 1, ["picomole", "picomoles"]),
        new(AmountOfSubstanceUnit.Nanomole, "nmol", 1e3, ["nanomole", "nanomoles"]),
        new(AmountOfSubstanceUnit.Micromole, "µmol", 1e6, ["\u03bcmol", "umol", "micromole", "micromoles"]));

    /// <inheritdoc/>
    public static AmountOfSubstanceUnit BaseUnit => AmountOfSubstanceUnit.Picomole;

    /// <summary>The amount in picomoles (the base unit).</summary>
    public double Picomoles => BaseValue;

    /// <summary>The amount in nanomoles.</summary>
    public double Nanomoles => As(AmountOfSubstanceUnit.Nanomole);

    /// <summary>The amount in micromoles.</summary>
    public double Micromoles => As(AmountOfSubstanceUnit.Micromole);

    /// <summary>Creates an amount in picomoles.</summary>
    public static AmountOfSubstance FromPicomoles(double value) => new(value, AmountOfSubstanceUnit.Picomole);

    /// <summary>Creates an amount in nanomoles.</summary>
    public static AmountOfSubstance FromNanomoles(double value) => new(value, AmountOfSubstanceUnit.Nanomole);

    /// <summary>Creates an amount in micromoles.</summary>
    public static AmountOfSubstance FromMicromoles(double value) => new(value, AmountOfSubstanceUnit.Micromole);

    /// <summary>The mass of this amount of the given cobalamin form.</summary>
    public Mass ToMass(CobalaminForm form) => Mass.FromNanograms(Picomoles * form.MolarMass() * 1e-3);
}

namespace B12Dosing.Quantities;

/// <summary>The units a <see cref="MolarConcentration"/> can be written in.</summary>
public enum MolarConcentrationUnit
{
    /// <summary>Picomole per litre (<c>pmol/L</c>).</summary>
    PicomolePerLiter,

    /// <summary>Nanomole per litre (<c>nmol/L</c>).</summary>
    NanomolePerLiter,
}

/// <summary>
/// A non-negative molar concentration, such as serum B12 in pmol/L, kept in the unit it was created
/// with; named after UnitsNet's <c>MolarConcentration</c>. Equality and ordering compare the amount.
/// </summary>
[Quantity(typeof(MolarConcentrationUnit), "molar concentration", "molar concentrations", "295.1 pmol/L")]
public readonly partial struct MolarConcentration
{
    // The members every quantity shares are generated from [Quantity] (see QuantityAttribute).

    internal static readonly UnitTable<MolarConcentrationUnit> Units = new(
        "molar concentration",
        new(MolarConcentrationUnit.PicomolePerLiter, "pmol/L", 1, ["pM"]),
        new(MolarConcentrationUnit.NanomolePerLiter, "nmol/L", 1e3, ["nM"]));

    /// <inheritdoc/>
    public static MolarConcentrationUnit BaseUnit => MolarConcentrationUnit.PicomolePerLiter;

    /// <summary>The concentration in pmol/L (the base unit).</summary>
    public double PicomolesPerLiter => BaseValue;

    /// <summary>The concentration in nmol/L.</summary>
    public double NanomolesPerLiter => As(MolarConcentrationUnit.NanomolePerLiter);

    /// <summary>Creates a concentration in pmol/L.</summary>
    public static MolarConcentration FromPicomolesPerLiter(double value) => new(value, MolarConcentrationUnit.PicomolePerLiter);

    /// <summary>Creates a concentration in nmol/L.</summary>
    public static MolarConcentration FromNanomolesPerLiter(double value) => new(value, MolarConcentrationUnit.NanomolePerLiter);

    /// <summary>The mass concentration of this molar concentration of the given cobalamin form.</summary>
    public MassConcentration ToMassConcentration(CobalaminForm form) =>
        MassConcentration.FromPicogramsPerMilliliter(PicomolesPerLiter * form.MolarMass() * 1e-3);
}

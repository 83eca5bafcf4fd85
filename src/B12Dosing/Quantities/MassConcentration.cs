namespace B12Dosing.Quantities;

/// <summary>The units a <see cref="MassConcentration"/> can be written in.</summary>
public enum MassConcentrationUnit
{
    /// <summary>Picogram per millilitre (<c>pg/mL</c>), the usual serum B12 unit.</summary>
    PicogramPerMilliliter,

    /// <summary>Nanogram per litre (<c>ng/L</c>), the same size as pg/mL.</summary>
    NanogramPerLiter,

    /// <summary>Nanogram per millilitre (<c>ng/mL</c>).</summary>
    NanogramPerMilliliter,

    /// <summary>Microgram per litre (<c>µg/L</c>), the same size as ng/mL.</summary>
    MicrogramPerLiter,
}

/// <summary>
/// A non-negative mass concentration, such as serum B12 in pg/mL, kept in the unit it was created
/// with; named after UnitsNet's <c>MassConcentration</c>. Equality and ordering compare the amount.
/// </summary>
[Quantity(typeof(MassConcentrationUnit), "mass concentration", "mass concentrations", "400 pg/mL")]
public readonly partial struct MassConcentration
{
    // The members every quantity shares are generated from [Quantity] (see QuantityAttribute).

    internal static readonly UnitTable<MassConcentrationUnit> Units = new(
        "mass concentration",
        new(MassConcentrationUnit.PicogramPerMilliliter, "pg/mL", 1, []),
        new(MassConcentrationUnit.NanogramPerLiter, "ng/L", 1, []),
        new(MassConcentrationUnit.NanogramPerMilliliter, "ng/mL", 1e3, []),
        new(MassConcentrationUnit.MicrogramPerLiter, "µg/L", 1e3, ["\u03bcg/L", "ug/L", "mcg/L"]));

    /// <inheritdoc/>
    public static MassConcentrationUnit BaseUnit => MassConcentrationUnit.PicogramPerMilliliter;

    /// <summary>The concentration in pg/mL (the base unit).</summary>
    public double PicogramsPerMilliliter => BaseValue;

    /// <summary>The concentration in ng/L (equal to pg/mL).</summary>
    public double NanogramsPerLiter => BaseValue;

    /// <summary>The concentration in ng/mL.</summary>
    public double NanogramsPerMilliliter => As(MassConcentrationUnit.NanogramPerMilliliter);

    /// <summary>The concentration in µg/L (equal to ng/mL).</summary>
    public double MicrogramsPerLiter => As(MassConcentrationUnit.MicrogramPerLiter);

    /// <summary>Creates a concentration in pg/mL.</summary>
    public static MassConcentration FromPicogramsPerMilliliter(double value) => new(value, MassConcentrationUnit.PicogramPerMilliliter);

    /// <summary>Creates a concentration in ng/L.</summary>
    public static MassConcentration FromNanogramsPerLiter(double value) => new(value, MassConcentrationUnit.NanogramPerLiter);

    /// <summary>Creates a concentration in ng/mL.</summary>
    public static MassConcentration FromNanogramsPerMilliliter(double value) => new(value, MassConcentrationUnit.NanogramPerMilliliter);

    /// <summary>Creates a concentration in µg/L.</summary>
    public static MassConcentration FromMicrogramsPerLiter(double value) => new(value, MassConcentrationUnit.MicrogramPerLiter);

    /// <summary>The molar concentration of this mass concentration of the given cobalamin form: 400 pg/mL of cyanocobalamin is 295.1 pmol/L.</summary>
    public MolarConcentration ToMolarConcentration(CobalaminForm form) =>
        MolarConcentration.FromPicomolesPerLiter(PicogramsPerMilliliter / form.MolarMass() * 1e3);
}

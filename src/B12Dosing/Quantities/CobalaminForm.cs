using UnitsNet;
using UnitsNet.Units;

namespace B12Dosing.Quantities;

/// <summary>The chemical forms of vitamin B12 (cobalamin) the library knows.</summary>
public enum CobalaminForm
{
    /// <summary>Cyanocobalamin (CNCbl), the usual form of supplements and of US injections.</summary>
    Cyanocobalamin,

    /// <summary>Hydroxocobalamin (OHCbl), the usual injection in the UK (BNF).</summary>
    Hydroxocobalamin,

    /// <summary>Methylcobalamin (MeCbl), a coenzyme form.</summary>
    Methylcobalamin,

    /// <summary>Adenosylcobalamin (AdoCbl), a coenzyme form.</summary>
    Adenosylcobalamin,
}

/// <summary>Molar masses, names and parsing of <see cref="CobalaminForm"/>.</summary>
public static class CobalaminForms
{
    /// <summary>
    /// Molar mass of cyanocobalamin, C63H88CoN14O14P: 1355.37 g/mol (The Merck Index; quoted in
    /// shared/reference/b12-published-data.md §4).
    /// </summary>
    public static readonly MolarMass CyanocobalaminMolarMass = UnitsNet.MolarMass.FromGramsPerMole(CyanocobalaminGramsPerMole);

    /// <summary><see cref="CyanocobalaminMolarMass"/> in g/mol (pg/pmol), for the kernels.</summary>
    internal const double CyanocobalaminGramsPerMole = 1355.37;

    /// <summary>Molar mass of hydroxocobalamin, C62H89CoN13O15P: 1346.36 g/mol (USP monograph).</summary>
    public static readonly MolarMass HydroxocobalaminMolarMass = UnitsNet.MolarMass.FromGramsPerMole(1346.36);

    /// <summary>
    /// Molar mass of methylcobalamin, computed from the formula C63H91CoN13O14P with the IUPAC
    /// conventional atomic weights (see <see cref="MolarMassFromFormula"/>): about 1344.4 g/mol.
    /// </summary>
    public static readonly MolarMass MethylcobalaminMolarMass = MolarMassFromFormula(c: 63, h: 91, n: 13, o: 14);

    /// <summary>
    /// Molar mass of adenosylcobalamin, computed from the formula C72H100CoN18O17P with the IUPAC
    /// conventional atomic weights: about 1579.6 g/mol.
    /// </summary>
    public static readonly MolarMass AdenosylcobalaminMolarMass = MolarMassFromFormula(c: 72, h: 100, n: 18, o: 17);

    /// <summary>The names (and abbreviations) <see cref="Parse"/> accepts, for messages.</summary>
    internal const string AcceptedNames =
        "cyanocobalamin (cncbl), hydroxocobalamin (ohcbl), methylcobalamin (mecbl), adenosylcobalamin (adocbl)";

    /// <summary>All forms, in declaration order.</summary>
    public static IReadOnlyList<CobalaminForm> All { get; } =
        [CobalaminForm.Cyanocobalamin, CobalaminForm.Hydroxocobalamin, CobalaminForm.Methylcobalamin, CobalaminForm.Adenosylcobalamin];

    /// <summary>The molar mass of a form (in g/mol, equivalently pg/pmol: <c>form.MolarMass().GramsPerMole</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined form.</exception>
    public static MolarMass MolarMass(this CobalaminForm form) => form switch
    {
        CobalaminForm.Cyanocobalamin => CyanocobalaminMolarMass,
        CobalaminForm.Hydroxocobalamin => HydroxocobalaminMolarMass,
        CobalaminForm.Methylcobalamin => MethylcobalaminMolarMass,
        CobalaminForm.Adenosylcobalamin => AdenosylcobalaminMolarMass,
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, $"Not a cobalamin form; accepted: {AcceptedNames}."),
    };

    /// <summary>The lower-case name the tool and the notation use, such as <c>cyanocobalamin</c>.</summary>
    public static string Name(this CobalaminForm form) => form switch
    {
        CobalaminForm.Cyanocobalamin => "cyanocobalamin",
        CobalaminForm.Hydroxocobalamin => "hydroxocobalamin",
        CobalaminForm.Methylcobalamin => "methylcobalamin",
        CobalaminForm.Adenosylcobalamin => "adenosylcobalamin",
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, $"Not a cobalamin form; accepted: {AcceptedNames}."),
    };

    /// <summary>
    /// Parses a form by name or abbreviation, case-insensitive: <c>cyanocobalamin</c>/<c>cncbl</c>/<c>cn</c>,
    /// <c>hydroxocobalamin</c>/<c>ohcbl</c>/<c>oh</c>, <c>methylcobalamin</c>/<c>mecbl</c>/<c>me</c>,
    /// <c>adenosylcobalamin</c>/<c>adocbl</c>/<c>ado</c>.
    /// </summary>
    /// <exception cref="FormatException">The text names no form.</exception>
    public static CobalaminForm Parse(string text) => Spellings.Parse(text);

    /// <summary>Tries to parse a form by name or abbreviation.</summary>
    public static bool TryParse(string? text, out CobalaminForm form) => Spellings.TryParse(text, out form);

    private static readonly SpellingTable<CobalaminForm> Spellings = new(
        "cobalamin form",
        $"accepted: {AcceptedNames}.",
        (CobalaminForm.Cyanocobalamin, ["cyanocobalamin", "cncbl", "cn", "cn-cbl"]),
        (CobalaminForm.Hydroxocobalamin, ["hydroxocobalamin", "hydroxycobalamin", "ohcbl", "oh", "oh-cbl"]),
        (CobalaminForm.Methylcobalamin, ["methylcobalamin", "mecbl", "me", "me-cbl"]),
        (CobalaminForm.Adenosylcobalamin, ["adenosylcobalamin", "adocbl", "ado", "ado-cbl", "cobamamide"]));

    /// <summary>
    /// The molar mass of a cobalamin with one cobalt and one phosphorus atom and the given counts of
    /// C, H, N and O, from the IUPAC conventional atomic weights (Prohaska T et al., Pure Appl Chem
    /// 2022;94:573): C 12.011, H 1.008, N 14.007, O 15.999, P 30.973762, Co 58.933194.
    /// </summary>
    public static MolarMass MolarMassFromFormula(int c, int h, int n, int o) =>
        UnitsNet.MolarMass.FromGramsPerMole((c * 12.011) + (h * 1.008) + (n * 14.007) + (o * 15.999) + 30.973762 + 58.933194);

    /// <summary>The amount of substance of <paramref name="mass"/> of <paramref name="form"/>: <c>mass / form.MolarMass()</c> in UnitsNet, in pmol.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The form is not defined.</exception>
    public static AmountOfSubstance ToAmountOfSubstance(this Mass mass, CobalaminForm form) =>
        (mass / form.MolarMass()).ToUnit(AmountOfSubstanceUnit.Picomole);

    /// <summary>The mass of <paramref name="amount"/> of <paramref name="form"/>: <c>amount * form.MolarMass()</c> in UnitsNet, in µg.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The form is not defined.</exception>
    public static Mass ToMass(this AmountOfSubstance amount, CobalaminForm form) =>
        (amount * form.MolarMass()).ToUnit(MassUnit.Microgram);

    /// <summary>The molar concentration of <paramref name="concentration"/> of <paramref name="form"/>, in pmol/L: 400 pg/mL of cyanocobalamin is 295.1 pmol/L.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The form is not defined.</exception>
    public static Molarity ToMolarity(this MassConcentration concentration, CobalaminForm form) =>
        (concentration / form.MolarMass()).ToUnit(MolarityUnit.PicomolePerLiter);

    /// <summary>The mass concentration of <paramref name="molarity"/> of <paramref name="form"/>, in pg/mL.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The form is not defined.</exception>
    public static MassConcentration ToMassConcentration(this Molarity molarity, CobalaminForm form) =>
        (molarity * form.MolarMass()).ToUnit(MassConcentrationUnit.PicogramPerMilliliter);
}

using B12Dosing.Quantities;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using B12Dosing.Tests.Properties;
using B12Dosing.Tests.Shared;

namespace B12Dosing.Tests.Quantities;

public sealed class CobalaminFormTests
{
    /// <summary>Relative tolerance of a mass-molar round trip: a multiplication and a division, a few ulps.</summary>
    private const double RoundTripTolerance = 1e-12;

    /// <summary>
    /// Published molar masses (g/mol): CNCbl 1355.37 (Merck Index) and OHCbl 1346.36 (USP), both quoted
    /// in shared/reference/b12-published-data.md §4; MeCbl 1344.4 and AdoCbl 1579.6 (PubChem, computed
    /// from the formula). Tolerance 0.05 g/mol: the published figures have two decimals (one for PubChem)
    /// and the library's own computation uses the IUPAC conventional atomic weights.
    /// </summary>
    [Theory]
    [InlineData(CobalaminForm.Cyanocobalamin, 1355.37)]
    [InlineData(CobalaminForm.Hydroxocobalamin, 1346.36)]
    [InlineData(CobalaminForm.Methylcobalamin, 1344.4)]
    [InlineData(CobalaminForm.Adenosylcobalamin, 1579.6)]
    public void MolarMassesMatchPublishedValues(CobalaminForm form, double published) =>
        Assert.Equal(published, form.MolarMass().GramsPerMole, 0.05);

    /// <summary>
    /// The formula helper reproduces the published CNCbl (C63H88CoN14O14P, Merck 1355.37) and OHCbl
    /// (C62H89CoN13O15P, USP 1346.36) molar masses, which checks it before it is trusted for MeCbl and
    /// AdoCbl. Tolerance 0.05 g/mol: atomic-weight conventions differ in the second decimal.
    /// </summary>
    [Theory]
    [InlineData(63, 88, 14, 14, 1355.37)]
    [InlineData(62, 89, 13, 15, 1346.36)]
    public void FormulaHelperReproducesPublishedMolarMasses(int c, int h, int n, int o, double published) =>
        Assert.Equal(published, CobalaminForms.MolarMassFromFormula(c, h, n, o).GramsPerMole, 0.05);

    /// <summary>
    /// 400 pg/mL of cyanocobalamin is 295.1 pmol/L (issue 2, from the Merck molar mass 1355.37 g/mol).
    /// Tolerance 0.05 pmol/L: the published figure has four significant digits.
    /// </summary>
    [Fact]
    public void FourHundredPicogramsPerMilliliterOfCyanocobalaminIs295Point1PicomolesPerLiter() =>
        Assert.Equal(295.1, MassConcentration.FromPicogramsPerMilliliter(400).ToMolarity(CobalaminForm.Cyanocobalamin).PicomolesPerLiter, 0.05);

    /// <summary>
    /// "1 pmol/L = 1.355 pg/mL" (shared/reference/b12-published-data.md §4, from the molar mass of
    /// CNCbl). Tolerance 0.0005 pg/mL: the published factor has four significant digits.
    /// </summary>
    [Fact]
    public void OnePicomolePerLiterIs1Point355PicogramsPerMilliliter() =>
        Assert.Equal(1.355, Molarity.FromPicomolesPerLiter(1).ToMassConcentration(CobalaminForm.Cyanocobalamin).PicogramsPerMilliliter, 0.0005);

    /// <summary>
    /// The WHO deficiency threshold of 148 pmol/L (shared reference §4) is about 200 pg/mL, the bottom of
    /// the common US laboratory range (200-900 pg/mL, same section). Tolerance 1 pg/mL: both figures are rounded.
    /// </summary>
    [Fact]
    public void WhoThresholdMatchesTheUsLaboratoryRangeBottom() =>
        Assert.Equal(200, Molarity.FromPicomolesPerLiter(148).ToMassConcentration(CobalaminForm.Cyanocobalamin).PicogramsPerMilliliter, 1.0);

    /// <summary>
    /// 1000 µg of cyanocobalamin is 1e-3 g / 1355.37 g/mol = 737.8 nmol (definition of the mole with the
    /// Merck molar mass); 1 mg of hydroxocobalamin is 742.7 nmol (USP 1346.36 g/mol). Tolerance 0.05 nmol (4 s.f.).
    /// </summary>
    [Theory]
    [InlineData(CobalaminForm.Cyanocobalamin, 737.8)]
    [InlineData(CobalaminForm.Hydroxocobalamin, 742.7)]
    public void OneMilligramIsAboutSevenHundredFortyNanomoles(CobalaminForm form, double nanomoles) =>
        Assert.Equal(nanomoles, Mass.FromMilligrams(1).ToAmountOfSubstance(form).Nanomoles, 0.05);

    [Property]
    public bool MassToMolarAndBackIsTheIdentity(NonNegativeValue value, CobalaminForm form)
    {
        var back = Mass.FromMicrograms(value.Value).ToAmountOfSubstance(form).ToMass(form).Micrograms;
        return Math.Abs(back - value.Value) <= RoundTripTolerance * value.Value;
    }

    [Property]
    public bool MassConcentrationToMolarAndBackIsTheIdentity(NonNegativeValue value, CobalaminForm form)
    {
        var back = MassConcentration.FromPicogramsPerMilliliter(value.Value).ToMolarity(form).ToMassConcentration(form).PicogramsPerMilliliter;
        return Math.Abs(back - value.Value) <= RoundTripTolerance * value.Value;
    }

    [Property]
    public bool MolarAmountIsMassOverMolarMass(NonNegativeValue value, CobalaminForm form)
    {
        // µg / (g/mol) = µmol; the amount in µmol times the molar mass gives back the µg.
        var micromoles = Mass.FromMicrograms(value.Value).ToAmountOfSubstance(form).Micromoles;
        return Math.Abs((micromoles * form.MolarMass().GramsPerMole) - value.Value) <= RoundTripTolerance * value.Value;
    }

    [Theory]
    [InlineData("cyanocobalamin", CobalaminForm.Cyanocobalamin)]
    [InlineData(" CNCbl ", CobalaminForm.Cyanocobalamin)]
    [InlineData("ohcbl", CobalaminForm.Hydroxocobalamin)]
    [InlineData("hydroxycobalamin", CobalaminForm.Hydroxocobalamin)]
    [InlineData("MeCbl", CobalaminForm.Methylcobalamin)]
    [InlineData("adocbl", CobalaminForm.Adenosylcobalamin)]
    [InlineData("cobamamide", CobalaminForm.Adenosylcobalamin)]
    public void ParsesNamesAndAbbreviations(string text, CobalaminForm form)
    {
        Assert.Equal(form, CobalaminForms.Parse(text));
        Assert.Equal(form, CobalaminForms.Parse(form.Name()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("cobalamin")]
    [InlineData("folate")]
    public void RejectsUnknownForms(string text)
    {
        var e = Assert.Throws<FormatException>(() => CobalaminForms.Parse(text));
        Assert.Contains("cyanocobalamin", e.Message, StringComparison.Ordinal);
        Assert.False(CobalaminForms.TryParse(text, out _));
    }

    [Fact]
    public void UndefinedFormsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((CobalaminForm)42).MolarMass());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((CobalaminForm)42).Name());
        Assert.Throws<ArgumentOutOfRangeException>(() => Mass.FromMicrograms(1).ToAmountOfSubstance((CobalaminForm)42));
    }
}

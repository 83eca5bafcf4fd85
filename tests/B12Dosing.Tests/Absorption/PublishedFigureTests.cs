using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Quantities;

namespace B12Dosing.Tests.Absorption;

/// <summary>
/// Every published single-dose figure of the shared reference (sections 1 and 2), checked against the model.
/// The figures are population means from small studies, so tolerances are ratios (model / published), stated
/// and justified per group. The values below are typed from the reference, not taken from the library.
/// </summary>
public class PublishedFigureTests
{
    private static double Micrograms(Dose dose, ParameterSet physiology) => AbsorptionModel.Evaluate(dose, physiology).AbsorbedMicrograms;

    private static Dose Oral(double ug) => Dose.Oral(Mass.FromMicrograms(ug));

    private static void InRatio(double model, double published, double low, double high) =>
        Assert.InRange(model / published, low, high);

    /// <summary>
    /// Carmel 2008, Table 1 (Chanarin 1979; Berlin 1968), oral CNCbl, normal IF. Fitted (3 parameters, 10 points).
    /// Tolerance [0.67, 1.5]: the published means themselves fall from 1.6 µg at 10 µg to 1.5 µg at 50 µg, which no
    /// curve that rises with dose can follow more closely than about this factor.
    /// </summary>
    [Theory]
    [InlineData(1, 0.56)]
    [InlineData(10, 1.6)]
    [InlineData(50, 1.5)]
    [InlineData(500, 9.7)]
    [InlineData(1000, 13)]
    public void Oral_healthy_Carmel2008(double dose, double absorbed) =>
        InRatio(Micrograms(Oral(dose), ParameterSet.Healthy), absorbed, 0.67, 1.5);

    /// <summary>
    /// Carmel 2008, Table 1, oral CNCbl in pernicious anaemia (passive only). The passive fraction is fitted; the
    /// published percentages run from 1.2 to 1.4 %, so tolerance [0.8, 1.25].
    /// </summary>
    [Theory]
    [InlineData(1, 0.012)]
    [InlineData(10, 0.12)]
    [InlineData(50, 0.6)]
    [InlineData(500, 7.0)]
    [InlineData(1000, 12)]
    public void Oral_pernicious_anaemia_Carmel2008(double dose, double absorbed) =>
        InRatio(Micrograms(Oral(dose), ParameterSet.PerniciousAnemia), absorbed, 0.8, 1.25);

    /// <summary>
    /// IF-mediated uptake saturates at about 1.5-2.0 µg per meal (Watanabe 2007; NIH ODS). Absorbed from 10 and 50 µg
    /// (past saturation, passive still small) must lie within a factor 1.25 of that range: the range is itself a
    /// rounded summary, and Carmel's own 10 and 50 µg means differ by that much from its ends.
    /// </summary>
    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    public void Saturation_near_1_5_to_2_micrograms_per_dose_Watanabe2007(double dose) =>
        Assert.InRange(Micrograms(Oral(dose), ParameterSet.Healthy), 1.5 / 1.25, 2.0 * 1.25);

    /// <summary>
    /// "Absorption decreases drastically when the capacity of intrinsic factor is exceeded (at 1-2 mcg)" (NIH ODS):
    /// the fraction absorbed from 10 µg is less than half that from 1 µg (Carmel 2008: 16 % against 56 %).
    /// </summary>
    [Fact]
    public void Fraction_falls_drastically_past_1_to_2_micrograms_NIH_ODS()
    {
        var one = AbsorptionModel.Evaluate(Oral(1), ParameterSet.Healthy).FractionAbsorbed;
        var ten = AbsorptionModel.Evaluate(Oral(10), ParameterSet.Healthy).FractionAbsorbed;
        Assert.True(ten < one / 2, $"fraction at 1 µg {one:P1}, at 10 µg {ten:P1}");
    }

    /// <summary>
    /// Passive diffusion is about 1 % of large doses (Berlin 1968, via IOM 1998) and 1.2-1.3 % in Carmel 2008:
    /// the model's passive fraction at 1000 µg without IF must lie in [1 %, 1.3 %] widened by a factor 1.25 each way
    /// (two sources, each a rounded mean).
    /// </summary>
    [Fact]
    public void Passive_about_one_percent_Berlin1968()
    {
        var fraction = AbsorptionModel.Evaluate(Oral(1000), ParameterSet.PerniciousAnemia).FractionAbsorbed;
        Assert.InRange(fraction, 0.01 / 1.25, 0.013 * 1.25);
    }

    /// <summary>
    /// A second dose 4-6 h after the first is absorbed as well as the first (Heyssel 1966, via IOM 1998). Radio-label
    /// tests do not resolve differences under about 10 %: a saturating second dose (50 µg) must give at least 90 % of
    /// the first at 4 h and 95 % at 6 h, and never more than the first.
    /// </summary>
    [Theory]
    [InlineData(4, 0.90)]
    [InlineData(6, 0.95)]
    public void Second_dose_after_4_to_6_hours_as_well_as_first_Heyssel1966(double hours, double atLeast)
    {
        var p = ParameterSet.Healthy;
        var first = AbsorptionModel.Evaluate(Oral(50), p);
        var state = first.IntrinsicFactorAfter.After(TimeSpan.FromHours(hours), p);
        var second = AbsorptionModel.Evaluate(Oral(50), p, state);
        Assert.InRange(second.Absorbed / first.Absorbed, atLeast, 1.0);
    }

    /// <summary>
    /// Food-bound B12, pooled regression ln(absorbed) = 0.7694 ln(dose) − 0.9614 (Doets 2013). Over one meal's content
    /// (0.5-5 µg, where the release fraction is fitted) within [0.67, 1.5]: the regression pools 8 studies whose points
    /// scatter about it by more than that; at 10 µg, an extrapolation of the fit range, within [0.5, 2].
    /// </summary>
    [Theory]
    [InlineData(0.5, 0.67, 1.5)]
    [InlineData(1, 0.67, 1.5)]
    [InlineData(2.4, 0.67, 1.5)]
    [InlineData(5, 0.67, 1.5)]
    [InlineData(10, 0.5, 2)]
    public void Food_bound_Doets2013(double dose, double low, double high)
    {
        var regression = Math.Exp((0.7694 * Math.Log(dose)) - 0.9614);
        InRatio(Micrograms(Dose.Food(Mass.FromMicrograms(dose)), ParameterSet.Healthy), regression, low, high);
    }

    /// <summary>Sublingual equals oral (Sharabi 2003: 500 µg/day raised serum B12 equally): the same outcome, exactly.</summary>
    [Theory]
    [InlineData(500)]
    [InlineData(2)]
    public void Sublingual_equals_oral_Sharabi2003(double dose) =>
        Assert.Equal(
            AbsorptionModel.Evaluate(Oral(dose), ParameterSet.Healthy),
            AbsorptionModel.Evaluate(Dose.Sublingual(Mass.FromMicrograms(dose)), ParameterSet.Healthy));

    /// <summary>
    /// IM CNCbl kept after 72 h: Carmel 2008, Table 1 (97 % of 10 µg, 55 % of 100 µg, 15 % of 1000 µg) and Blood 1961
    /// (60 % and 69 % of 500 and 1000 µg lost in 72 h: 40 % and 31 % kept), fitted together with weight 1. The two
    /// sources differ by a factor 2.07 at 1000 µg, so no curve comes within 1.44 of both there: tolerance, a factor
    /// 1.6 each way, for every point, the 500 µg one included.
    /// </summary>
    [Theory]
    [InlineData(10, 0.97)]
    [InlineData(100, 0.55)]
    [InlineData(1000, 0.15)]
    [InlineData(500, 0.40)]
    [InlineData(1000, 0.31)]
    public void Intramuscular_cyanocobalamin_kept_Carmel2008_and_Blood1961(double dose, double kept) =>
        InRatio(AbsorptionModel.Evaluate(Dose.Intramuscular(Mass.FromMicrograms(dose)), ParameterSet.Healthy).FractionRetained, kept, 1 / 1.6, 1.6);

    /// <summary>
    /// The shoulder of the data (Carmel 2008): nearly all of a small injection is kept, and most of the excess above
    /// the plasma binding capacity (1.8 ng/mL, about 5.4 µg in 3 L: Swiss label) is lost: at least 85 % of 10 µg kept
    /// (published 97 %), and of 1000 µg at most a third.
    /// </summary>
    [Fact]
    public void Shoulder_small_injection_kept_excess_lost_Carmel2008()
    {
        Assert.True(AbsorptionModel.Evaluate(Dose.Intramuscular(Mass.FromMicrograms(10)), ParameterSet.Healthy).FractionRetained >= 0.85);
        Assert.True(AbsorptionModel.Evaluate(Dose.Intramuscular(Mass.FromMicrograms(1000)), ParameterSet.Healthy).FractionRetained <= 1.0 / 3);
    }

    /// <summary>
    /// 72-h urinary loss after IM OHCbl ("Hydroxocobalamin I", Blood 1961): 16 % of 500 µg, 27 % of 1000 µg. One
    /// study's means; tolerance [0.8, 1.25] keeps OHCbl's loss well apart from CNCbl's (60-85 %).
    /// </summary>
    [Theory]
    [InlineData(500, 0.16)]
    [InlineData(1000, 0.27)]
    public void Urinary_loss_72h_hydroxocobalamin_Blood1961(double dose, double loss)
    {
        var outcome = AbsorptionModel.Evaluate(Dose.Intramuscular(Mass.FromMicrograms(dose), CobalaminForm.Hydroxocobalamin), ParameterSet.Healthy);
        InRatio(outcome.UrinaryLossMicrograms / dose, loss, 0.8, 1.25);
    }

    /// <summary>
    /// 50-98 % of a 100 or 1000 µg dose is in urine within 48 h (US cyanocobalamin injection label). Carmel 2008 has
    /// 45 % lost at 100 µg, just under the label's floor, and the model is fitted to Carmel: tolerance, the label range
    /// with its floor lowered by the factor 1.6 of the retention band (Carmel and Blood 1961 differ by 2.07 at 1000 µg).
    /// </summary>
    [Theory]
    [InlineData(100)]
    [InlineData(1000)]
    public void Urine_after_injection_US_label(double dose)
    {
        var outcome = AbsorptionModel.Evaluate(Dose.Intramuscular(Mass.FromMicrograms(dose)), ParameterSet.Healthy);
        Assert.InRange(outcome.UrinaryLossMicrograms / dose, 0.5 / 1.6, 0.98);
    }

    /// <summary>IV B12 is excreted even faster, with little liver storage (US cyanocobalamin label): IV keeps less than IM at the same dose.</summary>
    [Theory]
    [InlineData(100)]
    [InlineData(1000)]
    public void Intravenous_keeps_less_than_intramuscular_US_label(double dose)
    {
        var im = AbsorptionModel.Evaluate(Dose.Intramuscular(Mass.FromMicrograms(dose)), ParameterSet.Healthy).RetainedMicrograms;
        var iv = AbsorptionModel.Evaluate(Dose.Intravenous(Mass.FromMicrograms(dose)), ParameterSet.Healthy).RetainedMicrograms;
        Assert.True(iv < im, $"IV {iv} µg, IM {im} µg");
    }

    /// <summary>OHCbl is retained better than CNCbl (Blood 1961): at 500 and 1000 µg IM it keeps at least twice as much (published: 84 % vs 40 %, 73 % vs 31 %).</summary>
    [Theory]
    [InlineData(500)]
    [InlineData(1000)]
    public void Hydroxocobalamin_retained_better_Blood1961(double dose)
    {
        var cn = AbsorptionModel.Evaluate(Dose.Intramuscular(Mass.FromMicrograms(dose)), ParameterSet.Healthy).RetainedMicrograms;
        var oh = AbsorptionModel.Evaluate(Dose.Intramuscular(Mass.FromMicrograms(dose), CobalaminForm.Hydroxocobalamin), ParameterSet.Healthy).RetainedMicrograms;
        Assert.True(oh > 2 * cn, $"OHCbl {oh} µg, CNCbl {cn} µg");
    }

    /// <summary>Intranasal: 8.9 % of the dose relative to IM (Nascobal label), within its assumed ±30 % uncertainty.</summary>
    [Fact]
    public void Intranasal_relative_bioavailability_Nascobal_label()
    {
        var outcome = AbsorptionModel.Evaluate(Dose.Intranasal(Mass.FromMicrograms(500)), ParameterSet.Healthy);
        InRatio(outcome.FractionAbsorbed, 0.089, 1 / 1.3, 1.3);
    }
}

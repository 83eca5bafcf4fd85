using B12Dosing.Absorption;

namespace B12Dosing.Parameters;

/// <summary>
/// The model's parameter block: every parameter of a parameter set (<see cref="Physiology"/>) and every constant a solver
/// or a condition reads, each with its symbol, unit, default, bounds, estimation scale, origin and source. The one place
/// the numbers are written: <see cref="Physiology"/> takes its defaults and bounds from here, <c>docs/model.md</c>'s
/// parameter table is generated from it, and a test checks that the kernels read nothing else.
/// </summary>
public static class ModelParameters
{
    // Reference values and condition constants (the numbers the defaults are derived from).

    /// <summary>Loss of body stores per day in health: the pooled estimate of Doets 2013 (0.13 ± 0.03 %/day).</summary>
    internal const double HealthyStoreLossPerDayValue = 0.0013;

    /// <summary>Loss of body stores per day without intrinsic factor: 0.2 %/day (IOM 1998 p.331, after Boddy &amp; Adams 1972).</summary>
    internal const double NoReabsorptionStoreLossPerDayValue = 0.002;

    /// <summary>Fraction of biliary B12 reabsorbed in health: about half (Carmel 2008).</summary>
    internal const double HealthyBiliaryReabsorptionValue = 0.5;

    /// <summary>Biliary secretion per day: the difference of the two store losses is the reabsorbed half of the bile.</summary>
    internal const double BiliarySecretionPerDayValue = (NoReabsorptionStoreLossPerDayValue - HealthyStoreLossPerDayValue) / HealthyBiliaryReabsorptionValue;

    /// <summary>Average adult body stores, µg (Carmel 2008).</summary>
    internal const double ReferenceStoresMicrograms = 2500;

    /// <summary>The smallest store consistent with health, µg (IOM 1998, Appendix N).</summary>
    internal const double LowStoresMicrograms = 300;

    /// <summary>Serum with average stores and the carriers in balance, pg/mL: the middle of the normal 400-500.</summary>
    internal const double ReferenceSerumPicogramsPerMilliliter = 450;

    /// <summary>The share of reabsorbed bile that passes holoTC (Carmel 2008's measured bile over the model's).</summary>
    internal const double ReabsorbedBileThroughTranscobalaminValue = 0.4;

    /// <summary>Plasma volume, L.</summary>
    internal const double PlasmaVolumeLitersValue = 3;

    private const string Fit = "Calibrator.FitPlasma (docs/calibration.md)";

    /// <summary>
    /// The release of stores onto haptocorrin per day of the default parameters: derived (see
    /// <see cref="Physiology.HaptocorrinReleasePerDay"/>) from the fitted carrier constants.
    /// </summary>
    internal static readonly double DefaultHaptocorrinReleasePerDay = CarrierBalance.HaptocorrinReleaseFor(
        FittedParameters.HoloTranscobalaminHalfLifeHours,
        FittedParameters.HoloHaptocorrinHalfLifeDays,
        FittedParameters.TranscobalaminToHaptocorrinFraction,
        (ReabsorbedBileThroughTranscobalaminValue * HealthyBiliaryReabsorptionValue * BiliarySecretionPerDayValue) + FittedParameters.TranscobalaminReleasePerDay,
        PlasmaVolumeLitersValue);

    /// <summary>The IF-mediated uptake at saturation from one dose (C).</summary>
    public static ModelParameter IntrinsicFactorCapacity { get; } = new(
        nameof(Physiology.IntrinsicFactorCapacity), "C", "µg", FittedParameters.IntrinsicFactorCapacityMicrograms, 0, 100, ParameterScale.Log, ParameterOrigin.Fitted,
        "Calibrator.FitOral to the 10 oral points of Carmel 2008, Table 1 (after Chanarin 1979, Berlin 1968); 1.5-2 µg per meal with the passive part (Watanabe 2007; NIH ODS). Upper bound 100 µg, fifty times that (an assumption against typing errors, issue 12); 0 without IF.",
        p => p.IntrinsicFactorCapacityMicrograms, (p, v) => p with { IntrinsicFactorCapacityMicrograms = v });

    /// <summary>The dose giving half the IF-mediated capacity (K).</summary>
    public static ModelParameter IntrinsicFactorHalfSaturation { get; } = new(
        nameof(Physiology.IntrinsicFactorHalfSaturation), "K", "µg", FittedParameters.IntrinsicFactorHalfSaturationMicrograms, 1e-3, 1e3, ParameterScale.Log, ParameterOrigin.Fitted,
        "Calibrator.FitOral, with C (Carmel 2008, Table 1). Bounds three orders of magnitude either side (an assumption).",
        p => p.IntrinsicFactorHalfSaturationMicrograms, (p, v) => p with { IntrinsicFactorHalfSaturationMicrograms = v });

    /// <summary>The time constant of the recovery of used IF capacity (τ).</summary>
    public static ModelParameter IntrinsicFactorRecovery { get; } = new(
        nameof(Physiology.IntrinsicFactorRecovery), "τ", "h", 4.0 / Math.Log(10.0), 0.01, 1000, ParameterScale.Log, ParameterOrigin.Literature,
        "4 h / ln 10: a second dose 4-6 h after the first is absorbed as well as the first (Heyssel 1966, via IOM 1998), at least 90 % of the capacity back after 4 h. Bounds 36 s to about six weeks (an assumption).",
        p => p.IntrinsicFactorRecoveryHours, (p, v) => p with { IntrinsicFactorRecoveryHours = v });

    /// <summary>The fraction of an oral dose absorbed by passive diffusion (p).</summary>
    public static ModelParameter PassiveFraction { get; } = new(
        nameof(Physiology.PassiveFraction), "p", "1", FittedParameters.PassiveFraction, 0, 1, ParameterScale.Logit, ParameterOrigin.Fitted,
        "Calibrator.FitOral, mostly the pernicious-anaemia column of Carmel 2008, Table 1 (about 1.2 %, Berlin 1968).",
        p => p.PassiveFraction, (p, v) => p with { PassiveFraction = v });

    /// <summary>The fraction of food-bound B12 released by acid and pepsin (r).</summary>
    public static ModelParameter FoodReleaseFraction { get; } = new(
        nameof(Physiology.FoodReleaseFraction), "r", "1", FittedParameters.FoodReleaseFraction, 0, 1, ParameterScale.Logit, ParameterOrigin.Fitted,
        "Calibrator.FitFoodRelease to the pooled regression of Doets 2013, ln(absorbed) = 0.7694 ln(dose) − 0.9614, over 0.5-5 µg.",
        p => p.FoodReleaseFraction, (p, v) => p with { FoodReleaseFraction = v });

    /// <summary>The fraction of normal IF-mediated ileal uptake that works (u).</summary>
    public static ModelParameter IlealUptakeFactor { get; } = new(
        nameof(Physiology.IlealUptakeFactor), "u", "1", 1, 0, 1, ParameterScale.Logit, ParameterOrigin.Assumption,
        "1 in health by definition; reduced after ileal resection (IlealResectionUptakeFactor).",
        p => p.IlealUptakeFactor, (p, v) => p with { IlealUptakeFactor = v });

    /// <summary>The fraction of stores lost per day by routes other than bile (k_o).</summary>
    public static ModelParameter TurnoverPerDay { get; } = new(
        nameof(Physiology.TurnoverPerDay), "k_o", "1/d", HealthyStoreLossPerDayValue - (BiliarySecretionPerDayValue * (1 - HealthyBiliaryReabsorptionValue)), 0, 1, ParameterScale.Log, ParameterOrigin.Literature,
        "0.2 %/day − bile = 0.06 %/day: stores fall 0.2 %/day without reabsorption (IOM 1998) and 0.13 %/day in health (Doets 2013).",
        p => p.TurnoverPerDay, (p, v) => p with { TurnoverPerDay = v });

    /// <summary>The fraction of stores secreted in bile per day (k_b).</summary>
    public static ModelParameter BiliarySecretionPerDay { get; } = new(
        nameof(Physiology.BiliarySecretionPerDay), "k_b", "1/d", BiliarySecretionPerDayValue, 0, 1, ParameterScale.Log, ParameterOrigin.Literature,
        "(0.2 − 0.13 %/day) / 0.5 = 0.14 %/day (IOM 1998; Boddy & Adams 1972; Doets 2013; Carmel 2008): 3.5 µg/day at 2500 µg, inside the 3-8 µg/day of the Swiss cyanocobalamin label.",
        p => p.BiliarySecretionPerDay, (p, v) => p with { BiliarySecretionPerDay = v });

    /// <summary>The fraction of biliary B12 reabsorbed through the IF route (β).</summary>
    public static ModelParameter BiliaryReabsorptionFraction { get; } = new(
        nameof(Physiology.BiliaryReabsorptionFraction), "β", "1", HealthyBiliaryReabsorptionValue, 0, 1, ParameterScale.Logit, ParameterOrigin.Literature,
        "About half in health (Carmel 2008); none without IF.",
        p => p.BiliaryReabsorptionFraction, (p, v) => p with { BiliaryReabsorptionFraction = v });

    /// <summary>The share of reabsorbed bile that passes plasma holotranscobalamin (ρ).</summary>
    public static ModelParameter ReabsorbedBileThroughTranscobalaminFraction { get; } = new(
        nameof(Physiology.ReabsorbedBileThroughTranscobalaminFraction), "ρ", "1", ReabsorbedBileThroughTranscobalaminValue, 0, 1, ParameterScale.Logit, ParameterOrigin.Assumption,
        "Carmel 2008's measured bile (1.4 µg/day at 2500 µg = 0.056 %/day) over the model's 0.14 %/day; the rest of the reabsorbed bile returns to the stores directly (an assumption: no figure says which carrier brings it back).",
        p => p.ReabsorbedBileThroughTranscobalaminFraction, (p, v) => p with { ReabsorbedBileThroughTranscobalaminFraction = v });

    /// <summary>The plasma volume (V_p).</summary>
    public static ModelParameter PlasmaVolume { get; } = new(
        nameof(Physiology.PlasmaVolume), "V_p", "L", PlasmaVolumeLitersValue, 1, 10, ParameterScale.Log, ParameterOrigin.Assumption,
        "About 40 mL/kg in a 75 kg adult (an assumption for a typical adult); bounds a child to a very large adult.",
        p => p.PlasmaVolumeLiters, (p, v) => p with { PlasmaVolumeLiters = v });

    /// <summary>The volume in which free B12 spreads (V_e).</summary>
    public static ModelParameter ExtracellularVolume { get; } = new(
        nameof(Physiology.ExtracellularVolume), "V_e", "L", 15, 5, 50, ParameterScale.Log, ParameterOrigin.Literature,
        "The extracellular fluid, about 20 % of body weight in a 75 kg adult (Guyton & Hall, Textbook of Medical Physiology).",
        p => p.ExtracellularVolumeLiters, (p, v) => p with { ExtracellularVolumeLiters = v });

    /// <summary>The glomerular filtration rate (GFR).</summary>
    public static ModelParameter GlomerularFiltrationMillilitersPerMinute { get; } = new(
        nameof(Physiology.GlomerularFiltrationMillilitersPerMinute), "GFR", "mL/min", 120, 1, 300, ParameterScale.Log, ParameterOrigin.Literature,
        "A normal young adult, about 120 mL/min per 1.73 m² (KDIGO 2012: 90 or more is normal); 1 (kidney failure) to 300 (hyperfiltration).",
        p => p.GlomerularFiltrationMillilitersPerMinute, (p, v) => p with { GlomerularFiltrationMillilitersPerMinute = v });

    /// <summary>The unsaturated B12-binding capacity of plasma (c_B).</summary>
    public static ModelParameter BindingCapacity { get; } = new(
        nameof(Physiology.BindingCapacity), "c_B", "ng/mL", 1.8, 0, 100, ParameterScale.Log, ParameterOrigin.Literature,
        "About 1.8 ng/mL (Swiss cyanocobalamin injection label), mostly apo-transcobalamin and apo-haptocorrin; up to 100 (an assumption, as in myeloproliferative disease).",
        p => p.BindingCapacityNanogramsPerMilliliter, (p, v) => p with { BindingCapacityNanogramsPerMilliliter = v });

    /// <summary>The share of newly bound B12 that goes onto haptocorrin (θ).</summary>
    public static ModelParameter HaptocorrinShare { get; } = new(
        nameof(Physiology.HaptocorrinShare), "θ", "1", FittedParameters.HaptocorrinShare, 0, 1, ParameterScale.Logit, ParameterOrigin.Fitted,
        Fit,
        p => p.HaptocorrinShare, (p, v) => p with { HaptocorrinShare = v });

    /// <summary>The maximum rate of tissue uptake of free B12 (Vt).</summary>
    public static ModelParameter TissueUptakeMaximumMicrogramsPerHour { get; } = new(
        nameof(Physiology.TissueUptakeMaximumMicrogramsPerHour), "Vt", "µg/h", FittedParameters.TissueUptakeMaximumMicrogramsPerHour, 0.01, 1000, ParameterScale.Log, ParameterOrigin.Fitted,
        Fit + ", to Carmel 2008 IM and Blood 1961. Bounds keep the free pool's rate under 100 per hour (an assumption bounding the per-load solve).",
        p => p.TissueUptakeMaximumMicrogramsPerHour, (p, v) => p with { TissueUptakeMaximumMicrogramsPerHour = v });

    /// <summary>The free B12 at which tissue uptake is half its maximum (Kt).</summary>
    public static ModelParameter TissueUptakeHalfSaturation { get; } = new(
        nameof(Physiology.TissueUptakeHalfSaturation), "Kt", "µg", FittedParameters.TissueUptakeHalfSaturationMicrograms, 10, 1e5, ParameterScale.Log, ParameterOrigin.Fitted,
        Fit + ", with Vt. Upper bound 100 mg (an assumption, a thousand times what an injection keeps).",
        p => p.TissueUptakeHalfSaturationMicrograms, (p, v) => p with { TissueUptakeHalfSaturationMicrograms = v });

    /// <summary>The release half-time of cyanocobalamin from an injection site (t½_a).</summary>
    public static ModelParameter InjectionSiteHalfTime { get; } = new(
        nameof(Physiology.InjectionSiteHalfTime), "t½_a", "h", 0.25, 0.01, 100, ParameterScale.Log, ParameterOrigin.Assumption,
        "Puts the plasma peak within 1 h of the injection (US cyanocobalamin label). Upper bound 100 h bounds the per-load solve.",
        p => p.InjectionSiteHalfTimeHours, (p, v) => p with { InjectionSiteHalfTimeHours = v });

    /// <summary>The release half-time of hydroxocobalamin from an injection site (t½_a,OH).</summary>
    public static ModelParameter HydroxocobalaminSiteReleaseHalfTime { get; } = new(
        nameof(Physiology.HydroxocobalaminSiteReleaseHalfTime), "t½_a,OH", "h", 2.5, 0.01, 100, ParameterScale.Log, ParameterOrigin.Literature,
        "About 2.5 h (US hydroxocobalamin label). Model 3 fits it with Scand J Haematol 1964 (serum about the same 1 h after OHCbl or CNCbl), the label's 2.5 h a point with band 1.5 (docs/model.md 1.2b).",
        p => p.HydroxocobalaminSiteReleaseHalfTimeHours, (p, v) => p with { HydroxocobalaminSiteReleaseHalfTimeHours = v });

    /// <summary>The half-time over which the passive part of an oral, sublingual or intranasal dose reaches the blood (t½_m).</summary>
    public static ModelParameter MucosalReleaseHalfTime { get; } = new(
        nameof(Physiology.MucosalReleaseHalfTime), "t½_m", "h", 1, 0.01, 100, ParameterScale.Log, ParameterOrigin.Assumption,
        "Puts the serum and urine peak after a large oral dose within 6 h (IOM 1998).",
        p => p.MucosalReleaseHalfTimeHours, (p, v) => p with { MucosalReleaseHalfTimeHours = v });

    /// <summary>The free (apo-) transcobalamin of plasma with average stores (a_T).</summary>
    public static ModelParameter ApoTranscobalamin { get; } = new(
        nameof(Physiology.ApoTranscobalamin), "a_T", "pmol/L", 700, 0, 1e4, ParameterScale.Linear, ParameterOrigin.Literature,
        "Mean of Gimsing & Nexo 1989 (Clin Chem 35:1447; 228 adults, 95 % 400-930 pmol/L). Upper bound ten times the reference interval's top (an assumption).",
        p => p.ApoTranscobalaminPicomolesPerLiter, (p, v) => p with { ApoTranscobalaminPicomolesPerLiter = v });

    /// <summary>The free (apo-) haptocorrin of plasma with average stores (a_H).</summary>
    public static ModelParameter ApoHaptocorrin { get; } = new(
        nameof(Physiology.ApoHaptocorrin), "a_H", "pmol/L", FittedParameters.ApoHaptocorrinPicomolesPerLiter, 0, 1e4, ParameterScale.Linear, ParameterOrigin.Fitted,
        Fit + ", inside the 90-275 pmol/L of Gimsing & Nexo 1989 (haptocorrin is mostly saturated).",
        p => p.ApoHaptocorrinPicomolesPerLiter, (p, v) => p with { ApoHaptocorrinPicomolesPerLiter = v });

    /// <summary>The mass-action rate of binding of free B12 to free transcobalamin (k_on).</summary>
    public static ModelParameter CarrierBindingPerMicrogramHour { get; } = new(
        nameof(Physiology.CarrierBindingPerMicrogramHour), "k_on", "1/(µg·h)", FittedParameters.CarrierBindingPerMicrogramHour, 0.01, 100, ParameterScale.Log, ParameterOrigin.Fitted,
        "Model 3: fitted with the model-3 plasma constants (docs/model.md 1.2b), mainly the loss of 10 µg IM (Carmel 2008: 3 %) and OPEN's holoTC; binding is near-instant in vitro.",
        p => p.CarrierBindingPerMicrogramHour, (p, v) => p with { CarrierBindingPerMicrogramHour = v });

    /// <summary>The binding of free B12 to free haptocorrin relative to transcobalamin (ρ_H).</summary>
    public static ModelParameter HaptocorrinBindingRatio { get; } = new(
        nameof(Physiology.HaptocorrinBindingRatio), "ρ_H", "1", FittedParameters.HaptocorrinBindingRatio, 0, 10, ParameterScale.Linear, ParameterOrigin.Fitted,
        Fit + ", mainly Sharabi 2003 and Greibe 2019: newly absorbed B12 goes onto transcobalamin, haptocorrin fills over weeks.",
        p => p.HaptocorrinBindingRatio, (p, v) => p with { HaptocorrinBindingRatio = v });

    /// <summary>The mean time of each of the three transit steps of IF-mediated B12 (1/k_g).</summary>
    public static ModelParameter IntrinsicFactorTransit { get; } = new(
        nameof(Physiology.IntrinsicFactorTransit), "1/k_g", "h", 4, 0.01, 100, ParameterScale.Log, ParameterOrigin.Literature,
        "Three steps of 4 h: 6 % arrived by 3.5 h, peak at 8 h (IOM 1998 p.308: enters the circulation 3-4 h after the dose, plasma peak 8-12 h).",
        p => p.IntrinsicFactorTransitHours, (p, v) => p with { IntrinsicFactorTransitHours = v });

    /// <summary>The release half-time of an intranasal dose (t½_n).</summary>
    public static ModelParameter NasalReleaseHalfTime { get; } = new(
        nameof(Physiology.NasalReleaseHalfTime), "t½_n", "h", 1.0 / 6, 0.01, 100, ParameterScale.Log, ParameterOrigin.Assumption,
        "10 min, for the serum peak about half an hour after intranasal hydroxocobalamin (Br J Clin Pharmacol 1998;45:83: 35 ± 13 and 28 ± 16 min); model 3 fits it to those two peaks (docs/model.md 1.2b).",
        p => p.NasalReleaseHalfTimeHours, (p, v) => p with { NasalReleaseHalfTimeHours = v });

    /// <summary>The renal filtration of free hydroxocobalamin relative to cyanocobalamin (δ).</summary>
    public static ModelParameter HydroxocobalaminFiltrationFactor { get; } = new(
        nameof(Physiology.HydroxocobalaminFiltrationFactor), "δ", "1", FittedParameters.HydroxocobalaminFiltrationFactor, 1e-3, 1, ParameterScale.Logit, ParameterOrigin.Fitted,
        Fit + ", mainly the OHCbl urine of Blood 1961 (less filtered: slower diffusion and protein binding, Scand J Haematol 1964).",
        p => p.HydroxocobalaminFiltrationFactor, (p, v) => p with { HydroxocobalaminFiltrationFactor = v });

    /// <summary>The rate at which free hydroxocobalamin binds to plasma proteins (k_p).</summary>
    public static ModelParameter HydroxocobalaminProteinBindingPerHour { get; } = new(
        nameof(Physiology.HydroxocobalaminProteinBindingPerHour), "k_p", "1/h", FittedParameters.HydroxocobalaminProteinBindingPerHour, 0, 10, ParameterScale.Log, ParameterOrigin.Fitted,
        Fit + ", mainly the serum multiples of Blood 1961 (Scand J Haematol 1964). Upper bound 10 per hour bounds the per-load solve.",
        p => p.HydroxocobalaminProteinBindingPerHour, (p, v) => p with { HydroxocobalaminProteinBindingPerHour = v });

    /// <summary>The half-life of protein-bound hydroxocobalamin in plasma (t½_B).</summary>
    public static ModelParameter ProteinBoundHalfLife { get; } = new(
        nameof(Physiology.ProteinBoundHalfLife), "t½_B", "h", FittedParameters.ProteinBoundHalfLifeHours, 0.01, 1000, ParameterScale.Log, ParameterOrigin.Fitted,
        Fit + ".",
        p => p.ProteinBoundHalfLifeHours, (p, v) => p with { ProteinBoundHalfLifeHours = v });

    /// <summary>The half-life of holotranscobalamin in plasma (t½_T).</summary>
    public static ModelParameter HoloTranscobalaminHalfLife { get; } = new(
        nameof(Physiology.HoloTranscobalaminHalfLife), "t½_T", "h", FittedParameters.HoloTranscobalaminHalfLifeHours, 0.01, 1000, ParameterScale.Log, ParameterOrigin.Fitted,
        Fit + ", mainly the holoTC rises of Greibe 2018; it also stands for the 3-4 h arrival lag of IF-mediated B12.",
        p => p.HoloTranscobalaminHalfLifeHours, (p, v) => p with { HoloTranscobalaminHalfLifeHours = v });

    /// <summary>The half-life of holohaptocorrin in plasma (t½_H).</summary>
    public static ModelParameter HoloHaptocorrinHalfLife { get; } = new(
        nameof(Physiology.HoloHaptocorrinHalfLife), "t½_H", "d", FittedParameters.HoloHaptocorrinHalfLifeDays, 0.01, 1000, ParameterScale.Log, ParameterOrigin.Fitted,
        Fit + ", mainly the weeks 2-4 serum multiples of Blood 1961.",
        p => p.HoloHaptocorrinHalfLifeDays, (p, v) => p with { HoloHaptocorrinHalfLifeDays = v });

    /// <summary>The fraction of holotranscobalamin cleared onto haptocorrin (φ).</summary>
    public static ModelParameter TranscobalaminToHaptocorrinFraction { get; } = new(
        nameof(Physiology.TranscobalaminToHaptocorrinFraction), "φ", "1", FittedParameters.TranscobalaminToHaptocorrinFraction, 0, 1, ParameterScale.Logit, ParameterOrigin.Fitted,
        Fit + ", mainly the serum rise of Greibe 2019.",
        p => p.TranscobalaminToHaptocorrinFraction, (p, v) => p with { TranscobalaminToHaptocorrinFraction = v });

    /// <summary>The fraction of stores released onto transcobalamin per day (e_T).</summary>
    public static ModelParameter TranscobalaminReleasePerDay { get; } = new(
        nameof(Physiology.TranscobalaminReleasePerDay), "e_T", "1/d", FittedParameters.TranscobalaminReleasePerDay, 0, 1, ParameterScale.Log, ParameterOrigin.Fitted,
        Fit + ", mainly the holoTC share of serum (IOM 1998; Nexo & Hoffmann-Lücke 2011) and the baseline holoTC of Greibe 2019.",
        p => p.TranscobalaminReleasePerDay, (p, v) => p with { TranscobalaminReleasePerDay = v });

    /// <summary>The fraction of stores released onto haptocorrin per day (e_H), derived.</summary>
    public static ModelParameter HaptocorrinReleasePerDay { get; } = new(
        nameof(Physiology.HaptocorrinReleasePerDay), "e_H", "1/d", DefaultHaptocorrinReleasePerDay, 0, 1, ParameterScale.Log, ParameterOrigin.Derived,
        "Derived from t½_T, t½_H, φ, e_T, ρ, V_p and the reference values so that average stores (ReferenceStores) with the carriers in balance give ReferenceSerum in health; recomputed when they change, unless pinned by setting it.",
        p => p.HaptocorrinReleasePerDay, (p, v) => p with { HaptocorrinReleasePerDay = v });

    /// <summary>The largest body store (Mmax).</summary>
    public static ModelParameter MaximumStores { get; } = new(
        nameof(Physiology.MaximumStores), "Mmax", "µg", 11100, 1, 1e6, ParameterScale.Log, ParameterOrigin.Literature,
        "The highest individual total body store reported (IOM 1998 p.308); uptake slows as the body fills, dM/dR = 1 − (M/Mmax)².",
        p => p.MaximumStoresMicrograms, (p, v) => p with { MaximumStoresMicrograms = v });

    /// <summary>The half-life of the labile excess (t½_L).</summary>
    public static ModelParameter LabileHalfLife { get; } = new(
        nameof(Physiology.LabileHalfLife), "t½_L", "d", 30, 0.01, 1e5, ParameterScale.Log, ParameterOrigin.Assumption,
        "No figure in the shared reference: lost faster than deep stores (years), slower than holohaptocorrin (days).",
        p => p.LabileHalfLifeDays, (p, v) => p with { LabileHalfLifeDays = v });

    /// <summary>Model 3: the half-life of the exchangeable hepatic pool (t½_P).</summary>
    public static ModelParameter ExchangeableHalfLife { get; } = new(
        nameof(Physiology.ExchangeableHalfLife), "t½_P", "d", FittedParameters.ExchangeableHalfLifeDays, 0.01, 1000, ParameterScale.Log, ParameterOrigin.Fitted,
        "Model 3: fitted to OPEN holoTC on 1 mg a day (Dangour 2015) with the fall of holoTC within days of stopping (Herbert 1994) (docs/model.md 1.2b). Bounds 15 min to about three years (an assumption).",
        p => p.ExchangeableHalfLifeDays, (p, v) => p with { ExchangeableHalfLifeDays = v });

    /// <summary>Model 3: the stores at which their release onto haptocorrin is half its maximum (K_S).</summary>
    public static ModelParameter HaptocorrinReleaseHalfSaturation { get; } = new(
        nameof(Physiology.HaptocorrinReleaseHalfSaturation), "K_S", "µg", FittedParameters.HaptocorrinReleaseHalfSaturationMicrograms, 1, 1e6, ParameterScale.Log, ParameterOrigin.Fitted,
        "Model 3: fitted to the serum rise per doubling of usual intake (Dullemeijer 2013: 11 %) with the serum of the trials (docs/model.md 1.2b); the release also needs haptocorrin's free capacity (Gimsing & Nexo 1989). Bounds 1 µg to 1 g (an assumption).",
        p => p.HaptocorrinReleaseHalfSaturationMicrograms, (p, v) => p with { HaptocorrinReleaseHalfSaturationMicrograms = v });

    /// <summary>Model 3: the share of the exchangeable pool's outflow that returns to plasma on transcobalamin (ψ).</summary>
    public static ModelParameter ExchangeableToTranscobalaminFraction { get; } = new(
        nameof(Physiology.ExchangeableToTranscobalaminFraction), "ψ", "1", FittedParameters.ExchangeableToTranscobalaminFraction, 0, 1, ParameterScale.Logit, ParameterOrigin.Fitted,
        "Model 3: fitted to OPEN holoTC on 1 mg a day (Dangour 2015), trough and day average (docs/model.md 1.2b); the fit ended at the bound 1 (all of it returns onto transcobalamin) and holds it there; below 1 the rest passes into the stores.",
        p => p.ExchangeableToTranscobalaminFraction, (p, v) => p with { ExchangeableToTranscobalaminFraction = v });

    /// <summary>The bioavailability of intranasal B12 relative to IM (F_nasal).</summary>
    public static ModelParameter IntranasalBioavailability { get; } = new(
        nameof(Physiology.IntranasalBioavailability), "F_nasal", "1", 0.089, 0, 1, ParameterScale.Logit, ParameterOrigin.Literature,
        "8.9 % (Nascobal label, crossover study in 25 healthy fasting subjects; not verified here, ±30 % assumed).",
        p => p.IntranasalBioavailability, (p, v) => p with { IntranasalBioavailability = v });

    /// <summary>Average adult body stores (S_ref): the stores at which <see cref="ReferenceSerum"/> holds.</summary>
    public static ModelParameter ReferenceStores { get; } = Constant(
        nameof(ReferenceStores), "S_ref", "µg", ReferenceStoresMicrograms, ParameterScale.Log, ParameterOrigin.Literature,
        "Average adult body stores, 2500 µg (Carmel 2008).");

    /// <summary>Serum B12 with average stores and the carriers in balance (Σ_ref).</summary>
    public static ModelParameter ReferenceSerum { get; } = Constant(
        nameof(ReferenceSerum), "Σ_ref", "pg/mL", ReferenceSerumPicogramsPerMilliliter, ParameterScale.Log, ParameterOrigin.Literature,
        "The middle of the normal 400-500 pg/mL.");

    /// <summary>The smallest body store consistent with health: a reference line, not read by the equations.</summary>
    public static ModelParameter LowStores { get; } = Constant(
        nameof(LowStores), "", "µg", LowStoresMicrograms, ParameterScale.Log, ParameterOrigin.Literature,
        "The smallest store consistent with health, 300 µg (IOM 1998, Appendix N): the line of SimulationSettings.LowStores and of the charts' stores, not read by the equations.");

    /// <summary>The store loss per day in health, from which turnover and bile are derived.</summary>
    public static ModelParameter HealthyStoreLossPerDay { get; } = Constant(
        nameof(HealthyStoreLossPerDay), "", "1/d", HealthyStoreLossPerDayValue, ParameterScale.Log, ParameterOrigin.Literature,
        "0.13 ± 0.03 %/day, the pooled estimate of Doets 2013, inside the 0.1-0.2 %/day of IOM 1998.");

    /// <summary>The store loss per day without intrinsic factor (no biliary reabsorption).</summary>
    public static ModelParameter NoReabsorptionStoreLossPerDay { get; } = Constant(
        nameof(NoReabsorptionStoreLossPerDay), "", "1/d", NoReabsorptionStoreLossPerDayValue, ParameterScale.Log, ParameterOrigin.Literature,
        "0.2 %/day (IOM 1998 p.331, after Boddy & Adams 1972).");

    /// <summary>The store loss per day in atrophic gastritis.</summary>
    public static ModelParameter AtrophicGastritisStoreLossPerDay { get; } = Constant(
        nameof(AtrophicGastritisStoreLossPerDay), "", "1/d", 0.0015, ParameterScale.Log, ParameterOrigin.Literature,
        "0.15 %/day (IOM 1998, Appendix N); the model reaches it by reducing biliary reabsorption.");

    /// <summary>Food release without acid and pepsin, relative to health.</summary>
    public static ModelParameter ImpairedFoodReleaseFactor { get; } = Constant(
        nameof(ImpairedFoodReleaseFactor), "", "1", 0.5, ParameterScale.Logit, ParameterOrigin.Assumption,
        "Half: without acid and pepsin little food-bound B12 is released (Carmel 2008; IOM 1998), but no pooled figure exists; half keeps some release by pancreatic proteases.");

    /// <summary>IF-mediated uptake left after ileal resection, relative to health.</summary>
    public static ModelParameter IlealResectionUptakeFactor { get; } = Constant(
        nameof(IlealResectionUptakeFactor), "", "1", 0.25, ParameterScale.Logit, ParameterOrigin.Assumption,
        "Stands for resection of about 60 cm or more of terminal ileum, where the IF-B12 receptor (cubam) lies.");

    /// <summary>
    /// Absorption of food-bound B12 on omeprazole 20 mg a day, relative to before: the two published ratios fitted with
    /// equal weights on their logarithms (they disagree; the project fits both rather than choosing one).
    /// </summary>
    public static ModelParameter Omeprazole20FoodReleaseFactor { get; } = Constant(
        nameof(Omeprazole20FoodReleaseFactor), "", "1", WeightedRatio(0.9 / 3.2, 0.54 / 1.31), ParameterScale.Logit, ParameterOrigin.Literature,
        "Two sources that disagree, fitted with equal weights on the log ratios (their geometric mean, × 0.340; each within a factor 1.21 of it): Marcuard 1994 (Ann Intern Med 120:211; 10 healthy men, 2 weeks), protein-bound cyanocobalamin absorbed 3.2 % before and 0.9 % on 20 mg/day (× 0.281); Schenk 1996 (Aliment Pharmacol Ther 10:541), urinary excretion of protein-bound label 1.31 % before and 0.54 % on 20 mg/day (× 0.412). Crystalline B12 is not affected (Schenk 1996).");

    /// <summary>Absorption of food-bound B12 on omeprazole 40 mg a day, relative to before: as <see cref="Omeprazole20FoodReleaseFactor"/>.</summary>
    public static ModelParameter Omeprazole40FoodReleaseFactor { get; } = Constant(
        nameof(Omeprazole40FoodReleaseFactor), "", "1", WeightedRatio(0.4 / 3.4, 0.29 / 1.25), ParameterScale.Logit, ParameterOrigin.Literature,
        "Two sources that disagree, fitted with equal weights on the log ratios (their geometric mean, × 0.165; each within a factor 1.40 of it): Marcuard 1994 (Ann Intern Med 120:211), protein-bound cyanocobalamin absorbed 3.4 % before and 0.4 % on 40 mg/day (× 0.118); Schenk 1996 (Aliment Pharmacol Ther 10:541), urinary excretion of protein-bound label 1.25 % before and 0.29 % on 40 mg/day (× 0.232). Crystalline B12 is not affected (Schenk 1996).");

    /// <summary>The weights of <see cref="WeightedRatio"/>: Marcuard 1994's absorption ratio and Schenk 1996's urinary ratio count alike (the same design, ten and more subjects each; neither is known to be the better measure).</summary>
    internal const double MarcuardWeight = 0.5, SchenkWeight = 0.5;

    /// <summary>The weighted fit of two ratios on the log scale: <c>exp(w_M·ln a + w_S·ln b)</c> (with equal weights, the geometric mean).</summary>
    internal static double WeightedRatio(double marcuard, double schenk) => Math.Exp((MarcuardWeight * Math.Log(marcuard)) + (SchenkWeight * Math.Log(schenk)));

    /// <summary>The release of stores onto haptocorrin on metformin, relative to without.</summary>
    public static ModelParameter MetforminHaptocorrinReleaseFactor { get; } = Constant(
        nameof(MetforminHaptocorrinReleaseFactor), "", "1", 0.75, ParameterScale.Logit, ParameterOrigin.Assumption,
        "An ASSUMPTION for the size: metformin lowers total serum B12 mostly through the haptocorrin fraction while holoTC and MMA change little (Nutrients 2013;5:2475, review), which gives no effect size; a quarter less release onto haptocorrin lowers serum by about a fifth at balance and leaves holoTC, absorption and stores as they are.");

    /// <summary>The molar mass of cyanocobalamin, which converts serum to pmol/L.</summary>
    public static ModelParameter CyanocobalaminMolarMass { get; } = Constant(
        nameof(CyanocobalaminMolarMass), "", "g/mol", Quantities.CobalaminForms.CyanocobalaminGramsPerMole, ParameterScale.Linear, ParameterOrigin.Literature,
        "C63H88CoN14O14P, 1355.37 g/mol (1 pmol/L = 1.355 pg/mL).");

    /// <summary>A constant of the model: its bounds are its value, and no set can change it.</summary>
    private static ModelParameter Constant(string name, string symbol, string unit, double value, ParameterScale scale, ParameterOrigin origin, string source) =>
        new(name, symbol, unit, value, value, value, scale, origin, source);

    /// <summary>Every parameter a set holds, in the order of <c>docs/model.md</c>, then the constants.</summary>
    public static IReadOnlyList<ModelParameter> All { get; } =
    [
        IntrinsicFactorCapacity, IntrinsicFactorHalfSaturation, PassiveFraction, IntrinsicFactorRecovery, FoodReleaseFraction, IlealUptakeFactor,
        PlasmaVolume, ExtracellularVolume, GlomerularFiltrationMillilitersPerMinute, BindingCapacity, TissueUptakeMaximumMicrogramsPerHour,
        TissueUptakeHalfSaturation, HydroxocobalaminFiltrationFactor, HydroxocobalaminProteinBindingPerHour, ProteinBoundHalfLife,
        HoloTranscobalaminHalfLife, HoloHaptocorrinHalfLife, TranscobalaminToHaptocorrinFraction, HaptocorrinShare, TranscobalaminReleasePerDay,
        ReabsorbedBileThroughTranscobalaminFraction, HaptocorrinReleasePerDay, InjectionSiteHalfTime, HydroxocobalaminSiteReleaseHalfTime,
        MucosalReleaseHalfTime, NasalReleaseHalfTime, IntrinsicFactorTransit, ApoTranscobalamin, ApoHaptocorrin, CarrierBindingPerMicrogramHour,
        HaptocorrinBindingRatio, IntranasalBioavailability, BiliarySecretionPerDay, BiliaryReabsorptionFraction, TurnoverPerDay, MaximumStores,
        LabileHalfLife, ExchangeableHalfLife, ExchangeableToTranscobalaminFraction, HaptocorrinReleaseHalfSaturation,
        ReferenceStores, ReferenceSerum, LowStores, HealthyStoreLossPerDay, NoReabsorptionStoreLossPerDay, AtrophicGastritisStoreLossPerDay,
        ImpairedFoodReleaseFactor, IlealResectionUptakeFactor, Omeprazole20FoodReleaseFactor, Omeprazole40FoodReleaseFactor,
        MetforminHaptocorrinReleaseFactor, CyanocobalaminMolarMass,
    ];

    /// <summary>The parameters a set holds (not the constants).</summary>
    public static IReadOnlyList<ModelParameter> Settable { get; } = [.. All.Where(p => !p.IsConstant)];

    private static readonly Dictionary<string, ModelParameter> ByName = All.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The entry named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No entry has that name; the message lists them.</exception>
    public static ModelParameter Get(string name) =>
        TryGet(name, out var parameter)
            ? parameter
            : throw new ArgumentException($"No model parameter is named '{name}'; the parameters are: {string.Join(", ", All.Select(p => p.Name))}.", nameof(name));

    /// <summary>Tries to find the entry named <paramref name="name"/> (case-insensitive).</summary>
    public static bool TryGet(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelParameter? parameter)
    {
        parameter = null;
        return name is not null && ByName.TryGetValue(name.Trim(), out parameter);
    }
}

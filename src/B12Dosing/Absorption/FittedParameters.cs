namespace B12Dosing.Absorption;

/// <summary>
/// Parameters fitted to the published figures by <see cref="Calibration.Calibrator"/> (MathNet Nelder-Mead
/// simplex on squared log ratios, deterministic start). They are stored here so the library does not fit at
/// start-up; a test re-runs each fit and checks it reproduces these values. <c>docs/calibration.md</c>
/// lists them with their standard errors.
/// </summary>
internal static class FittedParameters
{
    /// <summary>
    /// IF-mediated uptake at saturation from one oral dose, µg (the C of <c>C·D/(K+D)</c>). Fitted by
    /// <see cref="Calibration.Calibrator.FitOral"/> to the 10 oral points of Carmel 2008, Table 1 (after
    /// Chanarin 1979 and Berlin 1968). With the passive part, 10-50 µg doses give 1.3-1.9 µg in total,
    /// matching "1.5-2 µg per meal" (Watanabe 2007; NIH ODS).
    /// </summary>
    public const double IntrinsicFactorCapacityMicrograms = 1.367;

    /// <summary>Dose at which IF-mediated uptake is half its capacity, µg (the K of <c>C·D/(K+D)</c>). Fitted with <see cref="IntrinsicFactorCapacityMicrograms"/> (Carmel 2008, Table 1).</summary>
    public const double IntrinsicFactorHalfSaturationMicrograms = 1.4241;

    /// <summary>Fraction of an oral dose absorbed by passive diffusion, independent of IF. Fitted with the IF parameters; mostly set by the pernicious-anaemia column of Carmel 2008, Table 1 (about 1.2 %, Berlin 1968).</summary>
    public const double PassiveFraction = 0.012545;

    /// <summary>
    /// Fraction of food-bound B12 that gastric acid and pepsin release in a healthy stomach. Fitted by
    /// <see cref="Calibration.Calibrator.FitFoodRelease"/> so that the oral model applied to the released
    /// amount follows the pooled regression of Doets 2013, ln(absorbed) = 0.7694 ln(dose) - 0.9614, over
    /// 0.5-5 µg (the B12 content of one meal).
    /// </summary>
    public const double FoodReleaseFraction = 0.60059;

    // The plasma model: fitted together by Calibration.Calibrator.FitPlasma to the injected retention of Carmel 2008,
    // the 72-h urine and the serum multiples of Blood 1961 and the holoTC and serum rises of Greibe 2018 and 2019.

    /// <summary>Maximum rate of tissue (liver) uptake of free B12, µg/h (fitted by <see cref="Calibration.Calibrator.FitPlasma"/>).</summary>
    public const double TissueUptakeMaximumMicrogramsPerHour = 47.128;

    /// <summary>Free B12 at which tissue uptake is half its maximum, µg (fitted by <see cref="Calibration.Calibrator.FitPlasma"/>).</summary>
    public const double TissueUptakeHalfSaturationMicrograms = 40.506;

    /// <summary>Renal filtration of free hydroxocobalamin relative to cyanocobalamin (fitted by <see cref="Calibration.Calibrator.FitPlasma"/>, mainly to the OHCbl urine of Blood 1961).</summary>
    public const double HydroxocobalaminFiltrationFactor = 0.13844;

    /// <summary>Rate at which free hydroxocobalamin binds to plasma proteins, per hour (fitted by <see cref="Calibration.Calibrator.FitPlasma"/>, mainly to the serum multiples of Blood 1961).</summary>
    public const double HydroxocobalaminProteinBindingPerHour = 0.016814;

    /// <summary>Half-life of protein-bound hydroxocobalamin in plasma, hours (fitted by <see cref="Calibration.Calibrator.FitPlasma"/>).</summary>
    public const double ProteinBoundHalfLifeHours = 8.8594;

    /// <summary>Half-life of holotranscobalamin in plasma, hours (fitted by <see cref="Calibration.Calibrator.FitPlasma"/>, mainly to Greibe 2018).</summary>
    public const double HoloTranscobalaminHalfLifeHours = 3.2772;

    /// <summary>Half-life of holohaptocorrin in plasma, days (fitted by <see cref="Calibration.Calibrator.FitPlasma"/>, mainly to the weeks 2-4 multiples of Blood 1961).</summary>
    public const double HoloHaptocorrinHalfLifeDays = 11.927;

    /// <summary>Fraction of holotranscobalamin cleared onto haptocorrin (fitted by <see cref="Calibration.Calibrator.FitPlasma"/>, mainly to Greibe 2019).</summary>
    public const double TranscobalaminToHaptocorrinFraction = 0.0044841;

    /// <summary>Share of newly bound B12 that goes onto haptocorrin (fitted by <see cref="Calibration.Calibrator.FitPlasma"/>).</summary>
    public const double HaptocorrinShare = 0.11001;

    /// <summary>Fraction of stores released onto transcobalamin per day (fitted by <see cref="Calibration.Calibrator.FitPlasma"/>, mainly to the holoTC share of serum, IOM 1998 and Nexo &amp; Hoffmann-Lücke 2011, and the baseline holoTC of Greibe 2019).</summary>
    public const double TranscobalaminReleasePerDay = 0.00018309;

    // Model 3 (the carriers' free capacity, Physiology.WithFreeCapacity): fitted together by a Nelder-Mead fit of the
    // nine plasma constants below to the points of docs/model.md 1.2 (CobaSorb and Greibe 2019, Sharabi 2003, OPEN,
    // Carmel 2008 and Blood 1961 injections, the Blood 1961 and Scand J Haematol 1964 serum multiples, the Schilling
    // test and the intranasal peak), with the IF transit (IOM 1998) and the binding rate held.

    /// <summary>Model 3: maximum rate of tissue uptake of free B12, µg/h.</summary>
    public const double FreeCapacityTissueUptakeMaximumMicrogramsPerHour = 49.242;

    /// <summary>Model 3: free B12 at which tissue uptake is half its maximum, µg.</summary>
    public const double FreeCapacityTissueUptakeHalfSaturationMicrograms = 12.668;

    /// <summary>Model 3: renal filtration of free hydroxocobalamin relative to cyanocobalamin.</summary>
    public const double FreeCapacityHydroxocobalaminFiltrationFactor = 0.64584;

    /// <summary>Model 3: rate at which free hydroxocobalamin binds to plasma proteins, per hour.</summary>
    public const double FreeCapacityHydroxocobalaminProteinBindingPerHour = 0.034366;

    /// <summary>Model 3: half-life of holotranscobalamin, hours (apo-transcobalamin is restored as holoTC is cleared).</summary>
    public const double FreeCapacityHoloTranscobalaminHalfLifeHours = 1.0341;

    /// <summary>Model 3: half-life of holohaptocorrin, days.</summary>
    public const double FreeCapacityHoloHaptocorrinHalfLifeDays = 13.782;

    /// <summary>
    /// Binding of free B12 to free haptocorrin relative to free transcobalamin, per unit of free capacity (model 3; mainly
    /// the serum rises of Sharabi 2003 and Greibe 2019: newly absorbed B12 goes onto transcobalamin, haptocorrin fills
    /// over weeks).
    /// </summary>
    public const double HaptocorrinBindingRatio = 0.0084860;

    /// <summary>Free apo-haptocorrin with average stores, pmol/L (model 3; inside the 90-275 pmol/L of Gimsing &amp; Nexo 1989).</summary>
    public const double ApoHaptocorrinPicomolesPerLiter = 115.26;

    /// <summary>Model 3: half-life of the exchangeable hepatic pool, days (fitted with the model-3 plasma constants).</summary>
    public const double ExchangeableHalfLifeDays = 1.0;

    /// <summary>Model 3: share of the exchangeable pool's outflow that returns onto transcobalamin (fitted with the model-3 plasma constants).</summary>
    public const double ExchangeableToTranscobalaminFraction = 0.5;

    /// <summary>Model 3: stores at which their release onto haptocorrin is half its maximum, µg (fitted with the model-3 plasma constants).</summary>
    public const double HaptocorrinReleaseHalfSaturationMicrograms = 500;
}

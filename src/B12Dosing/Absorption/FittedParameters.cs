namespace B12Dosing.Absorption;

/// <summary>
/// Parameters fitted to the published figures by <see cref="Calibration.Calibrator"/> (MathNet Nelder-Mead
/// simplex on squared log ratios, deterministic start). They are stored here so the library does not fit at
/// start-up; a test re-runs each fit and checks it reproduces these values. <c>docs/calibration.md</c>
/// lists them with their standard errors.
/// </summary>
public static class FittedParameters
{
    /// <summary>
    /// IF-mediated uptake at saturation from one oral dose, µg (the C of <c>C·D/(K+D)</c>). Fitted by
    /// <see cref="Calibration.Calibrator.FitOral"/> to the 10 oral points of Carmel 2008, Table 1 (after
    /// Chanarin 1979 and Berlin 1968). With the passive part, 10-50 µg doses give 1.3-1.9 µg in total,
    /// matching "1.5-2 µg per meal" (Watanabe 2007; NIH ODS).
    /// </summary>
    public const double IntrinsicFactorCapacityMicrograms = 1.3670;

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

    /// <summary>
    /// Renal-retention capacity of cyanocobalamin, µg: <c>a = Vmax/k_r</c>, the ratio of saturated tissue
    /// uptake rate to the renal clearance rate constant of free plasma B12. Fitted by
    /// <see cref="Calibration.Calibrator.FitInjected"/> to the retention of 10, 100 and 1000 µg IM (Carmel 2008, Table 1).
    /// </summary>
    public const double RenalRetentionCapacityMicrograms = 49.665;

    /// <summary>
    /// Filterable (free) fraction of hydroxocobalamin relative to cyanocobalamin: OHCbl binds far more to plasma
    /// proteins (Blood 1961), so only this fraction of it is exposed to renal clearance, and its retention
    /// capacity is <c>a / f</c>. Fitted by <see cref="Calibration.Calibrator.FitHydroxocobalamin"/> to the 72-hour
    /// urinary losses of OHCbl (16 % of 500 µg, 27 % of 1000 µg; "Hydroxocobalamin I", Blood 1961;18:511).
    /// </summary>
    public const double HydroxocobalaminFreeFraction = 0.040387;
}

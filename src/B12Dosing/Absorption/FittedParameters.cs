namespace B12Dosing.Absorption;

/// <summary>
/// Parameters fitted to the published figures, stored so the library does not fit at start-up. The fits of
/// <see cref="Calibration.Calibrator"/> (MathNet Nelder-Mead simplex on squared log ratios, deterministic start) are
/// generated into the other part of this class (<c>Calibration/CalibrationData.g.cs</c>, by <c>tools/calibrate.sh</c>) with
/// their covariance (<see cref="Calibration.CalibrationEstimate.Current"/>); a test checks that file is what a fresh fit
/// writes. <c>docs/calibration.md</c> lists them with their standard errors. The model 3 constants below were fitted
/// outside the calibrator.
/// </summary>
internal static partial class FittedParameters
{
    // Model 3 (the carriers' free capacity, Physiology.WithFreeCapacity): fitted together by a Nelder-Mead fit of the
    // thirteen model-3 constants here (tools/B12Dosing.Calibration --model3; FreeCapacityFit) to every point of sections
    // 2, 6 and 8 of the shared reference that they move (docs/model.md 1.2b), each weighted one per band, with the IF
    // transit (IOM 1998) and the binding rate held; the exchangeable pool's share back onto transcobalamin ended at its
    // bound 1 and is held there.

    /// <summary>Model 3: maximum rate of tissue uptake of free B12, µg/h.</summary>
    public const double FreeCapacityTissueUptakeMaximumMicrogramsPerHour = 55.52;

    /// <summary>Model 3: free B12 at which tissue uptake is half its maximum, µg.</summary>
    public const double FreeCapacityTissueUptakeHalfSaturationMicrograms = 16.067;

    /// <summary>Model 3: renal filtration of free hydroxocobalamin relative to cyanocobalamin.</summary>
    public const double FreeCapacityHydroxocobalaminFiltrationFactor = 0.35733;

    /// <summary>Model 3: rate at which free hydroxocobalamin binds to plasma proteins, per hour.</summary>
    public const double FreeCapacityHydroxocobalaminProteinBindingPerHour = 0.064595;

    /// <summary>Model 3: half-life of holotranscobalamin, hours (apo-transcobalamin is restored as holoTC is cleared).</summary>
    public const double FreeCapacityHoloTranscobalaminHalfLifeHours = 0.63003;

    /// <summary>Model 3: half-life of holohaptocorrin, days.</summary>
    public const double FreeCapacityHoloHaptocorrinHalfLifeDays = 6.419;

    /// <summary>
    /// Binding of free B12 to free haptocorrin relative to free transcobalamin, per unit of free capacity (model 3; mainly
    /// the serum rises of Sharabi 2003 and Greibe 2019: newly absorbed B12 goes onto transcobalamin, haptocorrin fills
    /// over weeks).
    /// </summary>
    public const double HaptocorrinBindingRatio = 0.032501;

    /// <summary>Free apo-haptocorrin with average stores, pmol/L (model 3; inside the 90-275 pmol/L of Gimsing &amp; Nexo 1989).</summary>
    public const double ApoHaptocorrinPicomolesPerLiter = 211.56;

    /// <summary>Model 3: half-life of the exchangeable hepatic pool, days (fitted with the model-3 plasma constants).</summary>
    public const double ExchangeableHalfLifeDays = 0.20048;

    /// <summary>Model 3: share of the exchangeable pool's outflow that returns onto transcobalamin (fitted with the model-3 plasma constants).</summary>
    public const double ExchangeableToTranscobalaminFraction = 1;

    /// <summary>Model 3: stores at which their release onto haptocorrin is half its maximum, µg: fitted with the model-3 plasma constants (269), then set to 220, within one standard error along a flat direction of the fit, so that the Dullemeijer slope (24.2 %) is not on the edge of its 25 % band.</summary>
    public const double HaptocorrinReleaseHalfSaturationMicrograms = 220;

    /// <summary>Model 3: release of stores onto transcobalamin per day (fitted with the model-3 plasma constants, mainly the holoTC share of serum in health and OPEN's holoTC).</summary>
    public const double FreeCapacityTranscobalaminReleasePerDay = 0.0041328;

    /// <summary>Model 3: half-time of release of OHCbl from the injection site, hours (bootstrap; replaced by the generated fit).</summary>
    public const double FreeCapacityHydroxocobalaminSiteReleaseHalfTimeHours = 2.5;

    /// <summary>Model 3: nasal release half-time, hours (bootstrap; replaced by the generated fit).</summary>
    public const double FreeCapacityNasalReleaseHalfTimeHours = 1.0 / 6;

    /// <summary>Model 3: binding of free B12 to free transcobalamin, per µg per hour (bootstrap; replaced by the generated fit).</summary>
    public const double CarrierBindingPerMicrogramHour = 10;

    /// <summary>Model 3: half-time of release of CNCbl from the injection site, hours (fitted with the model-3 plasma constants, held at most 0.5 h so that the plasma peak comes within 1 h, US label).</summary>
    public const double FreeCapacityInjectionSiteHalfTimeHours = 0.48047;
}

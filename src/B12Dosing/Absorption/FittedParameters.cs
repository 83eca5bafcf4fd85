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

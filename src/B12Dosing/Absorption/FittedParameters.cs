namespace B12Dosing.Absorption;

/// <summary>
/// Parameters fitted to the published figures, stored so the library does not fit at start-up. The fits of
/// <see cref="Calibration.Calibrator"/> (MathNet Nelder-Mead simplex on squared log ratios, deterministic start) are
/// generated into the other parts of this class with their covariance: model 2's in <c>Calibration/CalibrationData.g.cs</c>
/// (<see cref="Calibration.CalibrationEstimate.Current"/>, by <c>tools/calibrate.sh</c>; a test checks that file is what a
/// fresh fit writes) and model 3's in <c>Calibration/FreeCapacityData.g.cs</c>
/// (<see cref="Calibration.CalibrationEstimate.FreeCapacity"/>, by the calibration tool's <c>--model3-write</c>; a test
/// checks its residuals are the model's at the stored values). <c>docs/calibration.md</c> lists them with their standard
/// errors. The two below are model 3's constants held, not fitted.
/// </summary>
internal static partial class FittedParameters
{
    /// <summary>
    /// Model 3: share of the exchangeable pool's outflow that returns onto transcobalamin. The joint fit drives it to its
    /// bound 1 (all of it returns onto transcobalamin: the data ask for tissue uptake to come back on transcobalamin
    /// within hours), where it is held and left out of the covariance.
    /// </summary>
    public const double ExchangeableToTranscobalaminFraction = 1;

    /// <summary>
    /// Model 3: binding of free B12 to free transcobalamin, per µg of free capacity per hour: 30, so that free B12 meeting
    /// the free capacity of average plasma (2.85 µg) is bound with a half-time of about 30 s (binding is near-instant in
    /// vitro) and 10 µg IM loses about 3 % (Carmel 2008: 3 %). Held in the joint fit: left free it runs to its bound,
    /// which gains little and makes the free pool stiffer (every explicit step of the solver shorter).
    /// </summary>
    public const double CarrierBindingPerMicrogramHour = 30;
}

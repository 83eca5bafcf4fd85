namespace B12Dosing.Absorption.Calibration
{
    internal static class FreeCapacityData
    {
        public static CalibrationEstimate Estimate => throw new System.InvalidOperationException("bootstrap");
    }
}

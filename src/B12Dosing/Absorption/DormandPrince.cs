namespace B12Dosing.Absorption;

/// <summary>
/// The Dormand-Prince 5(4) tableau (Dormand &amp; Prince 1980, J Comput Appl Math 6:19): the stage coefficients <c>aij</c>,
/// the fifth-order weights <c>bi</c> (FSAL: <c>b2 = b7 = 0</c>) and the error weights <c>ei</c> (fifth minus fourth order).
/// One table for the adaptive solves of the plasma load (<see cref="PlasmaLoad"/>) and of absorption in transit
/// (<c>Kinetics.Transit</c>); the names are the tableau's.
/// </summary>
internal static class DormandPrince
{
#pragma warning disable SA1303, IDE1006 // the tableau's own names
    internal const double a21 = 1.0 / 5;
    internal const double a31 = 3.0 / 40, a32 = 9.0 / 40;
    internal const double a41 = 44.0 / 45, a42 = -56.0 / 15, a43 = 32.0 / 9;
    internal const double a51 = 19372.0 / 6561, a52 = -25360.0 / 2187, a53 = 64448.0 / 6561, a54 = -212.0 / 729;
    internal const double a61 = 9017.0 / 3168, a62 = -355.0 / 33, a63 = 46732.0 / 5247, a64 = 49.0 / 176, a65 = -5103.0 / 18656;
    internal const double b1 = 35.0 / 384, b3 = 500.0 / 1113, b4 = 125.0 / 192, b5 = -2187.0 / 6784, b6 = 11.0 / 84;
    internal const double e1 = 71.0 / 57600, e3 = -71.0 / 16695, e4 = 71.0 / 1920, e5 = -17253.0 / 339200, e6 = 22.0 / 525, e7 = -1.0 / 40;
#pragma warning restore SA1303, IDE1006
}

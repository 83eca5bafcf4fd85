namespace B12Dosing.Kinetics;

/// <summary>
/// The RODAS4 tableau (Hairer &amp; Wanner 1996, Solving Ordinary Differential Equations II, 2nd ed., section IV.7, Table
/// 7.2; the coefficients of Hairer's <c>rodas.f</c>, method 1), in the form without Jacobian products: with
/// <c>M = I/(h·γ) − J</c>, stage <c>i</c> solves <c>M·U_i = f(y + Σ a_ij·U_j) + Σ (c_ij/h)·U_j</c>; the step is
/// <c>y + Σ m_j·U_j</c> and its error estimate is <c>U_6</c> (the method is stiffly accurate: order 4, embedded
/// order 3, L-stable). The names are the tableau's.
/// </summary>
internal static class Rodas4
{
#pragma warning disable SA1303, IDE1006 // the tableau's own names
    internal const double gamma = 0.25;
    internal const double a21 = 1.544;
    internal const double a31 = 0.9466785280815826, a32 = 0.2557011698983284;
    internal const double a41 = 3.314825187068521, a42 = 2.896124015972201, a43 = 0.9986419139977817;
    internal const double a51 = 1.221224509226641, a52 = 6.019134481288629, a53 = 12.53708332932087, a54 = -0.6878860361058950;
    internal const double c21 = -5.6688;
    internal const double c31 = -2.430093356833875, c32 = -0.2063599157091915;
    internal const double c41 = -0.1073529058151375, c42 = -9.594562251023355, c43 = -20.47028614809616;
    internal const double c51 = 7.496443313967647, c52 = -10.24680431464352, c53 = -33.99990352819905, c54 = 11.70890893206160;
    internal const double c61 = 8.083246795921522, c62 = -7.981132988064893, c63 = -31.52159432874371, c64 = 16.31930543123136, c65 = -6.058818238834054;

    /// <summary>The step-size controller's largest growth after an accepted step (Hairer &amp; Wanner's <c>rodas.f</c> uses 6).</summary>
    internal const double LargestGrowth = 6;

    /// <summary>The step-size controller's exponent: −1/(the embedded order + 1).</summary>
    internal const double ErrorExponent = -0.25;
#pragma warning restore SA1303, IDE1006
}

using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace B12Dosing.Absorption.Calibration;

/// <summary>A fitted parameter with its approximate standard error.</summary>
/// <param name="Name">The parameter's name (its <see cref="Physiology"/> property).</param>
/// <param name="Value">The fitted value.</param>
/// <param name="StandardError">
/// Approximate standard error from the Jacobian of the log residuals at the optimum
/// (<c>s²(JᵀJ)⁻¹</c>, <c>s² = SSR/(n − k)</c>), mapped from the log parameter to the parameter.
/// </param>
/// <param name="Unit">The unit of the value (empty for fractions).</param>
/// <param name="FittedTo">What the parameter was fitted to.</param>
public sealed record FittedParameter(string Name, double Value, double StandardError, string Unit, string FittedTo);

/// <summary>
/// Reproducible least-squares fits of the absorption parameters to the published figures: minimises the sum of
/// squared log ratios (model/published) over the log parameters with MathNet's Nelder-Mead simplex from fixed
/// starting points, so every run gives the same result. The results are stored in <see cref="FittedParameters"/>.
/// </summary>
public static class Calibrator
{
    /// <summary>Fits IF capacity, IF half-saturation dose and passive fraction to the 10 oral points of Carmel 2008.</summary>
    public static IReadOnlyList<FittedParameter> FitOral() => Fit(
        PublishedData.Oral,
        [1.5, 1.5, 0.012],
        (condition, θ) => Physiology.For(condition) with
        {
            IntrinsicFactorCapacityMicrograms = Physiology.For(condition).IntrinsicFactorCapacityMicrograms > 0 ? θ[0] : 0,
            IntrinsicFactorHalfSaturationMicrograms = θ[1],
            PassiveFraction = θ[2],
        },
        [
            (nameof(Physiology.IntrinsicFactorCapacityMicrograms), "µg"),
            (nameof(Physiology.IntrinsicFactorHalfSaturationMicrograms), "µg"),
            (nameof(Physiology.PassiveFraction), string.Empty),
        ],
        "Carmel 2008 Table 1, oral, healthy and PA (10 points)");

    /// <summary>Fits the healthy food release fraction to the Doets 2013 regression over <see cref="PublishedData.FoodFitRange"/>.</summary>
    public static IReadOnlyList<FittedParameter> FitFoodRelease() => Fit(
        PublishedData.FoodRegression,
        [0.5],
        (condition, θ) => Physiology.For(condition) with { FoodReleaseFraction = Math.Min(θ[0], 1) },
        [(nameof(Physiology.FoodReleaseFraction), string.Empty)],
        "Doets 2013 regression, 0.5-5 µg food (11 points on the curve; the error is misfit to the curve)");

    /// <summary>Fits the cyanocobalamin renal-retention capacity <c>a</c> (Km = 0) to the 3 IM points of Carmel 2008.</summary>
    public static IReadOnlyList<FittedParameter> FitInjected() => Fit(
        PublishedData.InjectedCyanocobalamin,
        [100],
        (condition, θ) => Physiology.For(condition) with { RenalRetentionCapacityMicrograms = θ[0] },
        [(nameof(Physiology.RenalRetentionCapacityMicrograms), "µg")],
        "Carmel 2008 Table 1, IM CNCbl retained (3 points)");

    /// <summary>Fits the hydroxocobalamin free fraction to its 72-h urinary losses (Blood 1961), given the stored cyanocobalamin capacity.</summary>
    public static IReadOnlyList<FittedParameter> FitHydroxocobalamin() => Fit(
        PublishedData.InjectedHydroxocobalamin,
        [0.5],
        (condition, θ) => Physiology.For(condition) with { HydroxocobalaminFreeFraction = Math.Min(θ[0], 1) },
        [(nameof(Physiology.HydroxocobalaminFreeFraction), string.Empty)],
        "Blood 1961, IM OHCbl 72-h urinary loss (2 points)");

    /// <summary>All fits, in the order above.</summary>
    public static IReadOnlyList<FittedParameter> FitAll() => [.. FitOral(), .. FitFoodRelease(), .. FitInjected(), .. FitHydroxocobalamin()];

    /// <summary>Sum of squared log ratios of the points for a physiology builder and parameters.</summary>
    private static double Cost(IReadOnlyList<PublishedPoint> points, Func<Condition, double[], Physiology> build, double[] θ)
    {
        var sum = 0.0;
        foreach (var point in points)
        {
            var physiology = build(point.Condition, θ);
            if (physiology.MaximumOralFraction > 1)
            {
                return double.PositiveInfinity; // outside the physical region: absorbs more than a small dose
            }

            var r = Math.Log(point.Ratio(physiology));
            sum += r * r;
        }

        return sum;
    }

    private static IReadOnlyList<FittedParameter> Fit(
        IReadOnlyList<PublishedPoint> points,
        double[] start,
        Func<Condition, double[], Physiology> build,
        (string Name, string Unit)[] names,
        string fittedTo)
    {
        static double[] FromLog(Vector<double> v) => [.. v.Select(x => Math.Exp(x))];
        var objective = ObjectiveFunction.Value(v => Cost(points, build, FromLog(v)));
        var initial = Vector<double>.Build.Dense([.. start.Select(x => Math.Log(x))]);
        var step = Vector<double>.Build.Dense(start.Length, 0.3);
        var best = NelderMeadSimplex.Minimum(objective, initial, step, 1e-14, 20000).MinimizingPoint;
        var θ = FromLog(best);
        var errors = StandardErrors(points, build, best, FromLog);
        return [.. names.Select((n, i) => new FittedParameter(n.Name, θ[i], errors[i], n.Unit, fittedTo))];
    }

    /// <summary>Standard errors from the Jacobian of the log residuals with respect to the log parameters.</summary>
    private static double[] StandardErrors(
        IReadOnlyList<PublishedPoint> points,
        Func<Condition, double[], Physiology> build,
        Vector<double> logθ,
        Func<Vector<double>, double[]> fromLog)
    {
        Vector<double> Residuals(Vector<double> v)
        {
            var θ = fromLog(v);
            return Vector<double>.Build.Dense([.. points.Select(p => Math.Log(p.Ratio(build(p.Condition, θ))))]);
        }

        const double h = 1e-5;
        var k = logθ.Count;
        var jacobian = Matrix<double>.Build.Dense(points.Count, k);
        for (var j = 0; j < k; j++)
        {
            var up = logθ.Clone();
            var down = logθ.Clone();
            up[j] += h;
            down[j] -= h;
            jacobian.SetColumn(j, (Residuals(up) - Residuals(down)) / (2 * h));
        }

        var residuals = Residuals(logθ);
        var dof = Math.Max(points.Count - k, 1);
        var covariance = (jacobian.TransposeThisAndMultiply(jacobian)).Inverse() * (residuals.DotProduct(residuals) / dof);
        var values = fromLog(logθ);
        return [.. values.Select((v, j) => v * Math.Sqrt(covariance[j, j]))];
    }
}

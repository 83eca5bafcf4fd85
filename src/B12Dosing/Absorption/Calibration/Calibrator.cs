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

    /// <summary>
    /// Fits the plasma model together, weight 1 for every point (log ratio model/published): tissue uptake (maximum
    /// and half-saturation), the hydroxocobalamin filtration factor and protein binding, the half-lives of protein-bound
    /// B12, holoTC and holoHC, the share of holoTC cleared onto haptocorrin, the haptocorrin share of newly bound B12 and
    /// the release of stores onto transcobalamin, to the injected retention of Carmel 2008, the 72-h urine of Blood 1961
    /// (CNCbl as the kept fraction), the serum multiples of Blood 1961 and Scand J Haematol 1964, the rises of holoTC and
    /// serum of Greibe 2018 and 2019, the baseline of Greibe 2019 and the holoTC share of serum in health (IOM 1998;
    /// Nexo &amp; Hoffmann-Lücke 2011) (<see cref="PublishedData.Plasma"/>).
    /// The release of stores onto haptocorrin follows from each candidate (450 pg/mL at 2500 µg).
    /// </summary>
    public static IReadOnlyList<FittedParameter> FitPlasma() => Fit(
        PublishedData.Plasma,
        [.. StoredPlasmaParameters],
        (condition, θ) => Physiology.For(condition) with
        {
            TissueUptakeMaximumMicrogramsPerHour = θ[0],
            TissueUptakeHalfSaturationMicrograms = θ[1],
            HydroxocobalaminFiltrationFactor = Math.Min(θ[2], 1),
            HydroxocobalaminProteinBindingPerHour = θ[3],
            ProteinBoundHalfLifeHours = θ[4],
            HoloTranscobalaminHalfLifeHours = θ[5],
            HoloHaptocorrinHalfLifeDays = θ[6],
            TranscobalaminToHaptocorrinFraction = Math.Min(θ[7], 1),
            HaptocorrinShare = Math.Min(θ[8], 1),
            TranscobalaminReleasePerDay = Math.Min(θ[9], 1),
            HaptocorrinReleasePerDay = HaptocorrinRelease(θ),
        },
        [
            (nameof(Physiology.TissueUptakeMaximumMicrogramsPerHour), "µg/h"),
            (nameof(Physiology.TissueUptakeHalfSaturationMicrograms), "µg"),
            (nameof(Physiology.HydroxocobalaminFiltrationFactor), string.Empty),
            (nameof(Physiology.HydroxocobalaminProteinBindingPerHour), "/h"),
            (nameof(Physiology.ProteinBoundHalfLifeHours), "h"),
            (nameof(Physiology.HoloTranscobalaminHalfLifeHours), "h"),
            (nameof(Physiology.HoloHaptocorrinHalfLifeDays), "d"),
            (nameof(Physiology.TranscobalaminToHaptocorrinFraction), string.Empty),
            (nameof(Physiology.HaptocorrinShare), string.Empty),
            (nameof(Physiology.TranscobalaminReleasePerDay), "/d"),
        ],
        PlasmaFittedTo);

    /// <summary>What <see cref="FitPlasma"/> fits to, as the report states it.</summary>
    private static string PlasmaFittedTo => $"Carmel 2008 IM, Blood 1961 urine and serum, Scand J Haematol 1964, Greibe 2018 and 2019, holoTC share (IOM 1998; Nexo 2011) ({PublishedData.Plasma.Count} points, weight 1 each)";

    private static double HaptocorrinRelease(double[] θ)
    {
        var healthy = Physiology.Healthy;
        try
        {
            var ontoTranscobalamin = (healthy.ReabsorbedBileThroughTranscobalaminFraction * healthy.BiliaryReabsorptionFraction * healthy.BiliarySecretionPerDay) + Math.Min(θ[9], 1);
            return B12Dosing.Parameters.CarrierBalance.HaptocorrinReleaseFor(θ[5], θ[6], Math.Min(θ[7], 1), ontoTranscobalamin, healthy.PlasmaVolumeLiters);
        }
        catch (ArgumentException)
        {
            return double.NaN; // outside the physical region: the cost is then infinite
        }
    }

    /// <summary>All fits, in the order above.</summary>
    public static IReadOnlyList<FittedParameter> FitAll() => [.. FitOral(), .. FitFoodRelease(), .. FitPlasma()];

    /// <summary>Sum of squared log ratios of the points for a physiology builder and parameters.</summary>
    private static double Cost(IReadOnlyList<PublishedPoint> points, Func<Condition, double[], Physiology> build, double[] θ)
    {
        var sum = 0.0;
        var built = new Dictionary<Condition, Physiology>();
        try
        {
            foreach (var point in points)
            {
                if (!built.TryGetValue(point.Condition, out var physiology))
                {
                    built[point.Condition] = physiology = build(point.Condition, θ);
                }

                if (physiology.MaximumOralFraction > 1)
                {
                    return double.PositiveInfinity; // outside the physical region: absorbs more than a small dose
                }

                var r = Math.Log(point.Ratio(physiology));
                sum += r * r;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            return double.PositiveInfinity; // a parameter outside its range (a candidate of the simplex, not a result)
        }

        return double.IsFinite(sum) ? sum : double.PositiveInfinity;
    }

    /// <summary>The stored values of the plasma fit's parameters (<see cref="FittedParameters"/>), in the order <see cref="FitPlasma"/> fits them: its start, and what a refit must give back.</summary>
    internal static IReadOnlyList<double> StoredPlasmaParameters { get; } =
    [
        FittedParameters.TissueUptakeMaximumMicrogramsPerHour,
        FittedParameters.TissueUptakeHalfSaturationMicrograms,
        FittedParameters.HydroxocobalaminFiltrationFactor,
        FittedParameters.HydroxocobalaminProteinBindingPerHour,
        FittedParameters.ProteinBoundHalfLifeHours,
        FittedParameters.HoloTranscobalaminHalfLifeHours,
        FittedParameters.HoloHaptocorrinHalfLifeDays,
        FittedParameters.TranscobalaminToHaptocorrinFraction,
        FittedParameters.HaptocorrinShare,
        FittedParameters.TranscobalaminReleasePerDay,
    ];

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
            var built = new Dictionary<Condition, Physiology>();
            return Vector<double>.Build.Dense([.. points.Select(p => Math.Log(p.Ratio(built.TryGetValue(p.Condition, out var b) ? b : built[p.Condition] = build(p.Condition, θ))))]);
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

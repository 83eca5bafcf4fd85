using B12Dosing.Parameters;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace B12Dosing.Absorption.Calibration;

/// <summary>
/// Reproducible least-squares fits of the absorption parameters to the published figures: minimises the sum of
/// squared log ratios (model/published) over the log parameters with MathNet's Nelder-Mead simplex from fixed
/// starting points, so every run gives the same result. <see cref="Estimate"/> gives all fits with their covariances;
/// the tool <c>tools/B12Dosing.Calibration</c> writes it into the library (<see cref="CalibrationEstimate.Current"/> and the
/// stored values of <see cref="FittedParameters"/>, generated in <c>CalibrationData.g.cs</c>) and into <c>docs/calibration.md</c>.
/// </summary>
public static class Calibrator
{
    /// <summary>Fits IF capacity, IF half-saturation dose and passive fraction to the 10 oral points of Carmel 2008.</summary>
    public static CalibrationFit FitOral() => Oral(1);

    private static CalibrationFit Oral(int copies) => Fit(
        "oral",
        Copies(PublishedData.Oral, copies),
        [1.5, 1.5, 0.012],
        (condition, θ) => ParameterSet.For(condition) with
        {
            IntrinsicFactorCapacityMicrograms = ParameterSet.For(condition).IntrinsicFactorCapacityMicrograms > 0 ? θ[0] : 0,
            IntrinsicFactorHalfSaturationMicrograms = θ[1],
            PassiveFraction = θ[2],
        },
        [ModelParameters.IntrinsicFactorCapacity, ModelParameters.IntrinsicFactorHalfSaturation, ModelParameters.PassiveFraction],
        "Carmel 2008 Table 1, oral, healthy and PA (10 points)");

    /// <summary>Fits the healthy food release fraction to the Doets 2013 regression over <see cref="PublishedData.FoodFitRange"/>.</summary>
    public static CalibrationFit FitFoodRelease() => Food(1);

    private static CalibrationFit Food(int copies) => Fit(
        "food",
        Copies(PublishedData.FoodRegression, copies),
        [0.5],
        (condition, θ) => ParameterSet.For(condition) with { FoodReleaseFraction = Math.Min(θ[0], 1) },
        [ModelParameters.FoodReleaseFraction],
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
    public static CalibrationFit FitPlasma() => Plasma(1);

    private static CalibrationFit Plasma(int copies) => Fit(
        "plasma",
        Copies(PublishedData.Plasma, copies),
        [.. StoredPlasmaParameters],
        (condition, θ) => ParameterSet.For(condition) with
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
            ModelParameters.TissueUptakeMaximumMicrogramsPerHour, ModelParameters.TissueUptakeHalfSaturation, ModelParameters.HydroxocobalaminFiltrationFactor,
            ModelParameters.HydroxocobalaminProteinBindingPerHour, ModelParameters.ProteinBoundHalfLife, ModelParameters.HoloTranscobalaminHalfLife,
            ModelParameters.HoloHaptocorrinHalfLife, ModelParameters.TranscobalaminToHaptocorrinFraction, ModelParameters.HaptocorrinShare,
            ModelParameters.TranscobalaminReleasePerDay,
        ],
        PlasmaFittedTo);

    /// <summary>What <see cref="FitPlasma"/> fits to, as the report states it.</summary>
    private static string PlasmaFittedTo => $"Carmel 2008 IM, Blood 1961 urine and serum, Scand J Haematol 1964, Greibe 2018 and 2019, holoTC share (IOM 1998; Nexo 2011) ({PublishedData.Plasma.Count} points, weight 1 each)";

    private static double HaptocorrinRelease(double[] θ)
    {
        var healthy = ParameterSet.Healthy;
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

    /// <summary>All fits, in the order above, as one estimate (what the calibration tool writes into the library).</summary>
    public static CalibrationEstimate Estimate() => EstimateWithCopies(1);

    /// <summary>All fits with every published point taken <paramref name="copies"/> times (duplicated data: the same optimum, a smaller covariance).</summary>
    internal static CalibrationEstimate EstimateWithCopies(int copies) => new([Oral(copies), Food(copies), Plasma(copies)]);

    private static IReadOnlyList<PublishedPoint> Copies(IReadOnlyList<PublishedPoint> points, int copies) =>
        copies >= 1 ? [.. Enumerable.Repeat(points, copies).SelectMany(p => p)] : throw new ArgumentOutOfRangeException(nameof(copies), copies, "At least one copy.");

    /// <summary>Sum of squared log ratios of the points for a physiology builder and parameters.</summary>
    private static double Cost(IReadOnlyList<PublishedPoint> points, Func<Condition, double[], ParameterSet> build, double[] θ)
    {
        var sum = 0.0;
        var built = new Dictionary<Condition, ParameterSet>();
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

    private static CalibrationFit Fit(
        string name,
        IReadOnlyList<PublishedPoint> points,
        double[] start,
        Func<Condition, double[], ParameterSet> build,
        ModelParameter[] parameters,
        string fittedTo)
    {
        static double[] FromLog(Vector<double> v) => [.. v.Select(x => Math.Exp(x))];
        var objective = ObjectiveFunction.Value(v => Cost(points, build, FromLog(v)));
        var initial = Vector<double>.Build.Dense([.. start.Select(x => Math.Log(x))]);
        var step = Vector<double>.Build.Dense(start.Length, 0.3);
        var best = NelderMeadSimplex.Minimum(objective, initial, step, 1e-14, 20000).MinimizingPoint;
        return Covariance(name, points, build, best, FromLog, parameters, fittedTo);
    }

    /// <summary>
    /// The fit at the log parameters <paramref name="logθ"/>: the covariance <c>s²(JᵀJ)⁻¹</c> from the Jacobian of the
    /// log residuals with respect to the log parameters (a point repeated counts as a weight), mapped to each parameter's
    /// estimation scale (<c>dη/d ln θ</c> is 1 on a log scale, <c>1/(1 − θ)</c> on a logit scale, <c>θ</c> on a linear one).
    /// </summary>
    private static CalibrationFit Covariance(
        string name,
        IReadOnlyList<PublishedPoint> points,
        Func<Condition, double[], ParameterSet> build,
        Vector<double> logθ,
        Func<Vector<double>, double[]> fromLog,
        ModelParameter[] parameters,
        string fittedTo)
    {
        Vector<double> Residuals(Vector<double> v)
        {
            var θ = fromLog(v);
            var built = new Dictionary<Condition, ParameterSet>();
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
        var s2 = residuals.DotProduct(residuals) / dof;
        var logCovariance = jacobian.TransposeThisAndMultiply(jacobian).Inverse() * s2;
        var values = fromLog(logθ);
        var toScale = parameters.Select((p, i) => p.Scale switch
        {
            ParameterScale.Log => 1,
            ParameterScale.Logit => 1 / (1 - values[i]),
            _ => values[i],
        }).ToArray();
        var covariance = new double[k * k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                // symmetric to the bit: the mean of the two halves, each mapped the same way
                covariance[(i * k) + j] = toScale[i] * toScale[j] * 0.5 * (logCovariance[i, j] + logCovariance[j, i]);
            }
        }

        var weights = points.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => (double)g.Count());
        var firsts = points.Select((p, i) => (p, r: residuals[i])).DistinctBy(x => x.p.Id);
        return new CalibrationFit(name, fittedTo, parameters, values, covariance, [.. firsts.Select(x => new CalibrationPoint(x.p.Id, weights[x.p.Id], x.r))], s2);
    }
}

using System.Collections.Immutable;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Regimens;
using MathNet.Numerics.LinearAlgebra;
using NormalDistribution = MathNet.Numerics.Distributions.Normal;

namespace B12Dosing.Estimation;

/// <summary>
/// Bayesian estimation of one person (maximum a posteriori, as mapbayr and posologyr do, but tested for coverage): from a
/// dosing history and blood tests, the person's initial stores and absorption, with the population's between-person
/// variation as the prior and a log-normal assay error; the posterior by the Laplace approximation, checked by
/// importance sampling and replaced by sampling-importance resampling where it is poor. See <c>docs/estimation.md</c>.
/// </summary>
public static class Estimator
{
    /// <summary>The most observations accepted: 1000 (one person's blood tests; more is a table read wrongly).</summary>
    public const int MaximumObservations = 1000;

    /// <summary>Posterior draws kept for projections.</summary>
    internal const int ProjectionDraws = 200;

    /// <summary>Degrees of freedom of the Student-t proposal of the importance sampling (heavier tails than the Laplace normal).</summary>
    private const double ProposalDegrees = 5;

    /// <summary>
    /// Estimates a person from the dose events of their history and their observations (an empty list gives the prior
    /// back, with <see cref="IntervalMethod.Prior"/>).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// There are more than <see cref="MaximumObservations"/> observations, or nothing can be estimated (every parameter
    /// asked for is one the condition lacks, one the prior does not let vary, or one no dose by mouth informs); the
    /// message says which and why.
    /// </exception>
    public static PersonEstimate Estimate(IEnumerable<DoseEvent> events, IEnumerable<Observation> observations, EstimationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(settings);
        var doses = events.ToArray();
        var observed = observations.ToArray();
        if (observed.Any(o => o is null))
        {
            throw new ArgumentNullException(nameof(observations), "An observation is null.");
        }

        if (observed.Length > MaximumObservations)
        {
            throw new ArgumentException($"{observed.Length} observations were given; at most {MaximumObservations} are accepted for one person.", nameof(observations));
        }

        var (free, notes) = FreeParameters(doses, observed.Length, settings);
        var posterior = new PersonPosterior(doses, observed, settings, free);
        return observed.Length == 0 ? PriorEstimate(posterior, notes) : Fit(posterior, doses, observed, notes);
    }

    /// <summary>Estimates a person on a regimen (its events up to the last observation); see <see cref="Estimate(IEnumerable{DoseEvent}, IEnumerable{Observation}, EstimationSettings)"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">As the other overload.</exception>
    public static PersonEstimate Estimate(Regimen regimen, IEnumerable<Observation> observations, EstimationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        ArgumentNullException.ThrowIfNull(observations);
        var observed = observations.ToArray();
        var last = observed.Length == 0 ? TimeSpan.FromDays(1) : observed.Max(o => o!.Time) + TimeSpan.FromSeconds(1);
        return Estimate(regimen.Events(last), observed, settings);
    }

    /// <summary>
    /// The same history under each of <paramref name="conditions"/>, compared by evidence: each condition's estimate and
    /// its posterior probability, with the conditions equally likely before the data. The evidence is the importance
    /// sampling estimate of the marginal likelihood (its Monte Carlo error is small against differences that matter).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two conditions, a condition twice, or no observation (no evidence to compare).</exception>
    public static IReadOnlyList<ConditionEvidence> CompareConditions(IEnumerable<DoseEvent> events, IEnumerable<Observation> observations, IEnumerable<Condition> conditions, EstimationSettings settings) =>
        CompareConditions(events, observations, (conditions ?? throw new ArgumentNullException(nameof(conditions))).Select(Effect.For), settings);

    /// <summary>As <see cref="CompareConditions(IEnumerable{DoseEvent}, IEnumerable{Observation}, IEnumerable{Condition}, EstimationSettings)"/>, each condition an <see cref="Effect"/> (a single effect or a combination).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two conditions, a condition twice, or no observation (no evidence to compare).</exception>
    public static IReadOnlyList<ConditionEvidence> CompareConditions(IEnumerable<DoseEvent> events, IEnumerable<Observation> observations, IEnumerable<Effect> conditions, EstimationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(settings);
        var list = conditions.ToArray();
        var observed = observations.ToArray();
        if (list.Length < 2 || list.Distinct().Count() != list.Length)
        {
            throw new ArgumentException("Give at least two different conditions to compare.", nameof(conditions));
        }

        if (observed.Length == 0)
        {
            throw new ArgumentException("Conditions are compared by how well they explain the observations; none were given.", nameof(observations));
        }

        var doses = events.ToArray();
        var estimates = list.Select(c => Estimate(doses, observed, settings with { Condition = c })).ToArray();
        var top = estimates.Max(e => e.LogEvidence);
        var total = estimates.Sum(e => Math.Exp(e.LogEvidence - top));
        return [.. estimates.Select(e => new ConditionEvidence(e.Condition, e.LogEvidence, Math.Exp(e.LogEvidence - top) / total, e))];
    }

    /// <summary>The parameters to estimate, and notes on those left out.</summary>
    private static (EstimatedParameter[] Free, List<string> Notes) FreeParameters(DoseEvent[] doses, int observations, EstimationSettings settings)
    {
        var preset = settings.Prior.ParametersFor(settings.Condition);
        var byMouth = doses.Any(d => d.Dose.Route is Route.Oral or Route.Sublingual);
        var free = new List<EstimatedParameter>();
        var notes = new List<string>();
        var refused = new List<string>();
        foreach (var p in settings.Parameters)
        {
            var why = p switch
            {
                _ when PersonPosterior.VariationOf(settings.Prior, p).LogStandardDeviation == 0 => "the prior does not let it vary (σ 0)",
                EstimatedParameter.IntrinsicFactorCapacity when preset.EffectiveIntrinsicFactorCapacityMicrograms == 0 => $"{settings.Condition.Name} has no intrinsic factor",
                EstimatedParameter.IntrinsicFactorCapacity or EstimatedParameter.PassiveFraction when !byMouth && observations > 0 => "no dose by mouth in the history informs it (its prior is given back)",
                _ => null,
            };
            if (why is null)
            {
                free.Add(p);
            }
            else
            {
                refused.Add($"{p}: {why}");
            }
        }

        if (free.Count == 0)
        {
            throw new ArgumentException($"Nothing can be estimated: {string.Join("; ", refused)}.", nameof(settings));
        }

        notes.AddRange(refused.Select(r => "not estimated: " + r));
        return ([.. free], notes);
    }

    /// <summary>The prior given back: mode at the median, intervals the prior's own quantiles.</summary>
    private static PersonEstimate PriorEstimate(PersonPosterior posterior, List<string> notes)
    {
        var n = posterior.Dimension;
        var lower = new double[n];
        var upper = new double[n];
        for (var i = 0; i < n; i++)
        {
            (lower[i], upper[i]) = PriorInterval(posterior, i);
        }

        notes.Insert(0, "no observation: the prior is given back");
        var draws = PriorDraws(posterior, posterior.Settings.Seed);
        return Assemble(posterior, new double[n], lower, upper, new bool[n], IntervalMethod.Prior, draws, [], notes, true, 0, 0, 1);
    }

    /// <summary>The 5th and 95th percentiles of coordinate <paramref name="i"/>'s truncated normal prior.</summary>
    private static (double Lower, double Upper) PriorInterval(PersonPosterior posterior, int i) =>
        (PriorQuantile(posterior.Lower[i], posterior.Upper[i], 0.05), PriorQuantile(posterior.Lower[i], posterior.Upper[i], 0.95));

    /// <summary>The <paramref name="p"/> quantile of the standard normal truncated to [<paramref name="lower"/>, <paramref name="upper"/>] (at a uniform random p, a draw by inversion).</summary>
    private static double PriorQuantile(double lower, double upper, double p)
    {
        var a = PersonPosterior.Normal(lower);
        var b = PersonPosterior.Normal(upper);
        return NormalDistribution.InvCDF(0, 1, a + (p * (b - a)));
    }

    /// <summary>Draws of the prior (truncated normals by inversion).</summary>
    private static ImmutableArray<double[]> PriorDraws(PersonPosterior posterior, ulong seed)
    {
        var random = new PatientRandom(seed, 0);
        var draws = ImmutableArray.CreateBuilder<double[]>(ProjectionDraws);
        for (var d = 0; d < ProjectionDraws; d++)
        {
            var z = new double[posterior.Dimension];
            for (var i = 0; i < z.Length; i++)
            {
                z[i] = PriorQuantile(posterior.Lower[i], posterior.Upper[i], random.NextOpenUnit());
            }

            draws.Add(posterior.Factors(z));
        }

        return draws.MoveToImmutable();
    }

    /// <summary>Mode, Laplace approximation, importance sampling, and the choice between them.</summary>
    private static PersonEstimate Fit(PersonPosterior posterior, DoseEvent[] doses, Observation[] observed, List<string> notes)
    {
        var n = posterior.Dimension;
        var mode = PosteriorSearch.Minimize(z => posterior.Energy(z), posterior.Lower, posterior.Upper, new double[n]);
        if (!mode.Converged)
        {
            notes.Add($"the search for the mode stopped after {mode.Iterations} iterations before converging (premature): treat the estimate with caution");
        }

        var hessian = PosteriorSearch.Hessian(z => posterior.Energy(z), mode.Z, posterior.Lower, posterior.Upper);
        var h = Matrix<double>.Build.DenseOfArray(hessian);
        var cholesky = PosteriorSearch.TryCholesky(h);
        var covariance = cholesky?.Solve(Matrix<double>.Build.DenseIdentity(n)) ?? Matrix<double>.Build.DenseIdentity(n);
        var laplacePoor = cholesky is null;
        if (laplacePoor)
        {
            notes.Add("the Hessian at the mode is not positive definite: the Laplace approximation fails and importance resampling from the prior's scale is used");
        }

        var laplaceLower = new double[n];
        var laplaceUpper = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sd = Math.Sqrt(covariance[i, i]);
            laplaceLower[i] = mode.Z[i] - (1.6448536269514722 * sd);
            laplaceUpper[i] = mode.Z[i] + (1.6448536269514722 * sd);
            laplacePoor |= laplaceLower[i] < posterior.Lower[i] || laplaceUpper[i] > posterior.Upper[i] || mode.AtBound[i];
        }

        var sample = Importance(posterior, mode.Z, covariance);
        var ess = sample.EffectiveShare;
        var isLower = new double[n];
        var isUpper = new double[n];
        for (var i = 0; i < n; i++)
        {
            isLower[i] = WeightedQuantile(sample, i, 0.05);
            isUpper[i] = WeightedQuantile(sample, i, 0.95);
            var sd = Math.Sqrt(covariance[i, i]);
            // The Laplace interval is poor where the importance-sampled one differs from it by more than a fifth of a standard deviation at either end.
            laplacePoor |= Math.Abs(isLower[i] - laplaceLower[i]) > 0.2 * sd || Math.Abs(isUpper[i] - laplaceUpper[i]) > 0.2 * sd;
        }

        laplacePoor |= ess < 0.3;
        var method = laplacePoor ? IntervalMethod.ImportanceResampling : IntervalMethod.Laplace;
        if (ess < 0.05)
        {
            notes.Add($"the importance samples' effective size is {ess:P1} of those drawn: the intervals are rough");
        }

        for (var i = 0; i < n; i++)
        {
            if (mode.AtBound[i])
            {
                notes.Add($"{posterior.Free[i]}: the mode lies at a bound of the prior (factor {Math.Exp(posterior.Scale[i] * mode.Z[i]):0.###}): the data ask for a value the population's variation does not allow");
            }
        }

        var draws = Resample(posterior, sample, posterior.Settings.Seed);
        var fits = Fits(posterior, observed, mode.Z, draws);
        return Assemble(
            posterior,
            mode.Z,
            method == IntervalMethod.Laplace ? laplaceLower : isLower,
            method == IntervalMethod.Laplace ? laplaceUpper : isUpper,
            mode.AtBound,
            method,
            draws.Select(d => posterior.Factors(d)).ToImmutableArray(),
            fits,
            notes,
            mode.Converged,
            mode.Iterations,
            sample.LogEvidence,
            ess);
    }

    /// <summary>Weighted importance samples of the posterior.</summary>
    private sealed record Sample(double[][] Z, double[] Weights, double LogEvidence, double EffectiveShare);

    /// <summary>Importance sampling from a Student-t centred at the mode with the Laplace covariance.</summary>
    private static Sample Importance(PersonPosterior posterior, double[] mode, Matrix<double> covariance)
    {
        var n = mode.Length;
        var m = posterior.Settings.ImportanceSamples;
        var lower = covariance.Cholesky().Factor;
        var logDet = 2 * Enumerable.Range(0, n).Sum(i => Math.Log(lower[i, i]));
        var nu = ProposalDegrees;
        var logNormaliser = MathNet.Numerics.SpecialFunctions.GammaLn((nu + n) / 2) - MathNet.Numerics.SpecialFunctions.GammaLn(nu / 2)
            - (n / 2.0 * Math.Log(nu * Math.PI)) - (0.5 * logDet);
        var z = new double[m][];
        var logW = new double[m];
        var random = new PatientRandom(posterior.Settings.Seed, 1);
        var u = new double[n];
        for (var s = 0; s < m; s++)
        {
            var chi = 0.0;
            for (var k = 0; k < (int)nu; k++)
            {
                var g = NormalDistribution.InvCDF(0, 1, random.NextOpenUnit());
                chi += g * g;
            }

            var scale = Math.Sqrt(nu / chi);
            var quad = 0.0;
            for (var i = 0; i < n; i++)
            {
                u[i] = NormalDistribution.InvCDF(0, 1, random.NextOpenUnit());
                quad += u[i] * u[i];
            }

            var point = new double[n];
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var j = 0; j <= i; j++)
                {
                    sum += lower[i, j] * u[j];
                }

                point[i] = mode[i] + (scale * sum);
            }

            // The t density at point: quad·scale² is the Mahalanobis distance.
            var logQ = logNormaliser - ((nu + n) / 2 * Math.Log(1 + (quad * scale * scale / nu)));
            z[s] = point;
            logW[s] = posterior.Inside(point) ? -posterior.Energy(point) - logQ : double.NegativeInfinity;
        }

        var top = logW.Max();
        var weights = logW.Select(l => Math.Exp(l - top)).ToArray();
        var total = weights.Sum();
        var squares = weights.Sum(w => w * w);
        return new(z, weights, top + Math.Log(total / m), total * total / squares / m);
    }

    /// <summary>The <paramref name="p"/> quantile of coordinate <paramref name="i"/> under the importance weights.</summary>
    private static double WeightedQuantile(Sample sample, int i, double p)
    {
        var order = Enumerable.Range(0, sample.Z.Length).Where(s => sample.Weights[s] > 0).OrderBy(s => sample.Z[s][i]).ToArray();
        var total = order.Sum(s => sample.Weights[s]);
        var target = p * total;
        var running = 0.0;
        foreach (var s in order)
        {
            running += sample.Weights[s];
            if (running >= target)
            {
                return sample.Z[s][i];
            }
        }

        return sample.Z[order[^1]][i];
    }

    /// <summary>Systematic resampling of <see cref="ProjectionDraws"/> draws by weight.</summary>
    private static double[][] Resample(PersonPosterior posterior, Sample sample, ulong seed)
    {
        var random = new PatientRandom(seed, 2);
        var total = sample.Weights.Sum();
        var step = total / ProjectionDraws;
        var position = random.NextOpenUnit() * step;
        var draws = new double[ProjectionDraws][];
        var running = 0.0;
        var s = -1;
        for (var d = 0; d < ProjectionDraws; d++)
        {
            while (running <= position && s + 1 < sample.Z.Length)
            {
                s++;
                running += sample.Weights[s];
            }

            draws[d] = sample.Z[s];
            position += step;
        }

        _ = posterior;
        return draws;
    }

    /// <summary>Each observation against the model at the mode and over the draws.</summary>
    private static ImmutableArray<FittedObservation> Fits(PersonPosterior posterior, Observation[] observed, double[] mode, double[][] draws)
    {
        var atMode = new double[observed.Length];
        posterior.Predict(mode, atMode);
        var values = new double[draws.Length][];
        for (var d = 0; d < draws.Length; d++)
        {
            values[d] = new double[observed.Length];
            posterior.Predict(draws[d], values[d]);
        }

        var column = new double[draws.Length];
        var fits = ImmutableArray.CreateBuilder<FittedObservation>(observed.Length);
        for (var i = 0; i < observed.Length; i++)
        {
            for (var d = 0; d < draws.Length; d++)
            {
                column[d] = values[d][i];
            }

            fits.Add(new(
                observed[i],
                Molarity.FromPicomolesPerLiter(atMode[i]),
                Molarity.FromPicomolesPerLiter(PersonEstimate.Quantile(column, 0.05)),
                Molarity.FromPicomolesPerLiter(PersonEstimate.Quantile(column, 0.95))));
        }

        return fits.MoveToImmutable();
    }

    /// <summary>Builds the estimate: every one of the five parameters, the free ones from the fit, the others at the preset with their prior.</summary>
    private static PersonEstimate Assemble(
        PersonPosterior posterior,
        double[] mode,
        double[] lower,
        double[] upper,
        bool[] atBound,
        IntervalMethod method,
        ImmutableArray<double[]> draws,
        ImmutableArray<FittedObservation> fits,
        List<string> notes,
        bool converged,
        int iterations,
        double logEvidence,
        double effectiveShare)
    {
        var settings = posterior.Settings;
        var preset = settings.Prior.ParametersFor(settings.Condition);
        var parameters = ImmutableArray.CreateBuilder<ParameterEstimate>(5);
        foreach (var p in Enum.GetValues<EstimatedParameter>())
        {
            var value = p switch
            {
                EstimatedParameter.InitialStores => settings.Prior.MedianInitialStoresMicrograms,
                EstimatedParameter.IntrinsicFactorCapacity => preset.IntrinsicFactorCapacityMicrograms,
                EstimatedParameter.PassiveFraction => preset.PassiveFraction,
                EstimatedParameter.StoreLoss => preset.StoreLossPerDay,
                _ => preset.TissueUptakeMaximumMicrogramsPerHour,
            };
            var i = posterior.Free.IndexOf(p);
            if (i >= 0)
            {
                var s = posterior.Scale[i];
                parameters.Add(new(p, value, Math.Exp(s * mode[i]), Math.Exp(s * lower[i]), Math.Exp(s * upper[i]), method, atBound[i]));
            }
            else
            {
                var v = PersonPosterior.VariationOf(settings.Prior, p);
                var (lo, hi) = v.LogStandardDeviation == 0 ? (0.0, 0.0)
                    : (PriorQuantile(Math.Log(v.MinimumFactor) / v.LogStandardDeviation, Math.Log(v.MaximumFactor) / v.LogStandardDeviation, 0.05),
                       PriorQuantile(Math.Log(v.MinimumFactor) / v.LogStandardDeviation, Math.Log(v.MaximumFactor) / v.LogStandardDeviation, 0.95));
                parameters.Add(new(p, value, 1, Math.Exp(v.LogStandardDeviation * lo), Math.Exp(v.LogStandardDeviation * hi), IntervalMethod.Prior, false));
            }
        }

        return new PersonEstimate(settings, parameters.MoveToImmutable(), posterior.Factors(mode), draws, fits, [.. notes], converged, iterations, logEvidence, effectiveShare);
    }
}

/// <summary>One condition of <c>Estimator.CompareConditions</c>: its evidence, its posterior probability and the estimate under it.</summary>
/// <param name="Condition">The condition.</param>
/// <param name="LogEvidence">The natural log of the marginal likelihood of the observations under it.</param>
/// <param name="Probability">Its posterior probability, the conditions equally likely before the data.</param>
/// <param name="Estimate">The person's estimate under it.</param>
public sealed record ConditionEvidence(Effect Condition, double LogEvidence, double Probability, PersonEstimate Estimate);

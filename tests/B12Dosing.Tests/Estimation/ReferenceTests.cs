using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Estimation;
using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Regimens;
using Xunit.Abstractions;

namespace B12Dosing.Tests.Estimation;

/// <summary>
/// Issue 19: the estimator's mode against a brute-force search over the same posterior, written here from the public
/// simulator (its own prior, likelihood and censoring, not the estimator's): a grid over the prior's whole box, then
/// grids refined around the best point until the spacing is below 1e-5. The modes agree to 1e-3 relative.
/// </summary>
public class ReferenceTests(ITestOutputHelper output)
{
    private static readonly Regimen Oral = RegimenNotation.Parse("100 µg oral daily for 4w");

    private static readonly List<Observation> Observed =
    [
        Observation.TotalSerum(TimeSpan.Zero, MassConcentration.FromPicogramsPerMilliliter(210)),
        Observation.TotalSerum(TimeSpan.FromDays(14), MassConcentration.FromPicogramsPerMilliliter(330)),
        Observation.TotalSerum(TimeSpan.FromDays(28), MassConcentration.FromPicogramsPerMilliliter(390)),
        Observation.HoloTranscobalamin(TimeSpan.FromDays(28), Molarity.FromPicomolesPerLiter(70)),
        Observation.BelowLimit(TimeSpan.FromDays(7), SerumAnalyte.ActiveB12, Molarity.FromPicomolesPerLiter(90)),
    ];

    private static readonly EstimatedParameter[] Order = Enum.GetValues<EstimatedParameter>();

    [Fact]
    public void Mode_matches_a_brute_force_search_of_the_same_posterior_to_1e_3()
    {
        var settings = EstimationSettings.Default;
        var events = Oral.Events(TimeSpan.FromDays(28) + TimeSpan.FromSeconds(1));
        var estimate = Estimator.Estimate(events, Observed, settings);
        var prior = settings.Prior;
        var variations = Order.Select(p => Variation(prior, p)).ToArray();
        var lower = variations.Select(v => Math.Log(v.MinimumFactor)).ToArray();
        var upper = variations.Select(v => Math.Log(v.MaximumFactor)).ToArray();
        double Energy(double[] logFactor)
        {
            var preset = ParameterSet.Healthy;
            var f = logFactor.Select(Math.Exp).ToArray();
            var physiology = preset with
            {
                IntrinsicFactorCapacity = preset.IntrinsicFactorCapacity * f[1],
                IntrinsicFactorHalfSaturation = preset.IntrinsicFactorHalfSaturation * f[1],
                PassiveFraction = preset.PassiveFraction * f[2],
                TurnoverPerDay = preset.TurnoverPerDay * f[3],
                BiliarySecretionPerDay = preset.BiliarySecretionPerDay * f[3],
                TissueUptakeMaximumMicrogramsPerHour = preset.TissueUptakeMaximumMicrogramsPerHour * f[4],
            };
            var times = Observed.Select(o => o.Time).Distinct().Order().ToList();
            var run = Simulator.Run(events, new SimulationSettings(times[^1]) { ParameterSet = physiology, InitialStores = prior.MedianInitialStores * f[0], SampleTimes = times });
            var energy = 0.0;
            for (var k = 0; k < 5; k++)
            {
                var z = logFactor[k] / variations[k].LogStandardDeviation;
                energy += 0.5 * z * z;
            }

            foreach (var o in Observed)
            {
                var row = run.Series[times.IndexOf(o.Time)];
                var predicted = o.Analyte == SerumAnalyte.TotalB12 ? row.SerumMolarity.PicomolesPerLiter : row.HoloTranscobalamin.PicomolesPerLiter;
                var cv = o.Analyte == SerumAnalyte.TotalB12 ? settings.Assay.TotalB12Cv : settings.Assay.HoloTranscobalaminCv;
                var s = Math.Sqrt(Math.Log(1 + (cv * cv)));
                var r = (Math.Log(o.Concentration.PicomolesPerLiter) - Math.Log(predicted)) / s;
                energy += o.IsBelowLimit ? -Math.Log(MathNet.Numerics.Distributions.Normal.CDF(0, 1, r)) : 0.5 * r * r;
            }

            return energy;
        }

        var best = BruteForce(Energy, lower, upper);
        for (var k = 0; k < 5; k++)
        {
            var found = estimate.Parameters[k].Factor;
            var reference = Math.Exp(best[k]);
            output.WriteLine($"{Order[k]}: estimator {found:R}, brute force {reference:R}, relative {Math.Abs(found - reference) / reference:E2}");
            Assert.True(Math.Abs(found - reference) <= 1e-3 * reference, $"{Order[k]}: estimator {found}, brute force {reference}");
        }

        Assert.True(estimate.Converged);
    }

    /// <summary>
    /// A 7-point grid per axis over the whole box, then a pattern search: the 3^n grid around the best point (diagonals
    /// included, so it follows a ridge), repeated while the best point moves and halved when it does not, to 1e-6.
    /// </summary>
    internal static double[] BruteForce(Func<double[], double> energy, double[] lower, double[] upper)
    {
        var n = lower.Length;
        var best = new double[n];
        var bestEnergy = double.PositiveInfinity;
        void Grid(double[] centre, double[] spacing, int points)
        {
            var total = (int)Math.Pow(points, n);
            for (var c = 0; c < total; c++)
            {
                var rest = c;
                var p = new double[n];
                for (var k = 0; k < n; k++)
                {
                    p[k] = Math.Clamp(centre[k] + (((rest % points) - (points / 2)) * spacing[k]), lower[k], upper[k]);
                    rest /= points;
                }

                var e = energy(p);
                if (e < bestEnergy)
                {
                    (best, bestEnergy) = (p, e);
                }
            }
        }

        var step = lower.Zip(upper, (a, b) => (b - a) / 6).ToArray();
        Grid([.. lower.Zip(upper, (a, b) => (a + b) / 2)], step, 7);
        while (step.Max() > 1e-6)
        {
            var before = best;
            Grid(before, step, 3);
            if (ReferenceEquals(before, best))
            {
                step = [.. step.Select(s => s / 2)];
            }
        }

        return best;
    }

    private static Variation Variation(PopulationModel prior, EstimatedParameter p) => p switch
    {
        EstimatedParameter.InitialStores => prior.InitialStores,
        EstimatedParameter.IntrinsicFactorCapacity => prior.IntrinsicFactorCapacity,
        EstimatedParameter.PassiveFraction => prior.PassiveFraction,
        EstimatedParameter.StoreLoss => prior.StoreLoss,
        _ => prior.RetentionCapacity,
    };
}

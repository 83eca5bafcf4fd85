using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Estimation;
using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Regimens;

namespace B12Dosing.Tests.Estimation;

public class EstimatorTests
{
    private static readonly Regimen Oral = RegimenNotation.Parse("100 µg oral daily for 4w");

    private static readonly Regimen Injections = RegimenNotation.Parse("1 mg im q2d x5");

    private static IReadOnlyList<DoseEvent> Events(Regimen r, double days) => r.Events(TimeSpan.FromDays(days));

    /// <summary>The model's own values for a person (no noise), to estimate from.</summary>
    private static List<Observation> Exact(VirtualPatient person, IReadOnlyList<DoseEvent> events, params double[] days)
    {
        var times = days.Select(TimeSpan.FromDays).ToList();
        var run = Simulator.Run(events, new SimulationSettings(times[^1]) { ParameterSet = person.ParameterSet, InitialStores = person.InitialStores, SampleTimes = times });
        return [.. run.Series.Select(r => Observation.TotalSerum(r.Time, r.Serum))];
    }

    [Fact]
    public void No_observations_give_the_prior_back()
    {
        var estimate = Estimator.Estimate(Events(Oral, 28), [], EstimationSettings.Default);
        var prior = PopulationModel.Default;
        foreach (var p in estimate.Parameters)
        {
            var v = p.Parameter switch
            {
                EstimatedParameter.InitialStores => prior.InitialStores,
                EstimatedParameter.IntrinsicFactorCapacity => prior.IntrinsicFactorCapacity,
                EstimatedParameter.PassiveFraction => prior.PassiveFraction,
                EstimatedParameter.StoreLoss => prior.StoreLoss,
                _ => prior.RetentionCapacity,
            };
            // The truncated log-normal's 5th and 95th percentiles, by bisection on its CDF (independent of the estimator's inversion).
            double Cdf(double f) => (Phi(Math.Log(f) / v.LogStandardDeviation) - Phi(Math.Log(v.MinimumFactor) / v.LogStandardDeviation))
                / (Phi(Math.Log(v.MaximumFactor) / v.LogStandardDeviation) - Phi(Math.Log(v.MinimumFactor) / v.LogStandardDeviation));
            Assert.Equal(IntervalMethod.Prior, p.Method);
            Assert.Equal(1, p.Factor);
            Assert.Equal(Bisect(Cdf, 0.05, v), p.LowerFactor, 1e-9);
            Assert.Equal(Bisect(Cdf, 0.95, v), p.UpperFactor, 1e-9);
        }

        Assert.Contains(estimate.Warnings, w => w.Contains("prior is given back", StringComparison.Ordinal));
    }

    private static double Phi(double x) => MathNet.Numerics.Distributions.Normal.CDF(0, 1, x);

    private static double Bisect(Func<double, double> cdf, double p, Variation v)
    {
        double lo = v.MinimumFactor, hi = v.MaximumFactor;
        for (var i = 0; i < 200; i++)
        {
            var mid = (lo + hi) / 2;
            (cdf(mid) < p ? ref lo : ref hi) = mid;
        }

        return (lo + hi) / 2;
    }

    [Fact]
    public void Exact_data_from_a_person_bring_the_stores_close_and_the_interval_holds_them()
    {
        var person = PopulationModel.Default.Patient(3, 5);
        var events = Events(Oral, 29);
        var estimate = Estimator.Estimate(events, Exact(person, events, 0, 7, 14, 21, 28), EstimationSettings.Default);
        var stores = estimate.Parameters[0];
        var truth = person.InitialStores.Micrograms / PopulationModel.Default.MedianInitialStores.Micrograms;
        Assert.InRange(truth, stores.LowerFactor, stores.UpperFactor);
        Assert.True(stores.UpperFactor / stores.LowerFactor < 2.5, "Five exact values narrow the prior's ×6.5 range of the stores.");
        Assert.True(estimate.Converged);
        Assert.All(estimate.Fits, f => Assert.Equal(1, f.Predicted.PicomolesPerLiter / f.Observation.Concentration.PicomolesPerLiter, 0.1));
    }

    [Fact]
    public void A_value_below_the_limit_pulls_the_estimate_down_instead_of_being_dropped()
    {
        var events = Events(Injections, 30);
        List<Observation> baseline = [Observation.TotalSerum(TimeSpan.FromDays(30), MassConcentration.FromPicogramsPerMilliliter(500))];
        var without = Estimator.Estimate(events, baseline, EstimationSettings.Default);
        var censored = Estimator.Estimate(events, [.. baseline, Observation.BelowLimit(TimeSpan.Zero, SerumAnalyte.TotalB12, Molarity.FromPicomolesPerLiter(60))], EstimationSettings.Default);
        Assert.True(censored.Parameters[0].Factor < without.Parameters[0].Factor, "A day-0 value below 60 pmol/L means low stores.");
    }

    [Fact]
    public void Absorption_without_a_dose_by_mouth_is_left_at_its_prior_and_said_so()
    {
        var events = Events(Injections, 30);
        var estimate = Estimator.Estimate(events, [Observation.TotalSerum(TimeSpan.FromDays(30), MassConcentration.FromPicogramsPerMilliliter(500))], EstimationSettings.Default);
        Assert.Equal(IntervalMethod.Prior, estimate.Parameters[(int)EstimatedParameter.IntrinsicFactorCapacity].Method);
        Assert.Equal(IntervalMethod.Prior, estimate.Parameters[(int)EstimatedParameter.PassiveFraction].Method);
        Assert.Contains(estimate.Warnings, w => w.Contains("no dose by mouth", StringComparison.Ordinal));
    }

    [Fact]
    public void What_cannot_be_estimated_is_refused_with_the_reason()
    {
        var settings = EstimationSettings.Default with { Condition = Condition.PerniciousAnemia, Parameters = [EstimatedParameter.IntrinsicFactorCapacity] };
        var e = Assert.Throws<ArgumentException>(() => Estimator.Estimate(Events(Oral, 28), [Observation.TotalSerum(TimeSpan.Zero, MassConcentration.FromPicogramsPerMilliliter(200))], settings));
        Assert.Contains("has no intrinsic factor", e.Message, StringComparison.Ordinal);
        var fixedPrior = EstimationSettings.Default with { Parameters = [EstimatedParameter.StoreLoss], Prior = PopulationModel.Default with { StoreLoss = Variation.None } };
        e = Assert.Throws<ArgumentException>(() => Estimator.Estimate(Events(Oral, 28), [Observation.TotalSerum(TimeSpan.Zero, MassConcentration.FromPicogramsPerMilliliter(200))], fixedPrior));
        Assert.Contains("σ 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_beyond_what_the_prior_allows_put_the_mode_at_a_bound_and_say_so()
    {
        var events = Events(Injections, 30);
        var estimate = Estimator.Estimate(events, [Observation.TotalSerum(TimeSpan.Zero, MassConcentration.FromPicogramsPerMilliliter(20000))], EstimationSettings.Default);
        Assert.True(estimate.Parameters[0].AtBound);
        Assert.Contains(estimate.Warnings, w => w.Contains("bound of the prior", StringComparison.Ordinal));
        Assert.Equal(IntervalMethod.ImportanceResampling, estimate.Parameters[0].Method);
    }

    [Fact]
    public void Conditions_compared_by_evidence_favour_the_one_that_made_the_data()
    {
        // A person without IF on daily oral 10 µg: serum cannot rise much; with IF it would.
        var model = PopulationModel.Default with { Conditions = ConditionMix.Only(Condition.PerniciousAnemia) };
        var person = model.Patient(11, 2);
        var events = Events(RegimenNotation.Parse("10 µg oral daily for 8w"), 57);
        var observed = Exact(person, events, 0, 28, 56);
        var compared = Estimator.CompareConditions(events, observed, [Condition.Healthy, Condition.PerniciousAnemia], EstimationSettings.Default);
        Assert.Equal(1, compared.Sum(c => c.Probability), 1e-12);
        Assert.True(compared.Single(c => c.Condition == Condition.PerniciousAnemia).Probability > 0.5);
    }

    [Fact]
    public void The_projection_band_holds_the_mode_and_widens_without_data()
    {
        var events = Events(Oral, 28);
        var estimate = Estimator.Estimate(events, [Observation.TotalSerum(TimeSpan.Zero, MassConcentration.FromPicogramsPerMilliliter(250))], EstimationSettings.Default);
        var projection = estimate.Project(RegimenNotation.Parse("1 mg oral daily"), TimeSpan.FromDays(120), TimeSpan.FromDays(10));
        Assert.All(projection.Rows, r => Assert.InRange(r.Serum.PicogramsPerMilliliter, r.SerumLower.PicogramsPerMilliliter * 0.999, r.SerumUpper.PicogramsPerMilliliter * 1.001));
        var prior = Estimator.Estimate(events, [], EstimationSettings.Default).Project(RegimenNotation.Parse("1 mg oral daily"), TimeSpan.FromDays(120), TimeSpan.FromDays(10));
        double Width(ProjectionRow r) => r.SerumUpper.PicogramsPerMilliliter / r.SerumLower.PicogramsPerMilliliter;
        Assert.True(Width(projection.Rows[0]) < Width(prior.Rows[0]), "A day-0 measurement narrows the day-0 band.");
    }

    [Theory]
    [InlineData("day 0: 160 pg/mL, day 30: 420 pg/mL", 2)]
    [InlineData("day 0: 118 pmol/L; day 30: holoTC 45 pmol/L; day 60: < 50 pg/mL", 3)]
    public void Observation_lists_parse(string text, int count)
    {
        var list = Observation.ParseList(text);
        Assert.Equal(count, list.Length);
        Assert.Equal(160 / 1.35537, Observation.Parse("day 0: 160 pg/mL").Concentration.PicomolesPerLiter, 1e-9);
        Assert.Equal(SerumAnalyte.ActiveB12, Observation.Parse("day 3: active 40 pmol/L").Analyte);
        Assert.True(Observation.Parse("day 3: < 50 pg/mL").IsBelowLimit);
    }

    [Theory]
    [InlineData("")]
    [InlineData("day x: 160 pg/mL")]
    [InlineData("30: 160 pg/mL")]
    [InlineData("day 30: 160 mg")]
    [InlineData("day 30: holoTC 160 pg/mL")]
    [InlineData("day 30: 0 pg/mL")]
    [InlineData("day -1: 160 pg/mL")]
    public void Bad_observations_are_refused_naming_the_entry(string text)
    {
        var e = Assert.Throws<FormatException>(() => Observation.ParseList(text));
        Assert.Contains(text.Length == 0 ? "empty" : text, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_settings_are_refused_at_the_boundary()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AssayError(0, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AssayError(0.1, double.NaN));
        Assert.Throws<ArgumentException>(() => EstimationSettings.Default with { Parameters = [] });
        Assert.Throws<ArgumentException>(() => EstimationSettings.Default with { Parameters = [EstimatedParameter.StoreLoss, EstimatedParameter.StoreLoss] });
        Assert.Throws<ArgumentOutOfRangeException>(() => EstimationSettings.Default with { ImportanceSamples = 10 });
        Assert.Throws<ArgumentOutOfRangeException>(() => Observation.TotalSerum(TimeSpan.FromDays(-1), MassConcentration.FromPicogramsPerMilliliter(100)));
        Assert.Throws<ArgumentException>(() => Estimator.Estimate(Events(Oral, 28), Enumerable.Repeat(Observation.TotalSerum(TimeSpan.Zero, MassConcentration.FromPicogramsPerMilliliter(100)), Estimator.MaximumObservations + 1), EstimationSettings.Default));
    }
}

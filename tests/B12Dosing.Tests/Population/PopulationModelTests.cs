using B12Dosing.Absorption;
using B12Dosing.Population;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using B12Dosing.Tests.Shared;

namespace B12Dosing.Tests.Population;

public class PopulationModelTests
{
    [Fact]
    public void A_patient_depends_only_on_seed_and_index()
    {
        var model = PopulationModel.Default with { Conditions = ConditionMix.Parse("pa=0.5,healthy=0.5") };
        Assert.Equal(model.Patient(42, 17), model.Patient(42, 17));
        Assert.NotEqual(model.Patient(42, 17).InitialStores, model.Patient(43, 17).InitialStores);
        Assert.NotEqual(model.Patient(42, 17).InitialStores, model.Patient(42, 18).InitialStores);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Patient(1, -1));
    }

    /// <summary>
    /// Over 20 000 patients, the log of each factor has the documented σ and median 1: the sample SD of ln(store-loss
    /// factor) is within 3 % of 0.227 (the truncation at [0.5, 2], 3σ, removes under 0.3 % of the mass), the median
    /// within 0.02 of 1 (standard error of a median of 20 000 about 0.002·1.25·σ·100); every factor within its bounds.
    /// The mean loss is about Doets 2013's 0.13 %/day.
    /// </summary>
    [Fact]
    public void Factors_have_the_documented_spread()
    {
        var model = PopulationModel.Default;
        var patients = Enumerable.Range(0, 20_000).Select(i => model.Patient(2024, i)).ToArray();
        var loss = patients.Select(p => Math.Log(p.ParameterSet.StoreLossPerDay / ParameterSet.Healthy.StoreLossPerDay)).ToArray();
        var mean = loss.Average();
        var sd = Math.Sqrt(loss.Sum(x => (x - mean) * (x - mean)) / (loss.Length - 1));
        Assert.Equal(0.227, sd, 0.227 * 0.03);
        Assert.Equal(0, loss.Order().ElementAt(loss.Length / 2), 0.02);
        Assert.Equal(0.0013, patients.Average(p => p.ParameterSet.StoreLossPerDay), 0.0013 * 0.03);
        Assert.All(patients, p =>
        {
            Assert.InRange(p.InitialStores.Micrograms, 600 - 1e-9, 3900 + 1e-9);
            Assert.InRange(p.ParameterSet.IntrinsicFactorCapacityMicrograms / ParameterSet.Healthy.IntrinsicFactorCapacityMicrograms, 0.5, 2);
            Assert.InRange(p.ParameterSet.TissueUptakeMaximumMicrogramsPerHour / ParameterSet.Healthy.TissueUptakeMaximumMicrogramsPerHour, 1 / 3.0 - 1e-12, 3);
        });
    }

    /// <summary>Drawn conditions follow the shares: within 4 binomial standard errors over 20 000 patients.</summary>
    [Fact]
    public void Conditions_follow_the_mix()
    {
        var model = PopulationModel.Default with { Conditions = ConditionMix.Parse("pernicious-anemia=0.7, atrophic-gastritis=0.2, gastrectomy:0.1") };
        var patients = Enumerable.Range(0, 20_000).Select(i => model.Patient(5, i)).ToArray();
        foreach (var share in model.Conditions.Shares)
        {
            var observed = patients.Count(p => p.Condition == share.Condition) / 20_000.0;
            Assert.Equal(share.Share, observed, 4 * Math.Sqrt(share.Share * (1 - share.Share) / 20_000));
        }

        Assert.All(patients.Where(p => p.Condition == Condition.PerniciousAnemia), p => Assert.Equal(0, p.ParameterSet.IntrinsicFactorCapacityMicrograms));
    }

    [Fact]
    public void No_variation_gives_the_preset()
    {
        var none = Variation.None;
        var model = new PopulationModel { IntrinsicFactorCapacity = none, PassiveFraction = none, StoreLoss = none, RetentionCapacity = none, InitialStores = none, Conditions = ConditionMix.Only(Condition.AtrophicGastritis) };
        var patient = model.Patient(1, 5);
        Assert.Equal(ParameterSet.AtrophicGastritis, patient.ParameterSet);
        Assert.Equal(2500, patient.InitialStores.Micrograms);
    }

    [Fact]
    public void Condition_mix_parses_and_rejects()
    {
        var mix = ConditionMix.Parse("PA = 0.75 , healthy");
        Assert.Equal([new(Condition.PerniciousAnemia, 0.75), new(Condition.Healthy, 0.25)], mix.Shares);
        Assert.Equal("pernicious-anemia 75 %, healthy 25 %", mix.ToString());
        Assert.Equal(mix, ConditionMix.Parse("pa:0.75,healthy=0.25"));
        Assert.Equal(mix, ConditionMix.Of((Condition.PerniciousAnemia, 3), (Condition.Healthy, 1)));
        Assert.Equal("gastrectomy", ConditionMix.Parse("gastrectomy").ToString());
        Assert.Equal(ConditionMix.Parse("healthy=0.5,healthy=0.5"), ConditionMix.Healthy);
        Assert.Equal(ConditionMix.Parse("healthy=1"), ConditionMix.Healthy);

        // Issue 12: shares that do not add up to 1 are refused, not rescaled (weights are ConditionMix.Of's).
        Assert.Contains("add up to 1.4, not 1", Assert.Throws<FormatException>(() => ConditionMix.Parse("pa=0.7,healthy=0.7")).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => ConditionMix.Parse("pa=3,healthy"));
        Assert.Throws<FormatException>(() => ConditionMix.Parse("healthy=0.5"));
        Assert.Throws<FormatException>(() => ConditionMix.Parse("pa,healthy"));
        Assert.Throws<FormatException>(() => ConditionMix.Parse("pa=1,healthy"));
        Assert.Throws<FormatException>(() => ConditionMix.Parse("healthy=0"));
        Assert.Throws<FormatException>(() => ConditionMix.Parse("healthy=x"));
        Assert.Throws<FormatException>(() => ConditionMix.Parse("healthy=NaN"));
        Assert.Throws<FormatException>(() => ConditionMix.Parse("scurvy"));
        Assert.Throws<FormatException>(() => ConditionMix.Parse("healthy=1=2"));
        Assert.Throws<ArgumentException>(() => ConditionMix.Of());
        Assert.Throws<ArgumentOutOfRangeException>(() => ConditionMix.Of((Condition.Healthy, -1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConditionMix.Of(((Condition)99, 1)));
    }

    [Fact]
    public void Variation_rejects_bad_values()
    {
        Assert.Throws<ArgumentOutOfRangeException>("logStandardDeviation", () => new Variation(-0.1, 0.5, 2));
        Assert.Throws<ArgumentOutOfRangeException>("logStandardDeviation", () => new Variation(double.NaN, 0.5, 2));
        Assert.Throws<ArgumentOutOfRangeException>("minimumFactor", () => new Variation(0.1, 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>("minimumFactor", () => new Variation(0.1, 1.5, 2));
        Assert.Throws<ArgumentOutOfRangeException>("maximumFactor", () => new Variation(0.1, 0.5, 0.9));
        Assert.Throws<ArgumentOutOfRangeException>("maximumFactor", () => new Variation(0.1, 0.5, double.PositiveInfinity));
        Assert.Equal("log-normal σ 0.15 in [0.5, 2]", new Variation(0.15, 0.5, 2).ToString());
    }

    /// <summary>Every drawn factor lies in its bounds, whatever σ and bounds (including bounds far in the tails).</summary>
    /// <summary>σ 0-3 (in hundredths), bounds 0.001-1 and 1-100 (in thousandths), any seed and patient index 0-1000.</summary>
    [Property]
    public Property Drawn_factors_stay_in_their_bounds(ulong seed) => Prop.ForAll(
        Arbitraries.Between(0, 300),
        Arbitraries.Between(1, 1000, toward: 1000),
        Arbitraries.Between(1000, 100000),
        (sigma, lo, hi) => Prop.ForAll(Arbitraries.Between(0, 1000), index =>
        {
            var (min, max) = (lo / 1000.0, hi / 1000.0);
            var v = new Variation(sigma / 100.0, min, max);
            var model = new PopulationModel { StoreLoss = v, InitialStores = v };
            var p = model.Patient(seed, index);
            var f = p.InitialStores.Micrograms / 2500;
            return f >= min * (1 - 1e-12) && f <= max * (1 + 1e-12) && double.IsFinite(p.ParameterSet.StoreLossPerDay);
        }));
}

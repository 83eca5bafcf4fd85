using System.Collections.Concurrent;
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Estimation;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Regimens;
using Xunit.Abstractions;

namespace B12Dosing.Tests.Estimation;

/// <summary>
/// Issue 19: do the stated 90 % intervals hold the truth 90 % of the time? For each condition, 200 people are drawn from
/// the population model (the same variation the estimator takes as its prior), simulated on a short regimen with the
/// default assay error added, and estimated; the share of people whose 90 % interval holds their true value is counted,
/// per parameter. Every figure comes from the model as it is, so the test follows changes to the model.
/// </summary>
public class CoverageTests(ITestOutputHelper output)
{
    /// <summary>People per condition.</summary>
    internal const int People = 200;

    /// <summary>
    /// Oral 100 µg daily for four weeks: informs the stores (day 0), absorption (the rise) and loss. Its absorbed loads stay
    /// within the plasma binding capacity, so no load needs the ODE solve of an injection and the test stays cheap.
    /// </summary>
    internal static readonly Regimen Oral = RegimenNotation.Parse("100 µg oral daily for 4w");

    internal static readonly TimeSpan[] SampleDays = [TimeSpan.Zero, TimeSpan.FromDays(14), TimeSpan.FromDays(28)];

    [Theory]
    [InlineData(Condition.Healthy)]
    [InlineData(Condition.AtrophicGastritis)]
    [InlineData(Condition.PerniciousAnemia)]
    public void Ninety_percent_intervals_hold_the_truth_85_to_95_percent_of_the_time(Condition condition)
    {
        var coverage = Coverage(condition, People, seed: 19);
        foreach (var line in coverage.Table)
        {
            output.WriteLine(line);
        }

        Assert.InRange(coverage.Pooled, 0.85, 0.95);
        Assert.InRange(coverage.ByParameter[EstimatedParameter.InitialStores], 0.85, 0.95);
    }

    internal sealed record CoverageResult(double Pooled, Dictionary<EstimatedParameter, double> ByParameter, IReadOnlyList<string> Table);

    /// <summary>Simulates, estimates and counts; parallel over people (each person's draws depend only on the seed and index).</summary>
    internal static CoverageResult Coverage(Condition condition, int people, ulong seed)
    {
        var model = PopulationModel.Default with { Conditions = ConditionMix.Only(condition) };
        var settings = EstimationSettings.Default with { Condition = condition, Prior = model, ImportanceSamples = 1000 };
        var preset = ParameterSet.For(condition);
        var hits = new ConcurrentDictionary<EstimatedParameter, int>();
        var counts = new ConcurrentDictionary<EstimatedParameter, int>();
        var methods = new ConcurrentDictionary<IntervalMethod, int>();
        var events = Oral.Events(TimeSpan.FromDays(29));
        Parallel.For(0, people, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var person = model.Patient(seed, i);
            var observations = Observe(person, events, seed, i);
            var estimate = Estimator.Estimate(events, observations, settings);
            foreach (var p in estimate.Parameters.Where(p => p.Method != IntervalMethod.Prior))
            {
                var truth = TrueFactor(p.Parameter, person, preset, model);
                counts.AddOrUpdate(p.Parameter, 1, (_, c) => c + 1);
                methods.AddOrUpdate(p.Method, 1, (_, c) => c + 1);
                if (truth >= p.LowerFactor && truth <= p.UpperFactor)
                {
                    hits.AddOrUpdate(p.Parameter, 1, (_, c) => c + 1);
                }
            }
        });
        var by = counts.Keys.Order().ToDictionary(p => p, p => hits.GetValueOrDefault(p) / (double)counts[p]);
        var pooled = hits.Values.Sum() / (double)counts.Values.Sum();
        var table = by.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{condition.Name()} | {kv.Key} | n {counts[kv.Key]} | coverage {kv.Value:P1}"))
            .Append(string.Create(CultureInfo.InvariantCulture, $"{condition.Name()} | pooled | n {counts.Values.Sum()} | coverage {pooled:P1} | intervals: {string.Join(", ", methods.Select(m => $"{m.Key} {m.Value}"))}"))
            .ToList();
        return new(pooled, by, table);
    }

    /// <summary>The person's true factor of a parameter: their value over the preset's (stores over the median).</summary>
    internal static double TrueFactor(EstimatedParameter parameter, VirtualPatient person, ParameterSet preset, PopulationModel model) => parameter switch
    {
        EstimatedParameter.InitialStores => person.InitialStores.Micrograms / model.MedianInitialStores.Micrograms,
        EstimatedParameter.IntrinsicFactorCapacity => person.ParameterSet.IntrinsicFactorCapacity.Micrograms / preset.IntrinsicFactorCapacity.Micrograms,
        EstimatedParameter.PassiveFraction => person.ParameterSet.PassiveFraction / preset.PassiveFraction,
        EstimatedParameter.StoreLoss => person.ParameterSet.StoreLossPerDay / preset.StoreLossPerDay,
        _ => person.ParameterSet.TissueUptakeMaximumMicrogramsPerHour / preset.TissueUptakeMaximumMicrogramsPerHour,
    };

    /// <summary>Total serum at the sample days and holoTC at the last, with log-normal assay noise of the default CV.</summary>
    internal static List<Observation> Observe(VirtualPatient person, IReadOnlyList<DoseEvent> events, ulong seed, int index)
    {
        var result = Simulator.Run(events, new SimulationSettings(SampleDays[^1]) { ParameterSet = person.ParameterSet, InitialStores = person.InitialStores, SampleTimes = SampleDays });
        var random = new Random(unchecked((int)seed * 7919) + index);
        var cv = AssayError.Default.TotalB12Cv;
        var s = Math.Sqrt(Math.Log(1 + (cv * cv)));
        double Noise() => Math.Exp(s * MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1));
        var observations = result.Series.Select(r => Observation.TotalSerum(r.Time, UnitsNet.MassConcentration.FromPicogramsPerMilliliter(r.Serum.PicogramsPerMilliliter * Noise()))).ToList();
        var last = result.Series[^1];
        observations.Add(Observation.HoloTranscobalamin(last.Time, UnitsNet.Molarity.FromPicomolesPerLiter(last.HoloTranscobalamin.PicomolesPerLiter * Noise())));
        return observations;
    }
}

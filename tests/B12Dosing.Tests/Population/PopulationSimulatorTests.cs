using B12Dosing.Absorption;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Tests.Population;

public class PopulationSimulatorTests
{
    private static readonly Regimen Bnf = RegimenCatalogue.Get("bnf-no-neuro").Regimen;

    private static PopulationSettings Settings(int patients, double days, ulong seed = 7) => new(patients, TimeSpan.FromDays(days), seed)
    {
        Model = PopulationModel.Default with { Conditions = ConditionMix.Parse("pernicious-anemia=0.6,healthy=0.3,ileal-resection=0.1"), MedianInitialStores = Mass.FromMicrograms(400) },
    };

    private static double[] Flatten(PopulationResult r) =>
        [.. r.Days, .. r.ShareBelowThreshold, .. Series(r.Stores), .. Series(r.Serum)];

    private static IEnumerable<double> Series(PercentileSeries s) => [.. s.P5, .. s.P25, .. s.P50, .. s.P75, .. s.P95];

    /// <summary>The same seed gives bit for bit the same result on 1, 2, 3 or 8 threads (patients' streams depend only on seed and index; counts are integers).</summary>
    [Fact]
    public void Result_is_bit_identical_whatever_the_thread_count()
    {
        var settings = Settings(1000, 200);
        var one = Flatten(PopulationSimulator.Run(Bnf, settings with { MaxDegreeOfParallelism = 1 }));
        foreach (var threads in new[] { 2, 3, 8, 0 })
        {
            var other = Flatten(PopulationSimulator.Run(Bnf, settings with { MaxDegreeOfParallelism = threads }));
            Assert.Equal(one.Select(BitConverter.DoubleToInt64Bits), other.Select(BitConverter.DoubleToInt64Bits));
        }

        var otherSeed = Flatten(PopulationSimulator.Run(Bnf, settings with { Seed = 8 }));
        Assert.NotEqual(one, otherSeed);
    }

    /// <summary>
    /// Against the exact nearest-rank percentiles of every patient's own series (simulated one by one with the span
    /// path): every reported percentile is within <see cref="PopulationResult.PercentileRelativeError"/> (2^−8, the
    /// documented bound of the histograms), and the share below the threshold is exactly the count.
    /// </summary>
    [Fact]
    public void Percentiles_are_within_the_documented_bound_of_exact_percentiles()
    {
        const int n = 301;
        var settings = Settings(n, 120) with { Step = TimeSpan.FromDays(3) };
        var result = PopulationSimulator.Run(Bnf, settings with { MaxDegreeOfParallelism = 2 });
        var plan = new SimulationPlan(Bnf.Events(settings.Horizon).AsSpan(), settings.Horizon, settings.Step);
        var pools = new PoolState[n][];
        for (var i = 0; i < n; i++)
        {
            var patient = settings.Model.Patient(settings.Seed, i);
            pools[i] = new PoolState[plan.OutputCount];
            Simulator.Run(plan, patient.Physiology, patient.InitialStores, pools[i]);
        }

        for (var row = 0; row < plan.OutputCount; row++)
        {
            var stores = pools.Select(p => p[row].StoresMicrograms).Order().ToArray();
            var serum = pools.Select(p => SerumModel.Default.PicogramsPerMilliliter(p[row].StoresMicrograms, p[row].PlasmaMicrograms)).Order().ToArray();
            foreach (var percent in new[] { 0.0, 1, 5, 25, 50, 75, 95, 99.9, 100 })
            {
                var rank = Math.Max(1, (int)Math.Ceiling(percent / 100 * n));
                AssertClose(stores[rank - 1], result.StoresPercentile(row, percent));
                AssertClose(serum[rank - 1], result.SerumPercentile(row, percent));
            }

            AssertClose(stores[(int)Math.Ceiling(0.05 * n) - 1], result.Stores.P5[row]);
            AssertClose(serum[(int)Math.Ceiling(0.95 * n) - 1], result.Serum.P95[row]);
            Assert.Equal(serum.Count(s => s < 180) / (double)n, result.ShareBelowThreshold[row]);
            Assert.Equal(plan.Day(row), result.Days[row]);
        }

        static void AssertClose(double exact, double reported) =>
            Assert.True(Math.Abs(reported - exact) <= PopulationResult.PercentileRelativeError * exact, $"reported {reported}, exact {exact}");
    }

    /// <summary>With no B12 at all every patient's serum only falls, so the share below the threshold never falls; in pernicious anaemia with low stores it rises from few to most within 3 years.</summary>
    [Fact]
    public void Without_treatment_the_share_below_the_threshold_only_rises()
    {
        var settings = new PopulationSettings(500, TimeSpan.FromDays(3 * 365), 1) { Step = TimeSpan.FromDays(30), Model = PopulationModel.Default with { Conditions = ConditionMix.Only(Condition.PerniciousAnemia), MedianInitialStores = Mass.FromMicrograms(700) } };
        var share = PopulationSimulator.Run(Regimen.None, settings).ShareBelowThreshold;
        Assert.All(share.Zip(share.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
        Assert.True(share[0] < 0.1, $"{share[0]}");
        Assert.True(share[^1] > 0.9, $"{share[^1]}");
    }

    [Fact]
    public void Treatment_keeps_most_patients_above_the_threshold_that_no_treatment_drops_below()
    {
        var settings = new PopulationSettings(400, TimeSpan.FromDays(3 * 365), 3) { Model = PopulationModel.Default with { Conditions = ConditionMix.Only(Condition.PerniciousAnemia), MedianInitialStores = Mass.FromMicrograms(700) } };
        var treated = PopulationSimulator.Run(Bnf, settings);
        var untreated = PopulationSimulator.Run(Regimen.None, settings);
        Assert.True(treated.ShareBelowThreshold[^1] < 0.05 && untreated.ShareBelowThreshold[^1] > 0.9);
        Assert.True(treated.Serum.P5[^1] > untreated.Serum.P95[^1]);
        Assert.All(Enumerable.Range(0, treated.Days.Count), row =>
            Assert.True(treated.Stores.P5[row] <= treated.Stores.P25[row] && treated.Stores.P25[row] <= treated.Stores.P50[row] && treated.Stores.P50[row] <= treated.Stores.P75[row] && treated.Stores.P75[row] <= treated.Stores.P95[row]));
    }

    [Fact]
    public void Progress_reaches_every_patient_and_cancellation_stops_the_run()
    {
        var reports = new List<PopulationProgress>();
        var progress = new SynchronousProgress(p => { lock (reports) { reports.Add(p); } });
        PopulationSimulator.Run(Bnf, Settings(1000, 30), progress);
        Assert.Equal((1000 + PopulationSimulator.ChunkSize - 1) / PopulationSimulator.ChunkSize, reports.Count);
        Assert.Equal(1000, reports.Max(r => r.PatientsDone));
        Assert.Equal(1.0, reports.Max(r => r.Fraction));

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => PopulationSimulator.Run(Bnf, Settings(1000, 30), cancelled.Token));

        using var midway = new CancellationTokenSource();
        var seen = 0;
        var cancelling = new SynchronousProgress(p =>
        {
            Interlocked.Increment(ref seen);
            midway.Cancel();
        });
        Assert.ThrowsAny<OperationCanceledException>(() => PopulationSimulator.Run(Bnf, Settings(100_000, 365), cancelling, midway.Token));
        Assert.True(seen < 100_000 / PopulationSimulator.ChunkSize / 2, $"{seen} chunks ran after cancelling");
    }

    [Fact]
    public void Bad_settings_are_rejected_where_they_enter()
    {
        Assert.Throws<ArgumentOutOfRangeException>("Patients", () => new PopulationSettings(0, TimeSpan.FromDays(1), 1));
        Assert.Throws<ArgumentOutOfRangeException>("Horizon", () => new PopulationSettings(1, TimeSpan.FromDays(-1), 1));
        Assert.Throws<ArgumentOutOfRangeException>("Step", () => Settings(1, 10) with { Step = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>("MaxDegreeOfParallelism", () => Settings(1, 10) with { MaxDegreeOfParallelism = -1 });
        Assert.Throws<ArgumentOutOfRangeException>("SerumThreshold", () => Settings(1, 10) with { SerumThreshold = MassConcentration.FromPicogramsPerMilliliter(0) });
        Assert.Throws<ArgumentOutOfRangeException>("Step", () => PopulationSimulator.Run(Bnf, Settings(1, 365) with { Step = TimeSpan.FromMinutes(10) }));
        var result = PopulationSimulator.Run(Bnf, Settings(3, 10));
        Assert.Throws<ArgumentOutOfRangeException>("percentile", () => result.SerumPercentile(0, 101));
        Assert.Throws<ArgumentOutOfRangeException>("row", () => result.StoresPercentile(11, 50));
    }

    private sealed class SynchronousProgress(Action<PopulationProgress> report) : IProgress<PopulationProgress>
    {
        public void Report(PopulationProgress value) => report(value);
    }
}

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
    /// documented bound of the histograms), and the share below the serum threshold and below each holoTC line is exactly the count.
    /// </summary>
    [Fact]
    public void Percentiles_are_within_the_documented_bound_of_exact_percentiles()
    {
        const int n = 301;
        var settings = Settings(n, 120) with { Step = TimeSpan.FromDays(3), HoloTranscobalaminThresholds = [Molarity.FromPicomolesPerLiter(25), Molarity.FromPicomolesPerLiter(50)] };
        var result = PopulationSimulator.Run(Bnf, settings with { MaxDegreeOfParallelism = 2 });
        var plan = new SimulationPlan(Bnf.Events(settings.Horizon).AsSpan(), settings.Horizon, settings.Step);
        var pools = new PoolState[n][];
        for (var i = 0; i < n; i++)
        {
            var patient = settings.Model.Patient(settings.Seed, i);
            pools[i] = new PoolState[plan.OutputCount];
            Simulator.Run(plan, patient.ParameterSet, patient.InitialStores, pools[i]);
        }

        for (var row = 0; row < plan.OutputCount; row++)
        {
            var stores = pools.Select(p => p[row].StoresMicrograms).Order().ToArray();
            var serum = pools.Select(p => p[row].SerumPicogramsPerMilliliter).Order().ToArray();
            foreach (var percent in new[] { 0.0, 1, 5, 25, 50, 75, 95, 99.9, 100 })
            {
                var rank = Math.Max(1, (int)Math.Ceiling(percent / 100 * n));
                AssertClose(stores[rank - 1], result.StoresPercentileMicrograms(row, percent));
                AssertClose(serum[rank - 1], result.SerumPercentilePicogramsPerMilliliter(row, percent));
            }

            AssertClose(stores[(int)Math.Ceiling(0.05 * n) - 1], result.Stores.P5[row]);
            AssertClose(serum[(int)Math.Ceiling(0.95 * n) - 1], result.Serum.P95[row]);
            Assert.Equal(serum.Count(s => s < 180) / (double)n, result.ShareBelowThreshold[row]);
            Assert.Equal(pools.Count(p => p[row].HoloTranscobalaminPicomolesPerLiter < 25) / (double)n, result.ShareBelowHoloTranscobalamin[0][row]);
            Assert.Equal(pools.Count(p => p[row].HoloTranscobalaminPicomolesPerLiter < 50) / (double)n, result.ShareBelowHoloTranscobalamin[1][row]);
            Assert.Equal(plan.Day(row), result.Days[row]);
        }

        static void AssertClose(double exact, double reported) =>
            Assert.True(Math.Abs(reported - exact) <= PopulationResult.PercentileRelativeError * exact, $"reported {reported}, exact {exact}");
    }

    /// <summary>With no B12 at all every patient's serum only falls, so the share below the threshold never falls; in pernicious anaemia from average stores (median 3000 µg; serum in balance 360 pg/mL, without the holoTC that reabsorbed bile brings in health) it rises from few to most within 3 years.</summary>
    [Fact]
    public void Without_treatment_the_share_below_the_threshold_only_rises()
    {
        var settings = new PopulationSettings(500, TimeSpan.FromDays(3 * 365), 1) { Step = TimeSpan.FromDays(30), Model = PopulationModel.Default with { Conditions = ConditionMix.Only(Condition.PerniciousAnemia), MedianInitialStores = Mass.FromMicrograms(3000) } };
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

        // The largest population starts and stops cleanly (no overflow in the chunk arithmetic).
        using var largest = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => PopulationSimulator.Run(Bnf, Settings(int.MaxValue, 30), new SynchronousProgress(_ => largest.Cancel()), largest.Token));
    }

    [Fact]
    public void Bad_settings_are_rejected_where_they_enter()
    {
        Assert.Throws<ArgumentOutOfRangeException>("Patients", () => new PopulationSettings(0, TimeSpan.FromDays(1), 1));
        Assert.Throws<ArgumentOutOfRangeException>("Horizon", () => new PopulationSettings(1, TimeSpan.FromDays(-1), 1));
        Assert.Throws<ArgumentOutOfRangeException>("Step", () => Settings(1, 10) with { Step = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>("MaxDegreeOfParallelism", () => Settings(1, 10) with { MaxDegreeOfParallelism = -1 });
        Assert.Throws<ArgumentOutOfRangeException>("SerumThreshold", () => Settings(1, 10) with { SerumThreshold = MassConcentration.FromPicogramsPerMilliliter(0) });
        Assert.Throws<ArgumentOutOfRangeException>("HoloTranscobalaminThresholds", () => Settings(1, 10) with { HoloTranscobalaminThresholds = [Molarity.FromPicomolesPerLiter(0)] });
        Assert.Throws<ArgumentOutOfRangeException>("HoloTranscobalaminThresholds", () => Settings(1, 10) with { HoloTranscobalaminThresholds = [.. Enumerable.Range(1, 33).Select(i => Molarity.FromPicomolesPerLiter(i))] });
        Assert.Equal(Settings(1, 10) with { HoloTranscobalaminThresholds = [Molarity.FromPicomolesPerLiter(25)] }, Settings(1, 10) with { HoloTranscobalaminThresholds = [Molarity.FromNanomolesPerLiter(0.025)] });
        Assert.Throws<ArgumentOutOfRangeException>("Step", () => PopulationSimulator.Run(Bnf, Settings(1, 365) with { Step = TimeSpan.FromMinutes(10) }));
        var result = PopulationSimulator.Run(Bnf, Settings(3, 10));
        Assert.Throws<ArgumentOutOfRangeException>("percentile", () => result.SerumPercentilePicogramsPerMilliliter(0, 101));
        Assert.Throws<ArgumentOutOfRangeException>("row", () => result.StoresPercentileMicrograms(11, 50));
    }

    private sealed class SynchronousProgress(Action<PopulationProgress> report) : IProgress<PopulationProgress>
    {
        public void Report(PopulationProgress value) => report(value);
    }
}

public class PopulationPartitionTests
{
    private static readonly Regimen Bnf = RegimenCatalogue.Get("bnf-no-neuro").Regimen;

    /// <summary>Partitions of one population (consecutive patient ranges, same seed) merge, in any order, into bit for bit the single run.</summary>
    [Fact]
    public void Merged_partitions_equal_the_single_run()
    {
        var whole = new PopulationSettings(700, TimeSpan.FromDays(100), 11) { Model = PopulationModel.Default with { Conditions = ConditionMix.Parse("pa=0.5,healthy=0.5") }, HoloTranscobalaminThresholds = [Molarity.FromPicomolesPerLiter(35)] };
        var single = PopulationSimulator.Run(Bnf, whole);
        var a = PopulationSimulator.Run(Bnf, whole with { Patients = 250 });
        var b = PopulationSimulator.Run(Bnf, whole with { Patients = 130, FirstPatient = 250, MaxDegreeOfParallelism = 1 });
        var c = PopulationSimulator.Run(Bnf, whole with { Patients = 320, FirstPatient = 380 });
        foreach (var merged in new[] { a.Merge(b).Merge(c), c.Merge(b.Merge(a)) })
        {
            Assert.Equal(700, merged.Patients);
            Assert.Equal(0, merged.Settings.FirstPatient);
            Assert.Equal(Bits(single), Bits(merged));
        }
    }

    [Fact]
    public void Only_consecutive_partitions_of_one_population_merge()
    {
        var settings = new PopulationSettings(10, TimeSpan.FromDays(10), 1);
        var a = PopulationSimulator.Run(Bnf, settings);
        Assert.Throws<ArgumentException>("other", () => a.Merge(PopulationSimulator.Run(Bnf, settings with { FirstPatient = 11 })));
        Assert.Throws<ArgumentException>("other", () => a.Merge(a));
        Assert.Throws<ArgumentException>("other", () => a.Merge(PopulationSimulator.Run(Bnf, settings with { FirstPatient = 10, Seed = 2 })));
        Assert.Throws<ArgumentException>("other", () => a.Merge(PopulationSimulator.Run(Bnf, settings with { FirstPatient = 10, Horizon = TimeSpan.FromDays(11) })));
        Assert.Throws<ArgumentOutOfRangeException>("FirstPatient", () => settings with { FirstPatient = -1 });
        Assert.Throws<ArgumentOutOfRangeException>("FirstPatient", () => settings with { FirstPatient = long.MaxValue });
    }

    /// <summary>Partitions written to bytes (as on other machines), read back and merged, give the single run bit for bit.</summary>
    [Fact]
    public void Counts_written_and_read_back_merge_into_the_single_run()
    {
        var whole = new PopulationSettings(300, TimeSpan.FromDays(60), 5) { HoloTranscobalaminThresholds = [Molarity.FromPicomolesPerLiter(60), Molarity.FromPicomolesPerLiter(40)] };
        var parts = new[] { (0, 100), (100, 150), (250, 50) }.Select(p =>
        {
            using var bytes = new MemoryStream();
            PopulationSimulator.Run(Bnf, whole with { FirstPatient = p.Item1, Patients = p.Item2 }).WriteCounts(bytes);
            bytes.Position = 0;
            return PopulationResult.ReadCounts(bytes, whole);
        }).ToArray();
        Assert.Equal(Bits(PopulationSimulator.Run(Bnf, whole)), Bits(parts[2].Merge(parts[1]).Merge(parts[0])));
        Assert.Equal(150, parts[1].Patients);
        Assert.Equal(100, parts[1].Settings.FirstPatient);
    }

    [Fact]
    public void Reading_counts_rejects_other_populations_and_damaged_data()
    {
        var settings = new PopulationSettings(20, TimeSpan.FromDays(10), 5);
        using var bytes = new MemoryStream();
        PopulationSimulator.Run(Bnf, settings).WriteCounts(bytes);
        var data = bytes.ToArray();
        PopulationResult Read(byte[] b, PopulationSettings s) => PopulationResult.ReadCounts(new MemoryStream(b), s);
        Assert.Equal(20, Read(data, settings).Patients);
        Assert.Throws<InvalidDataException>(() => Read(data, settings with { Seed = 6 }));
        Assert.Throws<InvalidDataException>(() => Read(data, settings with { Horizon = TimeSpan.FromDays(11) }));
        Assert.Throws<InvalidDataException>(() => Read(data, settings with { HoloTranscobalaminThresholds = [Molarity.FromPicomolesPerLiter(25)] }));
        Assert.Throws<InvalidDataException>(() => Read(data[..^3], settings));
        Assert.Throws<InvalidDataException>(() => Read([.. data.Take(8).Reverse(), .. data.Skip(8)], settings));
        var damaged = (byte[])data.Clone();
        damaged[^1] = 0x7F; // the last row's count below the threshold becomes huge
        Assert.Throws<InvalidDataException>(() => Read(damaged, settings));
        var window = (byte[])data.Clone();
        BitConverter.GetBytes(int.MaxValue).CopyTo(window, 60); // the first row's first octave, after the 56-byte header
        Assert.Throws<InvalidDataException>(() => Read(window, settings)); // not an OverflowException from first + octaves
    }

    private static long[] Bits(PopulationResult r) =>
        [.. new[] { r.Days, r.ShareBelowThreshold, r.Stores.P5, r.Stores.P50, r.Stores.P95, r.Serum.P5, r.Serum.P25, r.Serum.P75, r.Serum.P95 }.Concat(r.ShareBelowHoloTranscobalamin).SelectMany(s => s).Select(BitConverter.DoubleToInt64Bits)];
}

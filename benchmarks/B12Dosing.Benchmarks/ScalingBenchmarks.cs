using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Quantities;
using BenchmarkDotNet.Attributes;

namespace B12Dosing.Benchmarks;

/// <summary>
/// How one patient-year grows with doses and output rows: <see cref="DosesPerDay"/> oral doses of 500 µg evenly spaced
/// (from 01:00), <see cref="RowsPerDay"/> output rows a day; span path with a prepared plan. The cost should be linear
/// in each.
/// </summary>
[MemoryDiagnoser]
public class ScalingBenchmarks : SpanPathBenchmark
{
    /// <summary>Oral doses a day.</summary>
    [Params(1, 4, 16)]
    public int DosesPerDay { get; set; }

    /// <summary>Output rows a day.</summary>
    [Params(1, 4, 16)]
    public int RowsPerDay { get; set; }

    [GlobalSetup]
    public void Setup() => Prepare(
        Enumerable.Range(0, 365 * DosesPerDay).Select(i => new DoseEvent(TimeSpan.FromHours(1) + (TimeSpan.FromDays(1) * i / DosesPerDay), Dose.Oral(Mass.FromMicrograms(500)))),
        TimeSpan.FromDays(365),
        TimeSpan.FromDays(1) / RowsPerDay,
        ParameterSet.Healthy);

    /// <summary>One patient-year.</summary>
    [Benchmark]
    public double PatientYear() => RunSpanPath();
}

using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using BenchmarkDotNet.Attributes;

namespace B12Dosing.Benchmarks;

/// <summary>
/// One patient over one year: 1000 µg by mouth every day, one row a day (366 rows). <c>SimulatorRun</c> builds the
/// plan and the result (rows and summary); <c>SpanPath</c> reuses a plan and a buffer, as a population does (target:
/// under 20 µs a patient-year, no allocation).
/// </summary>
[MemoryDiagnoser]
public class OnePatientYearBenchmarks : SpanPathBenchmark
{
    private static readonly TimeSpan Year = TimeSpan.FromDays(365);
    private readonly DoseEvent[] _daily = [.. Enumerable.Range(0, 365).Select(d => new DoseEvent(TimeSpan.FromDays(d), Dose.Oral(Mass.FromMicrograms(1000))))];
    private readonly SimulationSettings _settings = new(Year);

    [GlobalSetup]
    public void Setup() => Prepare(_daily, Year, TimeSpan.FromDays(1), ParameterSet.Healthy);

    /// <summary>The whole public call: plan, run, rows and summary.</summary>
    [Benchmark(Baseline = true)]
    public SimulationResult SimulatorRun() => Simulator.Run(_daily, _settings);

    /// <summary>A prepared plan, into a reused buffer.</summary>
    [Benchmark]
    public double SpanPath() => RunSpanPath();
}

/// <summary>One patient with pernicious anaemia over ten years: 1000 µg cyanocobalamin IM every 30 days, one row a day (3651 rows, 122 injections).</summary>
[MemoryDiagnoser]
public class OnePatientDecadeBenchmarks : SpanPathBenchmark
{
    private static readonly TimeSpan Decade = TimeSpan.FromDays(3650);
    private readonly DoseEvent[] _monthly = [.. Enumerable.Range(0, 122).Select(m => new DoseEvent(TimeSpan.FromDays(30 * m), Dose.Intramuscular(Mass.FromMicrograms(1000))))];
    private readonly SimulationSettings _settings = new(Decade) { ParameterSet = ParameterSet.PerniciousAnemia };

    [GlobalSetup]
    public void Setup() => Prepare(_monthly, Decade, TimeSpan.FromDays(1), ParameterSet.PerniciousAnemia);

    /// <summary>The whole public call.</summary>
    [Benchmark(Baseline = true)]
    public SimulationResult SimulatorRun() => Simulator.Run(_monthly, _settings);

    /// <summary>A prepared plan, into a reused buffer.</summary>
    [Benchmark]
    public double SpanPath() => RunSpanPath();
}

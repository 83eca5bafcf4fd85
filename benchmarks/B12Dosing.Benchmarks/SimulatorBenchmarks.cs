using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using BenchmarkDotNet.Attributes;

namespace B12Dosing.Benchmarks;

/// <summary>One patient-year with a daily oral dose and daily output (issue 4 target: under 20 µs).</summary>
[MemoryDiagnoser]
public class SimulatorBenchmarks
{
    private readonly DoseEvent[] _daily = [.. Enumerable.Range(0, 365).Select(d => new DoseEvent(TimeSpan.FromDays(d), Dose.Oral(Mass.FromMicrograms(1000))))];
    private readonly SimulationSettings _settings = new(TimeSpan.FromDays(365));

    /// <summary>1000 µg by mouth every day for a year, one row a day.</summary>
    [Benchmark]
    public SimulationResult PatientYearDailyOral() => Simulator.Run(_daily, _settings);
}

using B12Dosing.Population;
using B12Dosing.Regimens;
using BenchmarkDotNet.Attributes;

namespace B12Dosing.Benchmarks;

/// <summary>
/// Populations on bnf-no-neuro for one year with daily rows (366 rows a patient, percentiles and share below 180 pg/mL),
/// on one thread and on every core (target: 100,000 patient-years under 2 s on 2 cores).
/// </summary>
[MemoryDiagnoser]
public class PopulationBenchmarks
{
    private readonly Regimen _bnf = RegimenCatalogue.Get("bnf-no-neuro").Regimen;

    /// <summary>Virtual patients.</summary>
    [Params(1_000, 10_000, 100_000)]
    public int Patients { get; set; }

    /// <summary>Threads: 1, or 0 for one per core.</summary>
    [Params(1, 0)]
    public int Threads { get; set; }

    /// <summary>One year of the population.</summary>
    [Benchmark]
    public double BnfNoNeuroOneYear() =>
        PopulationSimulator.Run(_bnf, new PopulationSettings(Patients, TimeSpan.FromDays(365), 1) { MaxDegreeOfParallelism = Threads }).ShareBelowThreshold[^1];
}

using B12Dosing.Population;
using B12Dosing.Regimens;
using BenchmarkDotNet.Attributes;

namespace B12Dosing.Benchmarks;

/// <summary>
/// A population for one year with daily rows on one thread, on an injected regimen (<c>bnf-no-neuro</c>) and on an oral
/// one (<c>kuzminski-oral</c>, 2000 µg by mouth daily, whose passive part differs between patients): issue 20 asks for
/// the oral population within 2 times the injected one per patient-year (divide the time by <see cref="Patients"/>).
/// </summary>
[MemoryDiagnoser]
public class RegimenPopulationBenchmarks
{
    private Regimen _regimen = RegimenCatalogue.Get("bnf-no-neuro").Regimen;

    /// <summary>The catalogue regimen.</summary>
    [Params("bnf-no-neuro", "kuzminski-oral")]
    public string Regimen { get; set; } = "bnf-no-neuro";

    /// <summary>Virtual patients.</summary>
    [Params(10_000, 50_000)]
    public int Patients { get; set; }

    /// <summary>Looks the regimen up once.</summary>
    [GlobalSetup]
    public void Setup() => _regimen = RegimenCatalogue.Get(Regimen).Regimen;

    /// <summary>One year of the population on one thread.</summary>
    [Benchmark]
    public double OneYear() =>
        PopulationSimulator.Run(_regimen, new PopulationSettings(Patients, TimeSpan.FromDays(365), 1) { MaxDegreeOfParallelism = 1 }).ShareBelowThreshold[^1];
}

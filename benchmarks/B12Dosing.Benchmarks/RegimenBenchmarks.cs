using B12Dosing.Regimens;
using BenchmarkDotNet.Attributes;

namespace B12Dosing.Benchmarks;

/// <summary>Parsing the regimen notation and expanding regimens to dose events.</summary>
[MemoryDiagnoser]
public class RegimenBenchmarks
{
    private readonly Regimen _bnf = RegimenCatalogue.Get("bnf-no-neuro").Regimen;
    private readonly Regimen _diet = RegimenCatalogue.Get("rda-diet").Regimen;
    private readonly Regimen _oral = RegimenCatalogue.Get("oral-1000-daily").Regimen;

    /// <summary>The BNF notation, parsed.</summary>
    [Benchmark]
    public Regimen ParseBnf() => Regimen.Parse("1 mg ohcbl im tiw for 2w then 1 mg ohcbl im q3mo");

    /// <summary>bnf-no-neuro over ten years (46 events).</summary>
    [Benchmark]
    public int ExpandBnfTenYears() => _bnf.Events(TimeSpan.FromDays(3652)).Length;

    /// <summary>1000 µg by mouth daily over one year (366 events).</summary>
    [Benchmark]
    public int ExpandDailyOralOneYear() => _oral.Events(TimeSpan.FromDays(365)).Length;

    /// <summary>The RDA in three meals a day over one year (1098 events).</summary>
    [Benchmark]
    public int ExpandDietOneYear() => _diet.Events(TimeSpan.FromDays(365)).Length;
}

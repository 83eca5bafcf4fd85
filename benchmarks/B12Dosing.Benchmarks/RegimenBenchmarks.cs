using System.Collections.Immutable;
using B12Dosing.Dosing;
using B12Dosing.Regimens;
using BenchmarkDotNet.Attributes;

namespace B12Dosing.Benchmarks;

/// <summary>
/// Regimen expansion and notation: a year of a loading-then-maintenance protocol, ten years of daily
/// diet over three meals (10 958 events), the union of three regimens, adherence, and parsing.
/// </summary>
[MemoryDiagnoser]
public class RegimenBenchmarks
{
    private static readonly TimeSpan Year = TimeSpan.FromDays(365);
    private static readonly TimeSpan TenYears = TimeSpan.FromDays(3652);
    private readonly Regimen _bnf = RegimenCatalogue.Get("bnf-neuro").Regimen;
    private readonly Regimen _diet = RegimenCatalogue.Get("rda-diet").Regimen;
    private readonly Regimen _union = Regimen.Parse("2.4 ug food daily split at 8h,13h,19h + 1000 ug oral daily + 1 mg ohcbl im q2d for 3w then 1 mg ohcbl im q2mo");
    private readonly Regimen _adherence = RegimenCatalogue.Get("oral-1000-daily").Regimen.WithAdherence(0.8, seed: 42);
    private readonly string _notation = RegimenCatalogue.Get("us-label-cyanocobalamin").Notation;

    /// <summary>bnf-neuro for a year (16 events).</summary>
    [Benchmark]
    public ImmutableArray<DoseEvent> ProtocolYear() => _bnf.Events(Year);

    /// <summary>rda-diet for ten years (three meals a day).</summary>
    [Benchmark]
    public ImmutableArray<DoseEvent> DietTenYears() => _diet.Events(TenYears);

    /// <summary>Diet, daily oral and injections combined, for ten years (a three-way merge).</summary>
    [Benchmark]
    public ImmutableArray<DoseEvent> UnionTenYears() => _union.Events(TenYears);

    /// <summary>Daily oral with 80 % adherence for ten years (one random draw per event).</summary>
    [Benchmark]
    public ImmutableArray<DoseEvent> AdherenceTenYears() => _adherence.Events(TenYears);

    /// <summary>Parsing the four-phase US label notation.</summary>
    [Benchmark]
    public Regimen Parse() => Regimen.Parse(_notation);
}

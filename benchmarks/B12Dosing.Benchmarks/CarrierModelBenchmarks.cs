using B12Dosing.Absorption;
using B12Dosing.Regimens;
using BenchmarkDotNet.Attributes;

namespace B12Dosing.Benchmarks;

/// <summary>
/// What model 3 (<see cref="Physiology.WithFreeCapacity"/>, opt-in) costs against the default model 2: one healthy
/// patient-year, one row a day, on the span path with a prepared plan, for a daily oral dose and a monthly injection.
/// Model 2 applies the exact propagator between events; model 3 integrates the carriers' free capacity and the transit
/// of each load (a nonlinear stretch after every dose).
/// </summary>
[MemoryDiagnoser]
public class CarrierModelBenchmarks : SpanPathBenchmark
{
    /// <summary>The regimen, in the catalogue's notation.</summary>
    [Params("1000 µg oral daily", "1000 µg im monthly")]
    public string Regimen { get; set; } = "";

    /// <summary>2: the default (<see cref="Physiology.Healthy"/>); 3: <see cref="Physiology.WithFreeCapacity"/>.</summary>
    [Params(2, 3)]
    public int Model { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var year = TimeSpan.FromDays(365);
        Prepare(RegimenCatalogue.Resolve(Regimen).Events(year), year, TimeSpan.FromDays(1), Model == 3 ? Physiology.Healthy.WithFreeCapacity() : Physiology.Healthy);
    }

    /// <summary>One patient-year.</summary>
    [Benchmark]
    public double PatientYear() => RunSpanPath();
}

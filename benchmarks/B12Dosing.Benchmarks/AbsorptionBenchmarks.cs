using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Quantities;
using BenchmarkDotNet.Attributes;

namespace B12Dosing.Benchmarks;

/// <summary>One oral and one injected dose evaluation (issue 3 target: under 50 ns, no allocation).</summary>
[MemoryDiagnoser]
public class AbsorptionBenchmarks
{
    private readonly Dose _oral = Dose.Oral(Mass.FromMicrograms(1000));
    private readonly Dose _injected = Dose.Intramuscular(Mass.FromMicrograms(1000), CobalaminForm.Hydroxocobalamin);
    private readonly ParameterSet _physiology = ParameterSet.Healthy;
    private readonly IntrinsicFactorState _state = IntrinsicFactorState.Rested(ParameterSet.Healthy);

    /// <summary>1000 µg crystalline CNCbl by mouth, healthy, rested IF.</summary>
    [Benchmark]
    public DoseOutcome OralDose() => AbsorptionModel.Evaluate(_oral, _physiology, _state);

    /// <summary>1000 µg OHCbl IM.</summary>
    [Benchmark]
    public DoseOutcome InjectedDose() => AbsorptionModel.Evaluate(_injected, _physiology, _state);
}

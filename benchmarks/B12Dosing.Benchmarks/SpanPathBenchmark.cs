using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;

namespace B12Dosing.Benchmarks;

/// <summary>The shared set-up of the benchmarks that run one patient on the span path: a plan prepared once, a reused buffer.</summary>
public abstract class SpanPathBenchmark
{
    private SimulationPlan? _plan;
    private PoolState[] _buffer = [];
    private ParameterSet _physiology = ParameterSet.Healthy;

    /// <summary>The prepared plan.</summary>
    protected SimulationPlan Plan => _plan ?? throw new InvalidOperationException("Call Prepare in the global set-up.");

    /// <summary>The output buffer.</summary>
    protected PoolState[] Buffer => _buffer;

    /// <summary>Expands the events once (in the global set-up).</summary>
    protected void Prepare(IEnumerable<DoseEvent> events, TimeSpan horizon, TimeSpan step, ParameterSet physiology)
    {
        _plan = new SimulationPlan([.. events], horizon, step);
        _buffer = new PoolState[_plan.OutputCount];
        _physiology = physiology;
    }

    /// <summary>One patient with 2500 µg of stores, into the buffer; returns the final stores.</summary>
    protected double RunSpanPath()
    {
        Simulator.Run(Plan, _physiology, SimulationSettings.AverageStores, _buffer);
        return _buffer[^1].StoresMicrograms;
    }
}

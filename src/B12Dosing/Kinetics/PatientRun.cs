using System.Buffers;
using System.Runtime.CompilerServices;
using B12Dosing.Absorption;
using B12Dosing.Dosing;

namespace B12Dosing.Kinetics;

/// <summary>Receives the output rows of one run. A struct implementing it is called without virtual dispatch.</summary>
internal interface IOutputSink
{
    /// <summary>Whether the run keeps the totals (urine, faeces, dosed …); sinks that only read the pools say no, and the JIT drops the sums.</summary>
    static abstract bool KeepsTotals { get; }

    /// <summary>Row <paramref name="index"/> (in order, from 0) of <paramref name="run"/>'s current state.</summary>
    void Output(int index, ref PatientRun run);
}

/// <summary>
/// The one simulation core that <see cref="Simulator"/> (every public overload) and the population runs share: the state
/// of one patient walked through the steps of a <see cref="SimulationPlan"/>, with one propagator per distinct interval
/// computed up front. It allocates nothing (the propagators sit on the stack, or in a pooled array for plans with more
/// than <see cref="StackPropagators"/> distinct intervals).
/// </summary>
internal struct PatientRun
{
    private const int StackPropagators = 32;

    private Absorber _absorber;

    private PatientRun(Physiology physiology, PoolRates rates, double initialStores)
    {
        _absorber = new(physiology);
        Stores = initialStores;
        Plasma = rates.PlasmaInBalanceWith(initialStores);
        InitialBody = Plasma + Stores;
    }

    public double Stores;
    public double Plasma;
    public Kahan Urine, Faeces, Dosed, Absorbed, Retained, NotAbsorbed;

    public readonly double InitialBody { get; }

    /// <summary>Runs <paramref name="plan"/> for one patient, handing every output row to <paramref name="sink"/>.</summary>
    public static PatientRun Run<TSink>(SimulationPlan plan, Physiology physiology, double initialStores, ref TSink sink)
        where TSink : struct, IOutputSink, allows ref struct
    {
        var rates = PoolRates.Of(physiology);
        var run = new PatientRun(physiology, rates, initialStores);
        var count = plan.DistinctIntervalCount;
        Propagator[]? rented = null;
        Span<Propagator> propagators = count <= StackPropagators
            ? stackalloc Propagator[StackPropagators]
            : (rented = ArrayPool<Propagator>.Shared.Rent(count));
        var intervals = plan.Intervals;
        for (var i = 0; i < intervals.Length; i++)
        {
            propagators[i] = rates.Propagator(intervals[i]);
        }

        var intakes = plan.Intakes;
        foreach (var step in plan.Steps)
        {
            if (step.Interval >= 0)
            {
                run.Advance<TSink>(in propagators[step.Interval]);
            }

            if (step.Action >= 0)
            {
                run.Apply<TSink>(in intakes[step.Action]);
            }
            else if (step.Action != SimulationPlan.NoAction)
            {
                sink.Output(~step.Action, ref run);
            }
        }

        if (rented is not null)
        {
            ArrayPool<Propagator>.Shared.Return(rented);
        }

        return run;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Advance<TSink>(in Propagator phi)
        where TSink : IOutputSink, allows ref struct
    {
        var before = Plasma + Stores;
        var plasma = (phi.PP * Plasma) + (phi.PS * Stores);
        var stores = (phi.SP * Plasma) + (phi.SS * Stores);
        Plasma = plasma;
        Stores = stores;
        // The body's loss over the step is exactly what leaves in faeces (the flows between P and S cancel).
        if (TSink.KeepsTotals)
        {
            Faeces.Add(before - (plasma + stores));
        }
    }

    private void Apply<TSink>(in Intake intake)
        where TSink : IOutputSink, allows ref struct
    {
        var outcome = _absorber.Take(in intake);
        Plasma += outcome.Retained;
        if (TSink.KeepsTotals)
        {
            Urine.Add(outcome.UrinaryLoss);
            NotAbsorbed.Add(outcome.Unabsorbed);
            Dosed.Add(outcome.Dose);
            Absorbed.Add(outcome.Absorbed);
            Retained.Add(outcome.Retained);
        }
    }
}

/// <summary>Compensated (Kahan) summation, so long runs keep the mass balance at rounding level.</summary>
internal struct Kahan
{
    private double _compensation;

    public double Sum { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value)
    {
        var y = value - _compensation;
        var t = Sum + y;
        _compensation = (t - Sum) - y;
        Sum = t;
    }
}

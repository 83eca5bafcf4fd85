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
    private readonly PoolRates _rates;

    /// <summary>The last kept amount and its <see cref="PoolRates.KeptTanh"/> (NaN at first: no amount equals it).</summary>
    private double _lastKept = double.NaN, _lastKeptTanh;

    private PatientRun(Physiology physiology, PoolRates rates, double initialStores)
    {
        _absorber = new(physiology);
        _rates = rates;
        Stores = initialStores;
        (Transcobalamin, Haptocorrin) = rates.CarriersInBalanceWith(initialStores);
        InitialBody = Body;
    }

    /// <summary>The pools, µg: stores, holotranscobalamin, holohaptocorrin, protein-bound OHCbl, free (on its way to urine), labile excess.</summary>
    public double Stores, Transcobalamin, Haptocorrin, ProteinBound, Free, Labile;
    public Kahan Urine, Faeces, Dosed, Absorbed, Retained, NotAbsorbed;

    public readonly double InitialBody { get; }

    /// <summary>All B12 in the body, µg.</summary>
    public readonly double Body => Core + Free + Labile;

    /// <summary>B12 in plasma and extracellular fluid, µg: the carriers, protein-bound and free B12.</summary>
    public readonly double Plasma => Transcobalamin + Haptocorrin + ProteinBound + Free;

    /// <summary>The coupled pools T + H + S + B (what the store limit counts), µg.</summary>
    private readonly double Core => Transcobalamin + Haptocorrin + Stores + ProteinBound;

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
            propagators[i] = Propagator.Cached(in rates, intervals[i]);
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
        var before = Core;
        ref readonly var m = ref phi.Core;
        double t = Transcobalamin, h = Haptocorrin, s = Stores, b = ProteinBound;
        Transcobalamin = (m[0] * t) + (m[1] * h) + (m[2] * s) + (m[3] * b);
        Haptocorrin = (m[4] * t) + (m[5] * h) + (m[6] * s) + (m[7] * b);
        Stores = (m[8] * t) + (m[9] * h) + (m[10] * s) + (m[11] * b);
        ProteinBound = m[15] * b;
        var free = Free * phi.Free;
        var labile = Labile * phi.Labile;
        // The loss of the coupled pools and of the labile excess is exactly what leaves in faeces (the flows between
        // them cancel); the fall of the free pool is the urine.
        if (TSink.KeepsTotals)
        {
            Faeces.Add((before - Core) + (Labile - labile));
            Urine.Add(Free - free);
        }

        Free = free;
        Labile = labile;
    }

    private void Apply<TSink>(in Intake intake)
        where TSink : IOutputSink, allows ref struct
    {
        var outcome = _absorber.TakeParts(in intake);
        var kept = outcome.Retained;
        if (BitConverter.DoubleToInt64Bits(kept) != BitConverter.DoubleToInt64Bits(_lastKept))
        {
            // A regimen keeps the same amount at each dose (once the IF capacity has settled): its tanh is computed once.
            _lastKept = kept;
            _lastKeptTanh = _rates.KeptTanh(kept);
        }

        var accepted = _rates.AcceptedWithTanh(Core, kept, _lastKeptTanh);
        // f·(the parts) is the accepted amount to rounding (the parts add up to the kept amount to rounding).
        var f = kept > 0 ? accepted / kept : 0;
        Transcobalamin += f * outcome.Kept.Transcobalamin;
        Haptocorrin += f * outcome.Kept.Haptocorrin;
        ProteinBound += f * outcome.Kept.ProteinBound;
        Stores += f * outcome.Kept.Tissue;
        Labile += kept - accepted;
        Free += outcome.Absorbed - kept;
        if (TSink.KeepsTotals)
        {
            NotAbsorbed.Add(outcome.Dose - outcome.Absorbed);
            Dosed.Add(outcome.Dose);
            Absorbed.Add(outcome.Absorbed);
            Retained.Add(kept);
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

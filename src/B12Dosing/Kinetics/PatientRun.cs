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

    /// <summary>Model 3 (<see cref="PlasmaCarrierModel.FreeCapacity"/>): its rates, and whether the run uses it.</summary>
    private readonly TransitRates _transitRates;
    private readonly bool _freeCapacity;

    /// <summary>Model 3: B12 on its way into the blood (sites, gut) and free in plasma while a nonlinear stretch runs (<see cref="Transit"/>).</summary>
    private TransitState _transit;

    /// <summary>Model 3: whether a stretch runs (B12 in transit or free), so the step is the nonlinear solve, not the propagator.</summary>
    private bool _active;

    /// <summary>Model 3: the step size the stretch's solve last accepted, hours.</summary>
    private double _step;

    /// <summary>The last kept amount and its <see cref="PoolRates.KeptTanh"/> (NaN at first: no amount equals it).</summary>
    private double _lastKept = double.NaN, _lastKeptTanh;

    private PatientRun(ParameterSet physiology, PoolRates rates, double initialStores)
    {
        _absorber = new(physiology);
        _freeCapacity = physiology.UsesFreeCapacity;
        _transitRates = _freeCapacity ? new(physiology, in rates) : default;
        _rates = rates;
        Stores = initialStores;
        (Transcobalamin, Haptocorrin) = _freeCapacity ? _transitRates.CarriersInBalanceWith(initialStores) : rates.CarriersInBalanceWith(initialStores);
        InitialBody = Body;
    }

    /// <summary>The pools, µg: stores, holotranscobalamin, holohaptocorrin, protein-bound OHCbl, free (on its way to urine), labile excess.</summary>
    public double Stores, Transcobalamin, Haptocorrin, ProteinBound, Free, Labile;

    /// <summary>Model 3: the exchangeable hepatic pool, µg (zero under model 2); reported with the stores.</summary>
    public double Exchangeable;

    /// <summary>The stores as reported: the deep stores and, under model 3, the exchangeable hepatic pool, µg.</summary>
    public readonly double ReportedStores => Stores + Exchangeable;
    public Kahan Urine, Faeces, Dosed, Absorbed, Retained, TotalUnabsorbed;

    public readonly double InitialBody { get; }

    /// <summary>All B12 in the body, µg.</summary>
    public readonly double Body => Core + Free + Labile + Arriving;

    /// <summary>B12 in plasma and extracellular fluid, µg: the carriers, protein-bound and free B12.</summary>
    public readonly double Plasma => Transcobalamin + Haptocorrin + ProteinBound + Free + Arriving;

    /// <summary>Model 3: B12 absorbed but not yet in the blood (injection, mucosal and nasal sites, the IF route's transit), µg; counted with plasma.</summary>
    private readonly double Arriving => _active ? _transit.InTransit - _transit[TransitState.FreeC] - _transit[TransitState.FreeH] : 0;

    /// <summary>The coupled pools T + H + S + B (what the store limit counts), µg.</summary>
    private readonly double Core => Transcobalamin + Haptocorrin + Stores + ProteinBound + Exchangeable;

    /// <summary>Runs <paramref name="plan"/> for one patient, handing every output row to <paramref name="sink"/>.</summary>
    public static PatientRun Run<TSink>(SimulationPlan plan, ParameterSet physiology, double initialStores, ref TSink sink)
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
                if (run._freeCapacity)
                {
                    run.Stretch<TSink>(intervals[step.Interval] / (double)TimeSpan.TicksPerHour);
                }
                else
                {
                    run.Advance<TSink>(in propagators[step.Interval]);
                }
            }

            if (step.Action >= 0)
            {
                if (run._freeCapacity)
                {
                    run.Deposit<TSink>(in intakes[step.Action]);
                }
                else
                {
                    run.Apply<TSink>(in intakes[step.Action]);
                }
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

    /// <summary>
    /// The state just before a dose repeated every <paramref name="intervalTicks"/> forever (stores, plasma), found by
    /// running the dose: from empty stores, interval after interval, with the stores extrapolated (Aitken's Δ²) once
    /// their approach has become geometric, until the distance to the fixed point, estimated from the last step and
    /// the rate of approach, is below 1e-10 of the stores.
    /// </summary>
    /// <exception cref="InvalidOperationException">No convergence within 10 000 000 intervals.</exception>
    internal static (double Stores, double Plasma) PeriodicTrough(ParameterSet physiology, in Intake dose, long intervalTicks)
    {
        var rates = PoolRates.Of(physiology);
        var run = new PatientRun(physiology, rates, 0);
        var phi = Propagator.Cached(in rates, intervalTicks);
        var hours = intervalTicks / (double)TimeSpan.TicksPerHour;
        double s0 = double.NaN, s1 = double.NaN;
        for (long n = 0; n < 10_000_000; n++)
        {
            run.Deposit<NoTotals>(dose with { Ticks = n * intervalTicks });
            if (run._freeCapacity)
            {
                run.Stretch<NoTotals>(hours);
            }
            else
            {
                run.Advance<NoTotals>(in phi);
            }

            var s2 = run.Stores;
            var d1 = s1 - s0;
            var d2 = s2 - s1;
            var ratio = d2 / d1;
            if (n > 3 && (d2 == 0 || (ratio > 0 && ratio < 1 && Math.Abs(d2) / (1 - ratio) <= 1e-10 * Math.Abs(s2))))
            {
                return (run.ReportedStores, run.Plasma);
            }

            if (n > 50 && n % 50 == 0 && ratio > 0 && ratio < 1)
            {
                // Aitken's Δ²: the stores jump to the limit of the geometric approach; the pools that follow them scale with them.
                var limit = s2 + (d2 * ratio / (1 - ratio));
                if (limit > 0 && double.IsFinite(limit))
                {
                    run.ScaleCore(limit / s2);
                    s0 = s1 = double.NaN;
                    continue;
                }
            }

            (s0, s1) = (s1, s2);
        }

        throw new InvalidOperationException("The steady state of the repeated dose was not reached within 10 000 000 intervals.");
    }

    /// <summary>Scales the coupled pools and the labile excess by <paramref name="factor"/> (the steady-state search's extrapolation).</summary>
    private void ScaleCore(double factor)
    {
        Stores *= factor;
        Transcobalamin *= factor;
        Haptocorrin *= factor;
        ProteinBound *= factor;
        Labile *= factor;
        Exchangeable *= factor;
    }

    /// <summary>A sink that keeps no totals and no rows.</summary>
    private struct NoTotals : IOutputSink
    {
        public static bool KeepsTotals => false;

        public readonly void Output(int index, ref PatientRun run)
        {
        }
    }

    /// <summary>A step of a nonlinear stretch (<see cref="Transit"/>) over <paramref name="hours"/>; it ends once nothing is left in transit.</summary>
    private void Stretch<TSink>(double hours)
        where TSink : IOutputSink, allows ref struct
    {
        ref var y = ref _transit;
        y[TransitState.T] = Transcobalamin;
        y[TransitState.H] = Haptocorrin;
        y[TransitState.S] = Stores;
        y[TransitState.B] = ProteinBound;
        y[TransitState.L] = Labile;
        y[TransitState.P] = Exchangeable;
        for (var i = TransitState.Urine; i < TransitState.Count; i++)
        {
            y[i] = 0;
        }

        Transit.Advance(ref y, hours, in _transitRates, ref _step);
        _active = !Transit.EndIfExhausted(ref y);
        Transcobalamin = y[TransitState.T];
        Haptocorrin = y[TransitState.H];
        Stores = y[TransitState.S];
        ProteinBound = y[TransitState.B];
        Labile = y[TransitState.L];
        Exchangeable = y[TransitState.P];
        Free = y[TransitState.FreeC] + y[TransitState.FreeH];
        if (TSink.KeepsTotals)
        {
            Urine.Add(y[TransitState.Urine]);
            Faeces.Add(y[TransitState.Faeces]);
            Retained.Add(y[TransitState.ToTc] + y[TransitState.ToHc] + y[TransitState.ToProtein] + y[TransitState.ToTissue]);
        }
    }

    /// <summary>An intake: the IF-mediated part enters the IF route's transit, the rest its site (IV: the free pool); the stretch that follows carries it in.</summary>
    private void Deposit<TSink>(in Intake intake)
        where TSink : IOutputSink, allows ref struct
    {
        var (dose, viaIf, load) = _absorber.TakeLoad(in intake);
        if (!_active)
        {
            // Nothing in transit: the free pool of the linear system (none in model 3's own runs) joins the stretch.
            _transit = default;
            _transit[TransitState.FreeC] = Free;
            Free = 0;
        }

        _step = 0; // the stretch starts again from a step the fastest rate allows
        _transit[TransitState.Gut1] += viaIf;
        var site = TransitState.SiteOf(intake.Route, intake.Form);
        _transit[site] += load;
        Free = _transit[TransitState.FreeC] + _transit[TransitState.FreeH];
        _active = _transit.InTransit > 0;
        var absorbed = viaIf + load;
        if (TSink.KeepsTotals)
        {
            TotalUnabsorbed.Add(dose - absorbed);
            Dosed.Add(dose);
            Absorbed.Add(absorbed);
        }
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
            TotalUnabsorbed.Add(outcome.Dose - outcome.Absorbed);
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

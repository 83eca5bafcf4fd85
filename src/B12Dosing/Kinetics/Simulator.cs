using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Kinetics;

/// <summary>
/// Event-driven simulation of B12 in the body. At each dose the absorption model (with the IF capacity carried from
/// dose to dose, and the plasma load solved once per distinct load) decides what enters and where: onto
/// transcobalamin, onto haptocorrin, protein-bound, into the stores, or free on its way to the urine; the body takes
/// up the kept part as far as the store limit allows (<see cref="PoolRates.AcceptedMicrograms"/>) and the rest joins the
/// labile excess. Between doses the linear system of <see cref="PoolRates"/> is solved exactly (4×4 matrix exponential
/// of a compartmental matrix and two decays, cached per interval length). See <c>docs/model.md</c>.
/// Doses at the same instant are all kept, merged by route, form and vehicle, and applied in a fixed order, so the
/// order in which they are listed does not change the result. Doses at or after the horizon are not simulated.
/// </summary>
public static class Simulator
{
    /// <summary>Simulates a list of dose events (in any order).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An event is the default (empty) value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The horizon and step give more than <see cref="SimulationSettings.MaximumRows"/> rows.</exception>
    public static SimulationResult Run(IEnumerable<DoseEvent> events, SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Run(events is DoseEvent[] array ? array : [.. events], settings);
    }

    /// <summary>Simulates a regimen: its events up to the horizon (open-ended phases are cut there).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static SimulationResult Run(Regimen regimen, SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        ArgumentNullException.ThrowIfNull(settings);
        return Run(regimen.Events(settings.Horizon).AsSpan(), settings);
    }

    /// <summary>Simulates a span of dose events (in any order).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    /// <exception cref="ArgumentException">An event is the default (empty) value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The horizon and step give more than <see cref="SimulationSettings.MaximumRows"/> rows.</exception>
    public static SimulationResult Run(ReadOnlySpan<DoseEvent> events, SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var plan = new SimulationPlan(events, settings);
        var sink = new RowSink(plan, settings.ParameterSet);
        var summary = Summarize(plan, settings, ref sink);
        return new(sink.Rows, summary, settings);
    }

    /// <summary>
    /// Simulates as <see cref="Run(ReadOnlySpan{DoseEvent}, SimulationSettings)"/> does, but hands each row to
    /// <paramref name="row"/> as it is computed, in time order, and keeps none: the memory is that of the doses and the
    /// output times (8 bytes a row), not of the rows (about 100 bytes each), for output that is written as it is made
    /// (<see cref="SimulationResult.WriteCsvRow"/>, <see cref="SimulationResult.Record"/>). The rows and the summary are
    /// bit for bit those of the result.
    /// </summary>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> or <paramref name="row"/> is null.</exception>
    /// <exception cref="ArgumentException">An event is the default (empty) value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The horizon and step give more than <see cref="SimulationSettings.MaximumRows"/> rows.</exception>
    public static SimulationSummary Run(ReadOnlySpan<DoseEvent> events, SimulationSettings settings, Action<SimulationRow> row)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(row);
        var plan = new SimulationPlan(events, settings);
        var sink = new CallbackSink(new RowMaker(plan, settings.ParameterSet), row);
        return Summarize(plan, settings, ref sink);
    }

    /// <summary>Runs <paramref name="plan"/> into <paramref name="sink"/> and sums it up.</summary>
    private static SimulationSummary Summarize<TSink>(SimulationPlan plan, SimulationSettings settings, ref TSink sink)
        where TSink : struct, IOutputSink
    {
        var physiology = settings.ParameterSet;
        var run = PatientRun.Run(plan, physiology, settings.InitialStoresMicrograms, ref sink);
        var final = new Readout(physiology).State(ref run);
        return new SimulationSummary(
            run.Dosed.Sum,
            run.Absorbed.Sum,
            run.Retained.Sum,
            run.TotalUnabsorbed.Sum,
            run.Urine.Sum,
            run.Faeces.Sum,
            run.InitialBody,
            run.ReportedStores,
            run.Plasma,
            run.Labile,
            final.SerumPicogramsPerMilliliter,
            final.HoloTranscobalaminPicomolesPerLiter);
    }

    /// <summary>
    /// The allocation-free path for many runs of one plan (a population, a parameter scan): simulates one patient and
    /// writes the pools at each of the plan's output rows into <paramref name="destination"/>. Same core, same order of
    /// operations and so bit for bit the same values as <see cref="Run(ReadOnlySpan{DoseEvent}, SimulationSettings)"/>.
    /// </summary>
    /// <param name="plan">The dose events and output grid, expanded once.</param>
    /// <param name="physiology">The patient's physiology.</param>
    /// <param name="initialStores">Body stores at time zero (at most 1 g, as <see cref="SimulationSettings.InitialStores"/>).</param>
    /// <param name="destination">Receives <see cref="SimulationPlan.OutputCount"/> rows.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The initial stores are more than 1 g.</exception>
    /// <exception cref="ArgumentException">The destination is shorter than <see cref="SimulationPlan.OutputCount"/>, or the physiology would absorb more than a small oral dose contains.</exception>
    public static void Run(SimulationPlan plan, ParameterSet physiology, Mass initialStores, Span<PoolState> destination)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(physiology);
        physiology.EnsureConsistent(nameof(physiology));
        if (destination.Length < plan.OutputCount)
        {
            throw new ArgumentException($"The destination holds {destination.Length} rows; the plan writes {plan.OutputCount}.", nameof(destination));
        }

        var stores = SimulationSettings.CheckInitialStores(initialStores, nameof(initialStores));
        var sink = new SpanSink(destination, physiology);
        PatientRun.Run(plan, physiology, stores, ref sink);
    }

    /// <summary>
    /// The smallest fraction of the stores lost per dosing interval for which <see cref="SteadyStateTrough"/> is computed:
    /// 1e-10. Its 2×2 solve divides by about that fraction, so rounding (1e-16) grows to at most about 1e-6 relative.
    /// A healthy loss (0.13 %/day) over one second is 1.5e-8.
    /// </summary>
    public const double MinimumLossPerInterval = 1e-10;

    /// <summary>
    /// The steady state of a dose repeated every <paramref name="interval"/> forever: stores and plasma (carriers,
    /// protein-bound and free B12) just before a dose. The IF capacity at the dose is the fixed point of use and
    /// recovery, <c>c* = Cmax(1 − e)/(1 − (1 − x)e)</c> with <c>e = exp(−T/τ)</c> and <c>x = E/(K + E)</c>. The linear pools
    /// take the trough <c>f·(I − Φ)⁻¹·Φ·d</c> with <c>Φ = exp(A·T)</c>, <c>d</c> where the kept part goes, and <c>f</c> the
    /// share the store limit accepts at that trough: the scalar fixed point <c>f = accepted(f·m)/R</c> (<c>m</c> the body
    /// content of the unlimited trough) is found by bisection (60 halvings of [0, 1], below rounding). The free pool's
    /// trough is <c>e_E·U/(1 − e_E)</c> with <c>U</c> the urinary loss per dose. Under model 3
    /// (<see cref="PlasmaCarrierModel.FreeCapacity"/>), nonlinear while B12 is in transit, the state is found by running
    /// the dose interval after interval from empty stores, with the stores extrapolated (Aitken's Δ²) once their approach
    /// is geometric, until the estimated distance to the fixed point is below 1e-10 of the stores.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not positive, or the dose is the default (empty) value.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="physiology"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The stores lose less than <see cref="MinimumLossPerInterval"/> of themselves per interval (none at all: they grow without bound);
    /// <c>I − Φ</c> then cancels to rounding and the trough would be wrong, even negative.
    /// </exception>
    public static (Mass Stores, Mass Plasma) SteadyStateTrough(Dose dose, TimeSpan interval, ParameterSet physiology)
    {
        var (stores, plasma) = SteadyStateTroughMicrograms(dose, interval, physiology);
        return (Mass.FromMicrograms(stores), Mass.FromMicrograms(plasma));
    }

    /// <summary><see cref="SteadyStateTrough"/> in µg, for the kernels and tests.</summary>
    internal static (double StoresMicrograms, double PlasmaMicrograms) SteadyStateTroughMicrograms(Dose dose, TimeSpan interval, ParameterSet physiology)
    {
        ArgumentNullException.ThrowIfNull(physiology);
        physiology.EnsureConsistent(nameof(physiology));
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The dosing interval must be more than zero.");
        }

        if (!(physiology.StoreLossPerDay * interval.TotalDays >= MinimumLossPerInterval))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"No steady state can be computed: the stores lose {physiology.StoreLossPerDay:R} a day, {physiology.StoreLossPerDay * interval.TotalDays:R} per dosing interval; at least {MinimumLossPerInterval:R} per interval is needed (with no loss the stores grow without bound)."),
                nameof(physiology));
        }

        if (physiology.UsesFreeCapacity)
        {
            // Model 3 is nonlinear while B12 is in transit: the state is found by running the dose (PatientRun.PeriodicTrough).
            var amount = dose.Micrograms;
            return amount > 0
                ? PatientRun.PeriodicTrough(physiology, new Intake(0, amount, dose.Route, dose.Form, dose.Vehicle), interval.Ticks)
                : throw new ArgumentOutOfRangeException(nameof(dose), dose, "The dose is empty; build it with Dose.Oral, Dose.Intramuscular and the like.");
        }

        var parts = AbsorptionModel.Prepare(dose, physiology);
        var e = IntrinsicFactorState.DecayOver(interval.TotalHours, physiology);
        // c* is below the capacity in exact arithmetic but may round one ulp above it (x → 0): the internal evaluation
        // takes min(c*, capacity) instead of rejecting the state as the public one does.
        var capacity = physiology.EffectiveIntrinsicFactorCapacityMicrograms * (1 - e) / (1 - ((1 - parts.Saturation) * e));
        var outcome = AbsorptionModel.Evaluate(in parts, physiology, new IntrinsicFactorState(capacity));
        var rates = PoolRates.Of(physiology);
        var phi = rates.Propagator(interval.Ticks);
        Span<double> d = [outcome.TranscobalaminMicrograms, outcome.HaptocorrinMicrograms, outcome.TissueMicrograms, outcome.ProteinBoundMicrograms];
        Span<double> y = stackalloc double[4];
        TroughPerUnit(in phi.Core, d, y);
        var m = y[0] + y[1] + y[2] + y[3];
        var kept = outcome.RetainedMicrograms;
        double low = 0, high = 1;
        for (var i = 0; i < 60 && kept > 0; i++)
        {
            var f = (low + high) / 2;
            (f * kept > rates.AcceptedMicrograms(f * m, kept) ? ref high : ref low) = f;
        }

        var share = kept > 0 ? (low + high) / 2 : 0;
        var free = phi.Free * outcome.UrinaryLossMicrograms / (1 - phi.Free);
        return (share * y[2], (share * (y[0] + y[1] + y[3])) + free);
    }

    /// <summary><paramref name="y"/> = (I − Φ)⁻¹·Φ·<paramref name="d"/> (Gaussian elimination with partial pivoting on the 4×4 system).</summary>
    private static void TroughPerUnit(in Matrix4 phi, ReadOnlySpan<double> d, Span<double> y)
    {
        var a = default(Matrix4);
        Span<double> b = stackalloc double[4];
        for (var i = 0; i < 4; i++)
        {
            b[i] = (phi[i, 0] * d[0]) + (phi[i, 1] * d[1]) + (phi[i, 2] * d[2]) + (phi[i, 3] * d[3]);
            for (var j = 0; j < 4; j++)
            {
                a[i, j] = (i == j ? 1 : 0) - phi[i, j];
            }
        }

        for (var k = 0; k < 4; k++)
        {
            var pivot = k;
            for (var i = k + 1; i < 4; i++)
            {
                pivot = Math.Abs(a[i, k]) > Math.Abs(a[pivot, k]) ? i : pivot;
            }

            for (var j = 0; j < 4; j++)
            {
                (a[k, j], a[pivot, j]) = (a[pivot, j], a[k, j]);
            }

            (b[k], b[pivot]) = (b[pivot], b[k]);
            for (var i = k + 1; i < 4; i++)
            {
                var factor = a[i, k] / a[k, k];
                for (var j = k; j < 4; j++)
                {
                    a[i, j] -= factor * a[k, j];
                }

                b[i] -= factor * b[k];
            }
        }

        for (var i = 3; i >= 0; i--)
        {
            var sum = b[i];
            for (var j = i + 1; j < 4; j++)
            {
                sum -= a[i, j] * y[j];
            }

            y[i] = sum / a[i, i];
        }
    }

    /// <summary>Makes the <see cref="SimulationRow"/>s of a plan, in order, with the dose number and time since the last dose of each.</summary>
    private struct RowMaker(SimulationPlan plan, ParameterSet physiology)
    {
        private readonly long[] _doses = plan.DoseInstants();
        private readonly Readout _readout = new(physiology);
        private int _given;

        public SimulationRow Make(int index, ref PatientRun run)
        {
            var ticks = plan.OutputTicks(index);
            var after = plan.IsAfterDose(index);
            while (_given < _doses.Length && (_doses[_given] < ticks || (after && _doses[_given] == ticks)))
            {
                _given++;
            }

            var since = _given > 0 ? ticks - _doses[_given - 1] : 0;
            var state = _readout.State(ref run);
            return new(ticks, _given, since, ref run, state.SerumPicogramsPerMilliliter, state.HoloTranscobalaminPicomolesPerLiter);
        }
    }

    /// <summary>Collects the rows for <see cref="SimulationResult"/>.</summary>
    private struct RowSink(SimulationPlan plan, ParameterSet physiology) : IOutputSink
    {
        public readonly SimulationRow[] Rows = new SimulationRow[plan.OutputCount];
        private RowMaker _maker = new(plan, physiology);

        public static bool KeepsTotals => true;

        public void Output(int index, ref PatientRun run) => Rows[index] = _maker.Make(index, ref run);
    }

    /// <summary>Hands each row to a caller as it is made, keeping none.</summary>
    private struct CallbackSink(RowMaker maker, Action<SimulationRow> row) : IOutputSink
    {
        private RowMaker _maker = maker;

        public static bool KeepsTotals => true;

        public void Output(int index, ref PatientRun run) => row(_maker.Make(index, ref run));
    }

    /// <summary>Writes the pools into a caller's span.</summary>
    private readonly ref struct SpanSink(Span<PoolState> destination, ParameterSet physiology) : IOutputSink
    {
        private readonly Span<PoolState> _destination = destination;
        private readonly Readout _readout = new(physiology);

        public static bool KeepsTotals => false;

        public void Output(int index, ref PatientRun run) => _destination[index] = _readout.State(ref run);
    }

    /// <summary>The serum readout with the physiology's volumes inverted once (µg/L to pg/mL and pmol/L).</summary>
    internal readonly struct Readout(ParameterSet physiology)
    {
        private readonly double _perPlasma = 1000 / physiology.PlasmaVolumeLiters;
        private readonly double _perExtracellular = 1000 / physiology.ExtracellularVolumeLiters;
        private readonly double _holoTcPerMicrogram = SerumModel.ToPicomolesPerLiter(1000 / physiology.PlasmaVolumeLiters);

        public PoolState State(ref PatientRun run) => new(
            run.ReportedStores,
            run.Plasma,
            ((run.Transcobalamin + run.Haptocorrin + run.ProteinBound) * _perPlasma) + (run.Free * _perExtracellular),
            run.Transcobalamin * _holoTcPerMicrogram);
    }
}

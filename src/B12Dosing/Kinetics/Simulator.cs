using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Kinetics;

/// <summary>
/// Event-driven simulation of B12 in the body. At each dose the absorption model (with the IF capacity carried from
/// dose to dose) decides what enters: the retained part joins the plasma (transit) pool, the early urinary loss goes
/// to urine, the rest is not absorbed. Between doses the linear system
/// <code>
/// dP/dt = −k_t·P + β·k_b·S        (transit to stores; biliary B12 reabsorbed through IF)
/// dS/dt =  k_t·P − (k_b + k_o)·S  (bile secretion and other turnover)
/// faeces += ((1 − β)·k_b + k_o)·S
/// </code>
/// is solved exactly (2×2 matrix exponential, cached per interval length). See <c>docs/model.md</c>.
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
        var sink = new RowSink(plan, settings.Serum);
        var run = PatientRun.Run(plan, settings.Physiology, settings.InitialStoresMicrograms, ref sink);
        var summary = new SimulationSummary(
            run.Dosed.Sum,
            run.Absorbed.Sum,
            run.Retained.Sum,
            run.NotAbsorbed.Sum,
            run.Urine.Sum,
            run.Faeces.Sum,
            run.InitialBody,
            run.Stores,
            run.Plasma,
            settings.Serum.PicogramsPerMilliliter(run.Stores, run.Plasma, sink.Exponent));
        return new(sink.Rows, summary, settings);
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
    public static void Run(SimulationPlan plan, Physiology physiology, Mass initialStores, Span<PoolState> destination)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(physiology);
        physiology.EnsureAbsorbsAtMostTheDose(nameof(physiology));
        if (destination.Length < plan.OutputCount)
        {
            throw new ArgumentException($"The destination holds {destination.Length} rows; the plan writes {plan.OutputCount}.", nameof(destination));
        }

        var stores = SimulationSettings.CheckInitialStores(initialStores, nameof(initialStores));
        var sink = new SpanSink(destination);
        PatientRun.Run(plan, physiology, stores, ref sink);
    }

    /// <summary>
    /// The smallest fraction of the stores lost per dosing interval for which <see cref="SteadyStateTrough"/> is computed:
    /// 1e-10. Its 2×2 solve divides by about that fraction, so rounding (1e-16) grows to at most about 1e-6 relative.
    /// A healthy loss (0.13 %/day) over one second is 1.5e-8.
    /// </summary>
    public const double MinimumLossPerInterval = 1e-10;

    /// <summary>
    /// The analytic steady state of a dose repeated every <paramref name="interval"/> forever: stores and plasma just
    /// before a dose, µg. The IF capacity at the dose is the fixed point of use and recovery,
    /// <c>c* = Cmax(1 − e)/(1 − (1 − x)e)</c> with <c>e = exp(−T/τ)</c> and <c>x = E/(K + E)</c>; the trough is
    /// <c>(I − Φ)⁻¹·Φ·[R, 0]</c> with <c>Φ = exp(A·T)</c> and <c>R</c> the retained amount per dose.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not positive, or the dose is the default (empty) value.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="physiology"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The stores lose less than <see cref="MinimumLossPerInterval"/> of themselves per interval (none at all: they grow without bound);
    /// <c>I − Φ</c> then cancels to rounding and the trough would be wrong, even negative.
    /// </exception>
    public static (double StoresMicrograms, double PlasmaMicrograms) SteadyStateTrough(Dose dose, TimeSpan interval, Physiology physiology)
    {
        ArgumentNullException.ThrowIfNull(physiology);
        physiology.EnsureAbsorbsAtMostTheDose(nameof(physiology));
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

        var parts = AbsorptionModel.Prepare(dose, physiology);
        var e = IntrinsicFactorState.DecayOver(interval.TotalHours, physiology);
        // c* is below the capacity in exact arithmetic but may round one ulp above it (x → 0): the internal evaluation
        // takes min(c*, capacity) instead of rejecting the state as the public one does.
        var capacity = physiology.EffectiveIntrinsicFactorCapacityMicrograms * (1 - e) / (1 - ((1 - parts.Saturation) * e));
        var retained = AbsorptionModel.Evaluate(in parts, physiology, new IntrinsicFactorState(capacity)).Retained;
        var phi = PoolRates.Of(physiology).Propagator(interval.Ticks);
        // y = Φ·[R, 0]; solve (I − Φ)·x = y.
        double y1 = phi.PP * retained, y2 = phi.SP * retained;
        double a = 1 - phi.PP, b = -phi.PS, c = -phi.SP, d = 1 - phi.SS;
        var det = (a * d) - (b * c);
        return (((a * y2) - (c * y1)) / det, ((d * y1) - (b * y2)) / det);
    }

    /// <summary>Collects <see cref="SimulationRow"/>s for <see cref="SimulationResult"/>, with the dose number and time since the last dose of each.</summary>
    private struct RowSink(SimulationPlan plan, SerumModel serum) : IOutputSink
    {
        public readonly SimulationRow[] Rows = new SimulationRow[plan.OutputCount];

        public static bool KeepsTotals => true;
        public readonly double Exponent = serum.Exponent;
        private readonly long[] _doses = plan.DoseInstants();
        private int _given;

        public void Output(int index, ref PatientRun run)
        {
            var ticks = plan.OutputTicks(index);
            var after = plan.IsAfterDose(index);
            while (_given < _doses.Length && (_doses[_given] < ticks || (after && _doses[_given] == ticks)))
            {
                _given++;
            }

            var since = _given > 0 ? ticks - _doses[_given - 1] : 0;
            Rows[index] = new(ticks / (double)TimeSpan.TicksPerDay, _given, since, run.Stores, run.Plasma, run.Urine.Sum, run.Faeces.Sum, serum, Exponent);
        }
    }

    /// <summary>Writes the pools into a caller's span.</summary>
    private readonly ref struct SpanSink(Span<PoolState> destination) : IOutputSink
    {
        private readonly Span<PoolState> _destination = destination;

        public static bool KeepsTotals => false;

        public void Output(int index, ref PatientRun run) => _destination[index] = new(run.Stores, run.Plasma);
    }
}

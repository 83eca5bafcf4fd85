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
        var intakes = Intake.Prepare(events, settings.Horizon.Ticks);
        return new RunState(settings).Execute(intakes);
    }

    /// <summary>
    /// The analytic steady state of a dose repeated every <paramref name="interval"/> forever: stores and plasma just
    /// before a dose, µg. The IF capacity at the dose is the fixed point of use and recovery,
    /// <c>c* = Cmax(1 − e)/(1 − (1 − x)e)</c> with <c>e = exp(−T/τ)</c> and <c>x = E/(K + E)</c>; the trough is
    /// <c>(I − Φ)⁻¹·Φ·[R, 0]</c> with <c>Φ = exp(A·T)</c> and <c>R</c> the retained amount per dose.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not positive.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="physiology"/> is null.</exception>
    public static (double StoresMicrograms, double PlasmaMicrograms) SteadyStateTrough(Dose dose, TimeSpan interval, Physiology physiology)
    {
        ArgumentNullException.ThrowIfNull(physiology);
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The dosing interval must be more than zero.");
        }

        var entering = dose.Vehicle == DoseVehicle.FoodBound ? dose.Amount.Micrograms * physiology.FoodReleaseFraction : dose.Amount.Micrograms;
        var x = entering / (physiology.IntrinsicFactorHalfSaturationMicrograms + entering);
        var e = Math.Exp(-interval.TotalHours / physiology.IntrinsicFactorRecoveryHours);
        var capacity = physiology.EffectiveIntrinsicFactorCapacityMicrograms * (1 - e) / (1 - ((1 - x) * e));
        var retained = AbsorptionModel.Evaluate(dose, physiology, new IntrinsicFactorState(capacity)).Retained;
        var rates = Rates.Of(physiology);
        var phi = Propagator.Create(rates.Transit, rates.Reabsorbed, rates.StoreExit, interval.Ticks);
        // y = Φ·[R, 0]; solve (I − Φ)·x = y.
        double y1 = phi.PP * retained, y2 = phi.SP * retained;
        double a = 1 - phi.PP, b = -phi.PS, c = -phi.SP, d = 1 - phi.SS;
        var det = (a * d) - (b * c);
        return (((a * y2) - (c * y1)) / det, ((d * y1) - (b * y2)) / det);
    }

    /// <summary>Rate constants per day.</summary>
    internal readonly record struct Rates(double Transit, double Reabsorbed, double StoreExit)
    {
        public static Rates Of(Physiology p) => new(
            Math.Log(2) * 24 / p.PlasmaTransitHalfLifeHours,
            p.BiliaryReabsorptionFraction * p.BiliarySecretionPerDay,
            p.BiliarySecretionPerDay + p.TurnoverPerDay);
    }

    /// <summary>One intake: the merged doses of one route, form and vehicle at one instant.</summary>
    private readonly record struct Intake(long Ticks, double Amount, Route Route, CobalaminForm Form, DoseVehicle Vehicle)
    {
        public static Intake[] Prepare(ReadOnlySpan<DoseEvent> events, long horizonTicks)
        {
            var list = new Intake[events.Length];
            var n = 0;
            var sorted = true;
            foreach (var e in events)
            {
                var amount = e.Dose.Amount.Micrograms;
                if (!(amount > 0))
                {
                    throw new ArgumentException("A dose event is empty (default(DoseEvent)); build events with new DoseEvent(time, dose).", nameof(events));
                }

                if (e.Time.Ticks >= horizonTicks)
                {
                    continue;
                }

                list[n] = new(e.Time.Ticks, amount, e.Dose.Route, e.Dose.Form, e.Dose.Vehicle);
                sorted &= n == 0 || Order(list[n - 1], list[n]) < 0;
                n++;
            }

            if (!sorted)
            {
                Array.Sort(list, 0, n, Comparer<Intake>.Create(Order));
            }

            // Merge same instant, route, form and vehicle (amounts summed in sorted order).
            var m = 0;
            for (var i = 0; i < n; i++)
            {
                if (m > 0 && SameKind(list[m - 1], list[i]))
                {
                    list[m - 1] = list[m - 1] with { Amount = list[m - 1].Amount + list[i].Amount };
                }
                else
                {
                    list[m++] = list[i];
                }
            }

            return m == list.Length ? list : list[..m];
        }

        private static bool SameKind(Intake a, Intake b) => a.Ticks == b.Ticks && a.Route == b.Route && a.Form == b.Form && a.Vehicle == b.Vehicle;

        private static int Order(Intake a, Intake b)
        {
            var c = a.Ticks.CompareTo(b.Ticks);
            c = c != 0 ? c : a.Route.CompareTo(b.Route);
            c = c != 0 ? c : a.Form.CompareTo(b.Form);
            c = c != 0 ? c : a.Vehicle.CompareTo(b.Vehicle);
            return c != 0 ? c : a.Amount.CompareTo(b.Amount);
        }
    }

    /// <summary>The mutable state of one run (private to <see cref="Simulator"/>).</summary>
    private struct RunState(SimulationSettings settings)
    {
        private readonly Physiology _p = settings.Physiology;
        private readonly Rates _rates = Rates.Of(settings.Physiology);
        private Propagator _cacheA, _cacheB;
        private long _now;
        private double _plasma, _stores;
        private Kahan _urine, _faeces, _dosed, _absorbed, _retained, _notAbsorbed;
        private IntrinsicFactorState _if = IntrinsicFactorState.Rested(settings.Physiology);
        private long _ifTicks;

        public SimulationResult Execute(Intake[] intakes)
        {
            var serum = settings.Serum;
            var exponent = serum.Exponent;
            var stepTicks = settings.Step.Ticks;
            var horizonTicks = settings.Horizon.Ticks;
            var intervals = settings.Intervals;
            _stores = settings.InitialStores.Micrograms;
            _plasma = _rates.Reabsorbed * _stores / _rates.Transit;
            var initialBody = _plasma + _stores;
            var rows = new SimulationRow[intervals + 1];
            var next = 0;
            for (long k = 0; k <= intervals; k++)
            {
                var outTicks = Math.Min(k * stepTicks, horizonTicks);
                while (next < intakes.Length && intakes[next].Ticks < outTicks)
                {
                    AdvanceTo(intakes[next].Ticks);
                    Apply(intakes[next++]);
                }

                AdvanceTo(outTicks);
                rows[k] = new(outTicks / (double)TimeSpan.TicksPerDay, _stores, _plasma, _urine.Sum, _faeces.Sum, serum, exponent);
            }

            var summary = new SimulationSummary(
                _dosed.Sum,
                _absorbed.Sum,
                _retained.Sum,
                _notAbsorbed.Sum,
                _urine.Sum,
                _faeces.Sum,
                initialBody,
                _stores,
                _plasma,
                serum.PicogramsPerMilliliter(_stores, _plasma, exponent));
            return new(rows, summary, settings);
        }

        private void AdvanceTo(long ticks)
        {
            var dt = ticks - _now;
            if (dt <= 0)
            {
                return;
            }

            var phi = PropagatorFor(dt);
            var before = _plasma + _stores;
            var plasma = (phi.PP * _plasma) + (phi.PS * _stores);
            var stores = (phi.SP * _plasma) + (phi.SS * _stores);
            _plasma = plasma;
            _stores = stores;
            // The body's loss over the step is exactly what leaves in faeces (the flows between P and S cancel).
            _faeces.Add(before - (plasma + stores));
            _now = ticks;
        }

        private Propagator PropagatorFor(long dt)
        {
            if (_cacheA.Ticks == dt)
            {
                return _cacheA;
            }

            if (_cacheB.Ticks != dt)
            {
                _cacheB = Propagator.Create(_rates.Transit, _rates.Reabsorbed, _rates.StoreExit, dt);
            }

            (_cacheA, _cacheB) = (_cacheB, _cacheA);
            return _cacheA;
        }

        private void Apply(in Intake intake)
        {
            if (intake.Route is Route.Oral or Route.Sublingual)
            {
                _if = _if.AfterHours((intake.Ticks - _ifTicks) / (double)TimeSpan.TicksPerHour, _p);
                _ifTicks = intake.Ticks;
            }

            var outcome = AbsorptionModel.Evaluate(intake.Amount, intake.Route, intake.Form, intake.Vehicle, _p, _if);
            _if = outcome.IntrinsicFactorAfter;
            _plasma += outcome.Retained;
            _urine.Add(outcome.UrinaryLoss);
            _notAbsorbed.Add(outcome.Unabsorbed);
            _dosed.Add(outcome.Dose);
            _absorbed.Add(outcome.Absorbed);
            _retained.Add(outcome.Retained);
        }
    }

    /// <summary>Compensated (Kahan) summation, so long runs keep the mass balance at rounding level.</summary>
    private struct Kahan
    {
        private double _compensation;

        public double Sum { get; private set; }

        public void Add(double value)
        {
            var y = value - _compensation;
            var t = Sum + y;
            _compensation = (t - Sum) - y;
            Sum = t;
        }
    }
}

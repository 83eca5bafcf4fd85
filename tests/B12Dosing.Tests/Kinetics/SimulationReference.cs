using B12Dosing.Dosing;
using B12Dosing.Kinetics;

namespace B12Dosing.Tests.Kinetics;

/// <summary>
/// An independent reference for the time course: the pool equations of <see cref="PoolRates"/> integrated with a
/// fixed-step RK4 (steps of at most <see cref="MaximumStepDays"/>), the intakes applied as the plan exports them
/// (<see cref="SimulationPlan.IntakeOutcomes"/>) with the store limit (<see cref="PoolRates.AcceptedMicrograms"/>) at
/// the state the reference has reached. It shares no code with the exact propagator.
/// </summary>
internal static class SimulationReference
{
    /// <summary>The largest RK4 step, days: the fastest rate (free B12, 11.5/day) times it is 0.012, so RK4's error per day is below 1e-10 relative.</summary>
    public const double MaximumStepDays = 1e-3;

    /// <summary>The state at each output row.</summary>
    public readonly record struct Row(double Day, double Stores, double Transcobalamin, double Haptocorrin, double ProteinBound, double Free, double Labile, double Urine, double Faeces)
    {
        public double Body => Stores + Transcobalamin + Haptocorrin + ProteinBound + Free + Labile;
    }

    public static Row[] Run(DoseEvent[] events, SimulationSettings settings)
    {
        var p = settings.ParameterSet;
        var r = PoolRates.Of(p);
        var plan = new SimulationPlan(events, settings.Horizon, settings.Step);
        var outcomes = plan.IntakeOutcomes(p);
        var (tc, hc) = r.CarriersInBalanceWith(settings.InitialStores.Micrograms);
        // y = [T, H, S, B, E, L, urine, faeces]
        double[] y = [tc, hc, settings.InitialStores.Micrograms, 0, 0, 0, 0, 0];
        var rows = new Row[plan.OutputCount];
        var t = 0.0;
        var next = 0;
        for (var k = 0; k < rows.Length; k++)
        {
            var day = plan.Day(k);
            while (next < outcomes.Count && outcomes[next].Day < day)
            {
                Advance(y, r, outcomes[next].Day - t);
                t = outcomes[next].Day;
                Apply(y, r, outcomes[next++].Outcome);
            }

            Advance(y, r, day - t);
            t = day;
            rows[k] = new(day, y[2], y[0], y[1], y[3], y[4], y[5], y[6], y[7]);
        }

        return rows;
    }

    private static void Apply(double[] y, PoolRates r, global::B12Dosing.Absorption.DoseOutcome o)
    {
        var accepted = r.AcceptedMicrograms(y[0] + y[1] + y[2] + y[3], o.RetainedMicrograms);
        var f = o.RetainedMicrograms > 0 ? accepted / o.RetainedMicrograms : 0;
        y[0] += f * o.TranscobalaminMicrograms;
        y[1] += f * o.HaptocorrinMicrograms;
        y[2] += f * o.TissueMicrograms;
        y[3] += f * o.ProteinBoundMicrograms;
        y[4] += o.UrinaryLossMicrograms;
        y[5] += o.RetainedMicrograms - accepted;
    }

    private static void Advance(double[] y, PoolRates r, double days)
    {
        if (days <= 0)
        {
            return;
        }

        var steps = (int)Math.Ceiling(days / MaximumStepDays);
        var h = days / steps;
        for (var n = 0; n < steps; n++)
        {
            var k1 = Derivative(y, r);
            var k2 = Derivative(Add(y, k1, h / 2), r);
            var k3 = Derivative(Add(y, k2, h / 2), r);
            var k4 = Derivative(Add(y, k3, h), r);
            for (var i = 0; i < y.Length; i++)
            {
                y[i] += h / 6 * (k1[i] + (2 * k2[i]) + (2 * k3[i]) + k4[i]);
            }
        }
    }

    private static double[] Add(double[] y, double[] k, double s) => [.. y.Select((v, i) => v + (s * k[i]))];

    /// <summary>The pool equations of <see cref="PoolRates"/> written out: d/dt of <c>[T, H, S, B, E, L, urine, faeces]</c>.</summary>
    internal static double[] Derivative(double[] y, PoolRates r)
    {
        double t = y[0], h = y[1], s = y[2], b = y[3], e = y[4], l = y[5];
        var θ = r.HaptocorrinShare;
        var φ = r.TranscobalaminToHaptocorrinFraction;
        return
        [
            (-r.TranscobalaminPerDay * t) + ((r.ReabsorptionPerDay + r.TranscobalaminReleasePerDay) * s) + ((1 - θ) * r.ProteinBoundPerDay * b),
            (φ * r.TranscobalaminPerDay * t) - (r.HaptocorrinPerDay * h) + (r.HaptocorrinReleasePerDay * s) + (θ * r.ProteinBoundPerDay * b),
            ((1 - φ) * r.TranscobalaminPerDay * t) + (r.HaptocorrinPerDay * h) - ((r.StoreExitPerDay + r.HaptocorrinReleasePerDay + r.TranscobalaminReleasePerDay) * s),
            -r.ProteinBoundPerDay * b,
            -r.FreePerDay * e,
            -r.LabilePerDay * l,
            r.FreePerDay * e,
            ((r.StoreExitPerDay - r.ReabsorptionPerDay) * s) + (r.LabilePerDay * l),
        ];
    }
}

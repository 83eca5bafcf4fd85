using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;

namespace B12Dosing.Tests.Kinetics;

/// <summary>
/// An independent reference for model 3's time course (<see cref="PlasmaCarrierModel.FreeCapacity"/>): the model-3 equations (the linear pools of <see cref="PoolRates"/>, and
/// while B12 is in transit the sites, the IF route's three transit steps, the free pools of each form, binding to the
/// carriers' free capacity, saturable tissue uptake and the store limit on what enters the body) written out here and
/// integrated with a fixed-step RK4 (steps of at most <see cref="MaximumStepDays"/>). The intakes are applied as the
/// plan exports them (<see cref="SimulationPlan.IntakeOutcomes"/>: the absorbed amount with the IF capacity carried;
/// the passive part of an oral dose is its closed form <c>p·D</c>, the rest went through IF). It shares no code with the
/// simulation's solver (the exact propagator and the adaptive Dormand-Prince stretch).
/// </summary>
internal static class FreeCapacityReference
{
    /// <summary>The largest RK4 step, days: the fastest rate (binding at full free capacity, about 15 per hour) times it is 0.36, so RK4's error over a day is below 1e-9 relative.</summary>
    public const double MaximumStepDays = 1e-3;

    /// <summary>The state at each output row.</summary>
    public readonly record struct Row(double Day, double Stores, double Transcobalamin, double Haptocorrin, double ProteinBound, double Free, double Labile, double Urine, double Faeces)
    {
        public double Body => Stores + Transcobalamin + Haptocorrin + ProteinBound + Free + Labile;
    }

    // y = [T, H, S, B, L, urine, faeces, injC, injH, mucC, mucH, nasC, nasH, g1, g2, g3, freeC, freeH, exchangeable]
    private const int T = 0, H = 1, S = 2, B = 3, L = 4, U = 5, F = 6, InjC = 7, InjH = 8, MucC = 9, MucH = 10, NasC = 11, NasH = 12, G1 = 13, G2 = 14, G3 = 15, FrC = 16, FrH = 17, P = 18;

    public static Row[] Run(DoseEvent[] events, SimulationSettings settings)
    {
        var p = settings.ParameterSet;
        var r = PoolRates.Of(p);
        var plan = new SimulationPlan(events, settings.Horizon, settings.Step);
        var outcomes = plan.IntakeOutcomes(p);
        var (tc, hc) = Balance(p, r, settings.InitialStores.Micrograms);
        var y = new double[19];
        y[T] = tc;
        y[H] = hc;
        y[S] = settings.InitialStores.Micrograms;
        var rows = new Row[plan.OutputCount];
        var t = 0.0;
        var next = 0;
        var intakes = plan.Intakes;
        for (var k = 0; k < rows.Length; k++)
        {
            var day = plan.Day(k);
            while (next < outcomes.Count && outcomes[next].Day < day)
            {
                Advance(y, p, r, outcomes[next].Day - t);
                t = outcomes[next].Day;
                Apply(y, p, intakes[next], outcomes[next++].Outcome);
            }

            Advance(y, p, r, day - t);
            t = day;
            rows[k] = new(day, y[S] + y[P], y[T], y[H], y[B], y[FrC] + y[FrH], y[L], y[U], y[F]);
        }

        return rows;
    }

    private static void Apply(double[] y, ParameterSet p, Intake intake, global::B12Dosing.Absorption.DoseOutcome o)
    {
        var absorbed = o.AbsorbedMicrograms;
        var oral = intake.Route is Route.Oral or Route.Sublingual;
        var passive = oral ? p.PassiveFraction * (intake.Vehicle == DoseVehicle.FoodBound ? intake.Amount * p.FoodReleaseFraction : intake.Amount) : absorbed;
        var hydroxo = intake.Form == CobalaminForm.Hydroxocobalamin;
        y[G1] += absorbed - passive;
        var site = intake.Route switch
        {
            Route.Intravenous => hydroxo ? FrH : FrC,
            Route.Intramuscular or Route.Subcutaneous => hydroxo ? InjH : InjC,
            Route.Intranasal => hydroxo ? NasH : NasC,
            _ => hydroxo ? MucH : MucC,
        };
        y[site] += passive;
    }

    private static void Advance(double[] y, ParameterSet p, PoolRates r, double days)
    {
        if (days <= 0)
        {
            return;
        }

        var done = 0.0;
        while (done < days)
        {
            var h = Math.Min(days - done, Step(y, p, r));
            done = h == days - done ? days : done + h;
            var k1 = Derivative(y, p, r);
            var k2 = Derivative(Add(y, k1, h / 2), p, r);
            var k3 = Derivative(Add(y, k2, h / 2), p, r);
            var k4 = Derivative(Add(y, k3, h), p, r);
            for (var i = 0; i < y.Length; i++)
            {
                y[i] += h / 6 * (k1[i] + (2 * k2[i]) + (2 * k3[i]) + k4[i]);
            }
        }
    }

    /// <summary>
    /// The RK4 step, days: at most <see cref="MaximumStepDays"/>, and at most 0.05 over the fastest rate of the state (RK4 local error below 3e-9 there) (the
    /// binding of free B12 uses up free capacity at <c>k_on·F</c>, thousands per day after a large injection).
    /// </summary>
    private static double Step(double[] y, ParameterSet p, PoolRates r)
    {
        var free = y[FrC] + y[FrH];
        if (free == 0 && y.Skip(InjC).All(v => v == 0))
        {
            return MaximumStepDays;
        }

        var (capT, capH) = r.CarrierCapacities(p);
        var fastest = 24 * ((p.CarrierBindingPerMicrogramHour * (free + capT + capH)) + (p.TissueUptakeMaximumMicrogramsPerHour / p.TissueUptakeHalfSaturation.Micrograms) + (Math.Log(2) / p.NasalReleaseHalfTime.TotalHours) + (Math.Log(2) / p.InjectionSiteHalfTime.TotalHours) + 1);
        return Math.Min(MaximumStepDays, 0.05 / fastest);
    }

    /// <summary>The carriers in balance with stores <paramref name="s"/> under model 3 (the release onto haptocorrin needs its free capacity), written out: <c>k_H·H = e_H·S·(C_H − H)/a_H + φ·k_T·T</c>.</summary>
    private static (double T, double H) Balance(ParameterSet p, PoolRates r, double s)
    {
        var (_, capH) = r.CarrierCapacities(p);
        var apoRef = capH - r.CarriersInBalanceWith(2500).HaptocorrinMicrograms;
        var t = (r.ReabsorptionPerDay + r.TranscobalaminReleasePerDay) * s / r.TranscobalaminPerDay;
        var kS = p.HaptocorrinReleaseHalfSaturation.Micrograms;
        var e = r.HaptocorrinReleasePerDay * s * (1 + (2500 / kS)) / (1 + (s / kS)) / apoRef;
        return (t, Math.Min(capH, ((e * capH) + (r.TranscobalaminToHaptocorrinFraction * r.TranscobalaminPerDay * t)) / (r.HaptocorrinPerDay + e)));
    }

    private static double[] Add(double[] y, double[] k, double s) => [.. y.Select((v, i) => v + (s * k[i]))];

    /// <summary>The model-3 equations written out, per day.</summary>
    private static double[] Derivative(double[] y, ParameterSet p, PoolRates r)
    {
        double t = y[T], h = y[H], s = y[S], b = y[B], l = y[L];
        var θ = r.HaptocorrinShare;
        var φ = r.TranscobalaminToHaptocorrinFraction;
        var d = new double[19];
        var (_, capH0) = r.CarrierCapacities(p);
        var apoRef = capH0 - r.CarriersInBalanceWith(2500).HaptocorrinMicrograms;
        var kP = Math.Log(2) / p.ExchangeableHalfLife.TotalDays;
        var ψ = p.ExchangeableToTranscobalaminFraction;
        var pool = y[P];
        var kS = p.HaptocorrinReleaseHalfSaturation.Micrograms;
        var release = r.HaptocorrinReleasePerDay * s * (1 + (2500 / kS)) / (1 + (s / kS)) * Math.Max(0, capH0 - h) / apoRef;
        double toT = 0, toH = 0, toTissue = 0, toProtein = 0;
        {
            var ln2 = Math.Log(2);
            double kInjC = 24 * ln2 / p.InjectionSiteHalfTime.TotalHours, kInjH = 24 * ln2 / p.HydroxocobalaminSiteReleaseHalfTime.TotalHours;
            double kMuc = 24 * ln2 / p.MucosalReleaseHalfTime.TotalHours, kNas = 24 * ln2 / p.NasalReleaseHalfTime.TotalHours, kGut = 24 / p.IntrinsicFactorTransit.TotalHours;
            var renal = 24 * p.GlomerularFiltrationMillilitersPerMinute * 0.06 / p.ExtracellularVolume.Liters;
            var (capT, capH) = r.CarrierCapacities(p);
            var kon = 24 * p.CarrierBindingPerMicrogramHour;
            double apoT = Math.Max(0, capT - t), apoH = Math.Max(0, capH - h), fc = y[FrC], fh = y[FrH];
            var tissueRate = 24 * p.TissueUptakeMaximumMicrogramsPerHour / (p.TissueUptakeHalfSaturation.Micrograms + fc + fh);
            double bindT = kon * apoT, bindH = kon * p.HaptocorrinBindingRatio * apoH, kp = 24 * p.HydroxocobalaminProteinBindingPerHour;
            toT = bindT * (fc + fh);
            toH = bindH * (fc + fh);
            toTissue = tissueRate * (fc + fh);
            toProtein = kp * fh;
            d[InjC] = -kInjC * y[InjC];
            d[InjH] = -kInjH * y[InjH];
            d[MucC] = -kMuc * y[MucC];
            d[MucH] = -kMuc * y[MucH];
            d[NasC] = -kNas * y[NasC];
            d[NasH] = -kNas * y[NasH];
            d[G1] = -kGut * y[G1];
            d[G2] = kGut * (y[G1] - y[G2]);
            d[G3] = kGut * (y[G2] - y[G3]);
            d[FrC] = (kInjC * y[InjC]) + (kMuc * y[MucC]) + (kNas * y[NasC]) + (kGut * y[G3]) - ((bindT + bindH + tissueRate + renal) * fc);
            d[FrH] = (kInjH * y[InjH]) + (kMuc * y[MucH]) + (kNas * y[NasH]) - ((bindT + bindH + tissueRate + (renal * p.HydroxocobalaminFiltrationFactor) + kp) * fh);
            d[U] = (renal * fc) + (renal * p.HydroxocobalaminFiltrationFactor * fh);
        }

        var x = (t + h + s + b + pool) / r.MaximumStoresMicrograms;
        var accept = x < 1 ? 1 - (x * x) : 0;
        var entering = toT + toH + toTissue + toProtein;
        d[T] = (accept * toT) - (r.TranscobalaminPerDay * t) + ((r.ReabsorptionPerDay + r.TranscobalaminReleasePerDay) * s) + ((1 - θ) * r.ProteinBoundPerDay * b) + (ψ * kP * pool);
        d[H] = (accept * toH) + (φ * r.TranscobalaminPerDay * t) - (r.HaptocorrinPerDay * h) + release + (θ * r.ProteinBoundPerDay * b);
        d[S] = ((1 - φ) * r.TranscobalaminPerDay * t) + (r.HaptocorrinPerDay * h) - ((r.StoreExitPerDay + r.TranscobalaminReleasePerDay) * s) - release + ((1 - ψ) * kP * pool);
        d[P] = (accept * toTissue) - (kP * pool);
        d[B] = (accept * toProtein) - (r.ProteinBoundPerDay * b);
        d[L] = ((1 - accept) * entering) - (r.LabilePerDay * l);
        d[F] = ((r.StoreExitPerDay - r.ReabsorptionPerDay) * s) + (r.LabilePerDay * l);
        return d;
    }
}

using System.Runtime.CompilerServices;
using B12Dosing.Absorption;
using static B12Dosing.Absorption.DormandPrince;

namespace B12Dosing.Kinetics;

/// <summary>The state of a nonlinear stretch (µg): B12 on its way into the blood, free in plasma, the pools and the tallies.</summary>
[InlineArray(Count)]
internal struct TransitState
{
    /// <summary>Injection sites (cyano-like, hydroxo), mucosal sites (cyano-like, hydroxo), nasal sites (cyano-like, hydroxo).</summary>
    public const int InjectionC = 0, InjectionH = 1, MucosalC = 2, MucosalH = 3, NasalC = 4, NasalH = 5;

    /// <summary>The IF-mediated route's three transit compartments (gut wall and portal passage).</summary>
    public const int Gut1 = 6, Gut2 = 7, Gut3 = 8;

    /// <summary>Free B12 in the extracellular fluid: cyano-like forms, hydroxocobalamin.</summary>
    public const int FreeC = 9, FreeH = 10;

    /// <summary>The pools: holoTC, holoHC, stores, protein-bound OHCbl, labile excess, the exchangeable hepatic pool.</summary>
    public const int T = 11, H = 12, S = 13, B = 14, L = 15, P = 16;

    /// <summary>Tallies: urine, faeces; and what left the free pool onto transcobalamin, haptocorrin, plasma proteins, tissue.</summary>
    public const int Urine = 17, Faeces = 18, ToTc = 19, ToHc = 20, ToProtein = 21, ToTissue = 22;

    /// <summary>The number of transient entries (sites, gut, free): the first <see cref="Transient"/> entries.</summary>
    public const int Transient = 11;

    /// <summary>Every entry.</summary>
    public const int Count = 23;

    private double _element;

    /// <summary>Where a load that bypasses intrinsic factor enters: its site (IV: the free pool), by route and form.</summary>
    public static int SiteOf(Dosing.Route route, Quantities.CobalaminForm form)
    {
        var hydroxo = form == Quantities.CobalaminForm.Hydroxocobalamin;
        return route switch
        {
            Dosing.Route.Intravenous => hydroxo ? FreeH : FreeC,
            Dosing.Route.Intramuscular or Dosing.Route.Subcutaneous => hydroxo ? InjectionH : InjectionC,
            Dosing.Route.Intranasal => hydroxo ? NasalH : NasalC,
            _ => hydroxo ? MucosalH : MucosalC,
        };
    }

    /// <summary>B12 still on its way (sites, gut, free), µg.</summary>
    public readonly double InTransit
    {
        get
        {
            var sum = 0.0;
            for (var i = 0; i < Transient; i++)
            {
                sum += this[i];
            }

            return sum;
        }
    }
}

/// <summary>
/// The rate constants of a nonlinear stretch, per hour: the first-order release of every site, the IF route's transit
/// chain, the free pool's renal filtration, saturable tissue uptake, protein binding (hydroxocobalamin) and its
/// mass-action binding to the carriers' free capacity (apo-transcobalamin <c>C_T − T</c>, apo-haptocorrin
/// <c>C_H − H</c>), and the linear pools of <see cref="PoolRates"/>.
/// </summary>
internal readonly struct TransitRates
{
    private readonly double _injC, _injH, _mucosal, _nasal, _gut, _renal, _renalH, _proteinH, _vt, _kt, _bind, _bindH, _capT, _capH;
    private readonly double _kT, _phi, _kH, _eH, _eT, _r, _ks, _kB, _theta, _kL, _max, _kP, _psi, _apoH, _kS, _sRef;

    public TransitRates(ParameterSet p, in PoolRates rates)
    {
        _injC = Math.Log(2) / p.InjectionSiteHalfTimeHours;
        _injH = Math.Log(2) / p.HydroxocobalaminSiteReleaseHalfTimeHours;
        _mucosal = Math.Log(2) / p.MucosalReleaseHalfTimeHours;
        _nasal = Math.Log(2) / p.NasalReleaseHalfTimeHours;
        _gut = 1 / p.IntrinsicFactorTransitHours;
        _renal = PlasmaLoad.RenalPerHour(p);
        _renalH = _renal * p.HydroxocobalaminFiltrationFactor;
        _proteinH = p.HydroxocobalaminProteinBindingPerHour;
        _vt = p.TissueUptakeMaximumMicrogramsPerHour;
        _kt = p.TissueUptakeHalfSaturationMicrograms;
        (_capT, _capH) = rates.CarrierCapacities(p);
        _bind = p.CarrierBindingPerMicrogramHour;
        _bindH = _bind * p.HaptocorrinBindingRatio;
        _kT = rates.TranscobalaminPerDay / 24;
        _phi = rates.TranscobalaminToHaptocorrinFraction;
        _kH = rates.HaptocorrinPerDay / 24;
        _eH = rates.HaptocorrinReleasePerDay / 24;
        _eT = rates.TranscobalaminReleasePerDay / 24;
        _r = rates.ReabsorptionPerDay / 24;
        _ks = rates.StoreExitPerDay / 24;
        _kB = rates.ProteinBoundPerDay / 24;
        _theta = rates.HaptocorrinShare;
        _kL = rates.LabilePerDay / 24;
        _max = rates.MaximumStoresMicrograms;
        _kP = Math.Log(2) / (24 * p.ExchangeableHalfLifeDays);
        _psi = p.ExchangeableToTranscobalaminFraction;
        _apoH = _capH - rates.CarriersInBalanceWith(Parameters.ModelParameters.ReferenceStoresMicrograms).HaptocorrinMicrograms;
        _kS = p.HaptocorrinReleaseHalfSaturationMicrograms;
        _sRef = 1 + (Parameters.ModelParameters.ReferenceStoresMicrograms / _kS);
    }

    /// <summary>
    /// The release of the stores onto haptocorrin per unit of its free capacity, per hour: <c>e_H·S·(1 + S_ref/K_S)/((1 + S/K_S)·a_H)</c>,
    /// which is <c>e_H·S/a_H</c> at the reference stores and saturates as the stores fill (K_S).
    /// </summary>
    private double ReleasePerApo(double s) => _apoH > 0 ? _eH * s * _sRef / ((1 + (s / _kS)) * _apoH) : 0;

    /// <summary>
    /// Holotranscobalamin and holohaptocorrin in balance with <paramref name="storesMicrograms"/> (nothing in transit,
    /// the exchangeable pool empty), µg: <c>T = (r + e_T)·S/k_T</c>, and <c>H</c> from
    /// <c>k_H·H = e_H·S·(C_H − H)/a_H + φ·k_T·T</c> (the release onto haptocorrin needs its free capacity).
    /// </summary>
    public (double TranscobalaminMicrograms, double HaptocorrinMicrograms) CarriersInBalanceWith(double storesMicrograms)
    {
        var s = storesMicrograms;
        var t = (_r + _eT) * s / _kT;
        var release = ReleasePerApo(s);
        var h = ((release * _capH) + (_phi * _kT * t)) / (_kH + release);
        return (t, Math.Min(h, _capH));
    }

    /// <summary>The largest rate constant of the free pool (binding at full capacity, tissue, renal), per hour: what limits an explicit step.</summary>
    public double Stiffest => (_bind * _capT) + (_bindH * _capH) + (_vt / _kt) + _renal + _injC + _nasal;

    /// <summary>The derivative <paramref name="d"/> of <paramref name="y"/>, per hour.</summary>
    public void Derivative(in TransitState y, ref TransitState d)
    {
        var injC = _injC * y[TransitState.InjectionC];
        var injH = _injH * y[TransitState.InjectionH];
        var mucC = _mucosal * y[TransitState.MucosalC];
        var mucH = _mucosal * y[TransitState.MucosalH];
        var nasC = _nasal * y[TransitState.NasalC];
        var nasH = _nasal * y[TransitState.NasalH];
        var g1 = _gut * y[TransitState.Gut1];
        var g2 = _gut * y[TransitState.Gut2];
        var g3 = _gut * y[TransitState.Gut3];
        var fc = y[TransitState.FreeC];
        var fh = y[TransitState.FreeH];
        var t = y[TransitState.T];
        var h = y[TransitState.H];
        var s = y[TransitState.S];
        var b = y[TransitState.B];
        var apoT = Math.Max(0, _capT - t);
        var apoH = Math.Max(0, _capH - h);
        var perTissue = _vt / (_kt + Math.Max(0, fc + fh));
        var toT = _bind * apoT * (fc + fh);
        var toH = _bindH * apoH * (fc + fh);
        var toTissue = perTissue * (fc + fh);
        var toProtein = _proteinH * fh;
        var renal = (_renal * fc) + (_renalH * fh);
        var pool = y[TransitState.P];
        var fromPool = _kP * pool;
        var body = (t + h + s + b + pool) / _max;
        var release = ReleasePerApo(s) * apoH;
        var accept = body < 1 ? 1 - (body * body) : 0;
        d[TransitState.InjectionC] = -injC;
        d[TransitState.InjectionH] = -injH;
        d[TransitState.MucosalC] = -mucC;
        d[TransitState.MucosalH] = -mucH;
        d[TransitState.NasalC] = -nasC;
        d[TransitState.NasalH] = -nasH;
        d[TransitState.Gut1] = -g1;
        d[TransitState.Gut2] = g1 - g2;
        d[TransitState.Gut3] = g2 - g3;
        var binding = (_bind * apoT) + (_bindH * apoH);
        var outC = (binding + perTissue + _renal) * fc;
        var outH = (binding + perTissue + _renalH + _proteinH) * fh;
        d[TransitState.FreeC] = injC + mucC + nasC + g3 - outC;
        d[TransitState.FreeH] = injH + mucH + nasH - outH;
        d[TransitState.T] = (accept * toT) - (_kT * t) + ((_r + _eT) * s) + ((1 - _theta) * _kB * b) + (_psi * fromPool);
        d[TransitState.H] = (accept * toH) + (_phi * _kT * t) - (_kH * h) + release + (_theta * _kB * b);
        d[TransitState.S] = ((1 - _phi) * _kT * t) + (_kH * h) - ((_ks + _eT) * s) - release + ((1 - _psi) * fromPool);
        d[TransitState.P] = (accept * toTissue) - fromPool;
        d[TransitState.B] = (accept * toProtein) - (_kB * b);
        d[TransitState.L] = ((1 - accept) * (toT + toH + toTissue + toProtein)) - (_kL * y[TransitState.L]);
        d[TransitState.Urine] = renal;
        d[TransitState.Faeces] = ((_ks - _r) * s) + (_kL * y[TransitState.L]);
        d[TransitState.ToTc] = toT;
        d[TransitState.ToHc] = toH;
        d[TransitState.ToProtein] = toProtein;
        d[TransitState.ToTissue] = toTissue;
    }
}

/// <summary>
/// Integrates a nonlinear stretch (B12 still on its way into the blood or free in plasma) with the adaptive
/// Dormand-Prince 5(4) method: every entry's local error below <see cref="RelativeTolerance"/> of its size plus
/// <see cref="AbsoluteTolerance"/> µg, where the size of an entry on its way in (the sites and the gut) is at least
/// what the carriers hold (holoTC + holoHC): its own tail, decaying to nothing, would otherwise set the step. A
/// Runge-Kutta step keeps every linear invariant of the equations to rounding, so the mass balance (pools plus tallies)
/// closes whatever the step.
/// </summary>
internal static class Transit
{
    /// <summary>
    /// The relative tolerance of each step's local error: at 1e-7, 60 days of daily tablets stay within 2e-8 and four
    /// monthly injections within 5e-7 of a run at 1e-11 (every pool, serum, urine and free B12), and the tests hold the
    /// solve within 1e-6 of an independent fine-step reference.
    /// </summary>
    public const double RelativeTolerance = 1e-7;

    /// <summary>The absolute tolerance of each step's local error, µg.</summary>
    public const double AbsoluteTolerance = 1e-12;

    /// <summary>B12 still in transit below this, µg, ends the stretch: it is counted as urine (the linear pools take over).</summary>
    public const double Exhausted = 1e-12;

    private const int MaximumSteps = 10_000_000;

    /// <summary>Advances <paramref name="y"/> by <paramref name="hours"/>; <paramref name="step"/> is the step size to try first, and the last accepted one on return.</summary>
    public static void Advance(ref TransitState y, double hours, in TransitRates rates, ref double step) =>
        Advance(ref y, hours, in rates, ref step, RelativeTolerance, AbsoluteTolerance);

    /// <summary><see cref="Advance(ref TransitState, double, in TransitRates, ref double)"/> with other tolerances.</summary>
    public static void Advance(ref TransitState y, double hours, in TransitRates rates, ref double step, double relativeTolerance, double absoluteTolerance)
    {
        const int n = TransitState.Count;
        TransitState k1 = default, k2 = default, k3 = default, k4 = default, k5 = default, k6 = default, k7 = default, z = default, next = default;
        var t = 0.0;
        var h = step > 0 ? Math.Min(step, hours) : Math.Min(hours, 0.5 / rates.Stiffest);
        rates.Derivative(in y, ref k1);
        for (var count = 0; t < hours; count++)
        {
            if (count > MaximumSteps)
            {
                throw new InvalidOperationException("The nonlinear stretch did not finish within its step limit.");
            }

            var last = t + h >= hours;
            if (last)
            {
                h = hours - t;
            }

            for (var i = 0; i < n; i++)
            {
                z[i] = y[i] + (h * a21 * k1[i]);
            }

            rates.Derivative(in z, ref k2);
            for (var i = 0; i < n; i++)
            {
                z[i] = y[i] + (h * ((a31 * k1[i]) + (a32 * k2[i])));
            }

            rates.Derivative(in z, ref k3);
            for (var i = 0; i < n; i++)
            {
                z[i] = y[i] + (h * ((a41 * k1[i]) + (a42 * k2[i]) + (a43 * k3[i])));
            }

            rates.Derivative(in z, ref k4);
            for (var i = 0; i < n; i++)
            {
                z[i] = y[i] + (h * ((a51 * k1[i]) + (a52 * k2[i]) + (a53 * k3[i]) + (a54 * k4[i])));
            }

            rates.Derivative(in z, ref k5);
            for (var i = 0; i < n; i++)
            {
                z[i] = y[i] + (h * ((a61 * k1[i]) + (a62 * k2[i]) + (a63 * k3[i]) + (a64 * k4[i]) + (a65 * k5[i])));
            }

            rates.Derivative(in z, ref k6);
            for (var i = 0; i < n; i++)
            {
                next[i] = y[i] + (h * ((b1 * k1[i]) + (b3 * k3[i]) + (b4 * k4[i]) + (b5 * k5[i]) + (b6 * k6[i])));
            }

            rates.Derivative(in next, ref k7);
            var error = 0.0;
            var carried = y[TransitState.T] + y[TransitState.H];
            for (var i = 0; i < n; i++)
            {
                var e = h * ((e1 * k1[i]) + (e3 * k3[i]) + (e4 * k4[i]) + (e5 * k5[i]) + (e6 * k6[i]) + (e7 * k7[i]));

                // B12 on its way in is measured against what the carriers hold (an error there becomes theirs), not against its own tail.
                var size = Math.Max(Math.Abs(y[i]), Math.Abs(next[i]));
                var scale = absoluteTolerance + (relativeTolerance * (i < TransitState.FreeC ? Math.Max(size, carried) : size));
                error = Math.Max(error, Math.Abs(e) / scale);
            }

            if (error <= 1)
            {
                t = last ? hours : t + h;
                y = next;
                k1 = k7;
                if (!last)
                {
                    step = h;
                }
            }

            var factor = error == 0 ? 5 : Math.Clamp(0.9 * Math.Pow(error, -0.2), 0.2, 5);
            h *= factor;
            if (!(h > 0) || h < 1e-14 * Math.Max(1, hours))
            {
                throw new InvalidOperationException("The nonlinear stretch's step size fell below rounding.");
            }
        }

        step = Math.Max(step, 1e-6);
    }

    /// <summary>Ends a stretch once less than <see cref="Exhausted"/> µg is in transit: that rest is counted as urine (true if it ended).</summary>
    public static bool EndIfExhausted(ref TransitState y)
    {
        var left = y.InTransit;
        if (left >= Exhausted)
        {
            return false;
        }

        for (var i = 0; i < TransitState.Transient; i++)
        {
            y[i] = 0;
        }

        y[TransitState.Urine] += left;
        return true;
    }
}

using System.Runtime.CompilerServices;
using B12Dosing.Absorption;

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

    /// <summary>
    /// The Jacobian of <see cref="Derivative"/> at <paramref name="y"/> where it is not constant: the rows of the free
    /// pools and the pools (entries <see cref="TransitState.FreeC"/> to <see cref="TransitState.P"/>) and of the tallies,
    /// against those same eight entries (the sites and the gut chain are linear and enter only the free pools, at their
    /// release rates). Every column sums to zero over the entries that hold mass, as the equations' do, so a Rosenbrock
    /// step keeps the mass balance.
    /// </summary>
    public void Jacobian(in TransitState y, ref TransitJacobian j)
    {
        const int fc = 0, fh = 1, t = 2, h = 3, s = 4, b = 5, l = 6, p = 7;
        var freeC = y[TransitState.FreeC];
        var freeH = y[TransitState.FreeH];
        var free = freeC + freeH;
        var tc = y[TransitState.T];
        var hc = y[TransitState.H];
        var stores = y[TransitState.S];
        var apoT = Math.Max(0, _capT - tc);
        var apoH = Math.Max(0, _capH - hc);
        var bindT = _bind * apoT;
        var bindH = _bindH * apoH;
        var kt = _kt + Math.Max(0, free);
        var perTissue = _vt / kt;
        var dTissue = free > 0 ? _vt * _kt / (kt * kt) : perTissue; // d(toTissue)/dF
        var toT = bindT * free;
        var toH = bindH * free;
        var toTissue = perTissue * free;
        var toProtein = _proteinH * freeH;
        var entering = toT + toH + toTissue + toProtein;
        var x = (tc + hc + stores + y[TransitState.B] + y[TransitState.P]) / _max;
        var accept = x < 1 ? 1 - (x * x) : 0;
        var dAccept = x < 1 ? -2 * x / _max : 0; // d(accept)/d(any of T, H, S, B, P)
        var release = ReleasePerApo(stores);
        var dRelease = _apoH > 0 ? _eH * _sRef / (_apoH * (1 + (stores / _kS)) * (1 + (stores / _kS))) * apoH : 0; // d(release·apoH)/dS
        var dReleaseH = _capH - hc > 0 ? -release : 0; // d(release·apoH)/dH
        var tissueC = free > 0 ? -_vt * freeC / (kt * kt) : 0; // d(perTissue·fc)/dF beyond perTissue
        var tissueH = free > 0 ? -_vt * freeH / (kt * kt) : 0;
        var byT = _capT - tc > 0 ? _bind : 0; // −d(binding)/dT
        var byH = _capH - hc > 0 ? _bindH : 0; // −d(binding)/dH
        j = default;
        var dBindT = -byT * free; // d(toT)/dT
        var dBindH = -byH * free; // d(toH)/dH

        // The free pools: −(binding + tissue + renal (+ protein))·F of each form.
        var binding = bindT + bindH;
        j[fc, fc] = -(binding + perTissue + _renal + tissueC);
        j[fc, fh] = -tissueC;
        j[fc, t] = byT * freeC;
        j[fc, h] = byH * freeC;
        j[fh, fh] = -(binding + perTissue + _renalH + _proteinH + tissueH);
        j[fh, fc] = -tissueH;
        j[fh, t] = byT * freeH;
        j[fh, h] = byH * freeH;

        // What enters the body from the free pool, through the store limit (accept).
        Entering(ref j, t, accept * bindT, accept * bindT, accept * dBindT, 0, toT * dAccept);
        Entering(ref j, h, accept * bindH, accept * bindH, 0, accept * dBindH, toH * dAccept);
        Entering(ref j, b, 0, accept * _proteinH, 0, 0, toProtein * dAccept);
        Entering(ref j, p, accept * dTissue, accept * dTissue, 0, 0, toTissue * dAccept);
        var reject = 1 - accept;
        Entering(ref j, l, reject * (bindT + bindH + dTissue), reject * (bindT + bindH + dTissue + _proteinH), reject * dBindT, reject * dBindH, -entering * dAccept);

        // The linear flows between the pools, and the release of the stores onto haptocorrin.
        j[t, t] -= _kT;
        j[t, s] += _r + _eT;
        j[t, b] += (1 - _theta) * _kB;
        j[t, p] += _psi * _kP;
        j[h, t] += _phi * _kT;
        j[h, h] += -_kH + dReleaseH;
        j[h, s] += dRelease;
        j[h, b] += _theta * _kB;
        j[s, t] += (1 - _phi) * _kT;
        j[s, h] += _kH - dReleaseH;
        j[s, s] += -(_ks + _eT) - dRelease;
        j[s, p] += (1 - _psi) * _kP;
        j[b, b] -= _kB;
        j[p, p] -= _kP;
        j[l, l] -= _kL;

        // The tallies.
        j.Tally(TransitState.Urine, fc) = _renal;
        j.Tally(TransitState.Urine, fh) = _renalH;
        j.Tally(TransitState.Faeces, s) = _ks - _r;
        j.Tally(TransitState.Faeces, l) = _kL;
        j.Tally(TransitState.ToTc, fc) = bindT;
        j.Tally(TransitState.ToTc, fh) = bindT;
        j.Tally(TransitState.ToTc, t) = dBindT;
        j.Tally(TransitState.ToHc, fc) = bindH;
        j.Tally(TransitState.ToHc, fh) = bindH;
        j.Tally(TransitState.ToHc, h) = dBindH;
        j.Tally(TransitState.ToProtein, fh) = _proteinH;
        j.Tally(TransitState.ToTissue, fc) = dTissue;
        j.Tally(TransitState.ToTissue, fh) = dTissue;
    }

    /// <summary>
    /// Adds to pool row <paramref name="row"/> the Jacobian of a flow into it from the free pool: its derivatives by
    /// free cyano-like and hydroxo B12, by holoTC and holoHC through the binding, and <paramref name="byBody"/> by each
    /// of the pools the store limit counts (T, H, S, B, P).
    /// </summary>
    private static void Entering(ref TransitJacobian j, int row, double byFreeC, double byFreeH, double byT, double byH, double byBody)
    {
        j[row, 0] += byFreeC;
        j[row, 1] += byFreeH;
        j[row, 2] += byT + byBody;
        j[row, 3] += byH + byBody;
        j[row, 4] += byBody;
        j[row, 5] += byBody;
        j[row, 7] += byBody;
    }

    /// <summary>
    /// Solves <c>(c·I − J)·u = r</c> for one Rosenbrock stage, with <paramref name="lu"/> the factors of its block of the
    /// eight nonlinear entries: the sites and the gut chain first (their block is triangular), then the eight, then the
    /// tallies (whose rows have no diagonal in <c>J</c>).
    /// </summary>
    public void Solve(double c, in TransitJacobian jacobian, in CoreFactors lu, in TransitState r, ref TransitState u)
    {
        u[TransitState.InjectionC] = r[TransitState.InjectionC] / (c + _injC);
        u[TransitState.InjectionH] = r[TransitState.InjectionH] / (c + _injH);
        u[TransitState.MucosalC] = r[TransitState.MucosalC] / (c + _mucosal);
        u[TransitState.MucosalH] = r[TransitState.MucosalH] / (c + _mucosal);
        u[TransitState.NasalC] = r[TransitState.NasalC] / (c + _nasal);
        u[TransitState.NasalH] = r[TransitState.NasalH] / (c + _nasal);
        u[TransitState.Gut1] = r[TransitState.Gut1] / (c + _gut);
        u[TransitState.Gut2] = (r[TransitState.Gut2] + (_gut * u[TransitState.Gut1])) / (c + _gut);
        u[TransitState.Gut3] = (r[TransitState.Gut3] + (_gut * u[TransitState.Gut2])) / (c + _gut);
        CoreVector x = default;
        x[0] = r[TransitState.FreeC] + (_injC * u[TransitState.InjectionC]) + (_mucosal * u[TransitState.MucosalC]) + (_nasal * u[TransitState.NasalC]) + (_gut * u[TransitState.Gut3]);
        x[1] = r[TransitState.FreeH] + (_injH * u[TransitState.InjectionH]) + (_mucosal * u[TransitState.MucosalH]) + (_nasal * u[TransitState.NasalH]);
        for (var i = 2; i < CoreVector.Count; i++)
        {
            x[i] = r[TransitState.FreeC + i];
        }

        lu.Solve(ref x);
        for (var i = 0; i < CoreVector.Count; i++)
        {
            u[TransitState.FreeC + i] = x[i];
        }

        for (var row = TransitState.Urine; row < TransitState.Count; row++)
        {
            var sum = r[row];
            for (var k = 0; k < CoreVector.Count; k++)
            {
                sum += jacobian.TallyValue(row, k) * x[k];
            }

            u[row] = sum / c;
        }
    }
}

/// <summary>
/// Integrates a nonlinear stretch (B12 still on its way into the blood or free in plasma) with the L-stable Rosenbrock
/// method RODAS4 (<see cref="Rodas4"/>, order 4 with an embedded order 3) and the exact Jacobian
/// (<see cref="TransitRates.Jacobian"/>): every entry's local error below <see cref="RelativeTolerance"/> of its size
/// plus <see cref="AbsoluteTolerance"/> µg. The free pool is stiff (binding to the carriers' free capacity takes
/// seconds to minutes, the rest hours to years); an L-stable method steps over it at the pace of the slow dynamics, where
/// an explicit method is held to the free pool's time scale. Each stage is a linear combination of the derivative and
/// the Jacobian's columns, which sum to zero over the entries that hold mass, so the mass balance (pools plus tallies)
/// closes to rounding whatever the step. An entry in transit or free is measured against the larger of its size and
/// what the carriers hold (an error there becomes an error of what they carry), not against its own tail.
/// </summary>
internal static class Transit
{
    /// <summary>
    /// The relative tolerance of each step's local error (the error of the embedded third-order solution, so the
    /// fourth-order result is far closer): 1e-6 keeps a year of daily tablets within 1e-7 of a run at 1e-11, checked
    /// against the fine-step reference in the tests (within 1e-6).
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
        TransitState f = default, u1 = default, u2 = default, u3 = default, u4 = default, u5 = default, u6 = default, z = default, r = default;
        TransitJacobian jacobian = default;
        CoreFactors lu = default;
        var t = 0.0;
        var h = step > 0 ? Math.Min(step, hours) : Math.Min(hours, 0.5 / rates.Stiffest);
        var fresh = false; // whether f and the Jacobian are those of y
        var rejected = false;
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

            if (!fresh)
            {
                rates.Derivative(in y, ref f);
                rates.Jacobian(in y, ref jacobian);
                fresh = true;
            }

            var c = 1 / (h * Rodas4.gamma);
            var perH = 1 / h;
            lu.Factor(c, in jacobian);
            rates.Solve(c, in jacobian, in lu, in f, ref u1);

            for (var i = 0; i < n; i++)
            {
                z[i] = y[i] + (Rodas4.a21 * u1[i]);
            }

            rates.Derivative(in z, ref r);
            for (var i = 0; i < n; i++)
            {
                r[i] += perH * Rodas4.c21 * u1[i];
            }

            rates.Solve(c, in jacobian, in lu, in r, ref u2);
            for (var i = 0; i < n; i++)
            {
                z[i] = y[i] + (Rodas4.a31 * u1[i]) + (Rodas4.a32 * u2[i]);
            }

            rates.Derivative(in z, ref r);
            for (var i = 0; i < n; i++)
            {
                r[i] += perH * ((Rodas4.c31 * u1[i]) + (Rodas4.c32 * u2[i]));
            }

            rates.Solve(c, in jacobian, in lu, in r, ref u3);
            for (var i = 0; i < n; i++)
            {
                z[i] = y[i] + (Rodas4.a41 * u1[i]) + (Rodas4.a42 * u2[i]) + (Rodas4.a43 * u3[i]);
            }

            rates.Derivative(in z, ref r);
            for (var i = 0; i < n; i++)
            {
                r[i] += perH * ((Rodas4.c41 * u1[i]) + (Rodas4.c42 * u2[i]) + (Rodas4.c43 * u3[i]));
            }

            rates.Solve(c, in jacobian, in lu, in r, ref u4);
            for (var i = 0; i < n; i++)
            {
                z[i] = y[i] + (Rodas4.a51 * u1[i]) + (Rodas4.a52 * u2[i]) + (Rodas4.a53 * u3[i]) + (Rodas4.a54 * u4[i]);
            }

            rates.Derivative(in z, ref r);
            for (var i = 0; i < n; i++)
            {
                r[i] += perH * ((Rodas4.c51 * u1[i]) + (Rodas4.c52 * u2[i]) + (Rodas4.c53 * u3[i]) + (Rodas4.c54 * u4[i]));
            }

            rates.Solve(c, in jacobian, in lu, in r, ref u5);
            for (var i = 0; i < n; i++)
            {
                z[i] += u5[i];
            }

            rates.Derivative(in z, ref r);
            for (var i = 0; i < n; i++)
            {
                r[i] += perH * ((Rodas4.c61 * u1[i]) + (Rodas4.c62 * u2[i]) + (Rodas4.c63 * u3[i]) + (Rodas4.c64 * u4[i]) + (Rodas4.c65 * u5[i]));
            }

            rates.Solve(c, in jacobian, in lu, in r, ref u6);
            var error = 0.0;
            var carried = y[TransitState.T] + y[TransitState.H];
            for (var i = 0; i < n; i++)
            {
                z[i] += u6[i];

                // B12 in transit or free is measured against what the carriers hold: an error there becomes theirs.
                var size = Math.Max(Math.Abs(y[i]), Math.Abs(z[i]));
                var scale = absoluteTolerance + (relativeTolerance * (i < TransitState.Transient ? Math.Max(size, carried) : size));
                error = Math.Max(error, Math.Abs(u6[i]) / scale);
            }

            var factor = error == 0 ? Rodas4.LargestGrowth : Math.Clamp(0.9 * Math.Pow(error, Rodas4.ErrorExponent), 0.2, Rodas4.LargestGrowth);
            if (error <= 1)
            {
                t = last ? hours : t + h;
                y = z;
                fresh = false;
                if (!last)
                {
                    step = h;
                }

                h *= rejected ? Math.Min(1, factor) : factor;
                rejected = false;
            }
            else
            {
                h *= factor;
                rejected = true;
            }

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

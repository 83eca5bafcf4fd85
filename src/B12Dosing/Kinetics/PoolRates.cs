using B12Dosing.Parameters;
using B12Dosing.Absorption;

namespace B12Dosing.Kinetics;

/// <summary>
/// The rate constants, per day, of the linear system between doses (see <see cref="Simulator"/>), with
/// <c>T</c> holotranscobalamin, <c>H</c> holohaptocorrin, <c>S</c> the stores, <c>B</c> protein-bound hydroxocobalamin,
/// <c>E</c> free B12 on its way to the urine and <c>L</c> the labile excess (all µg):
/// <code>
/// dT/dt = −k_T·T + (r + e_T)·S + (1 − θ)·k_B·B
/// dH/dt =  φ·k_T·T − k_H·H + e_H·S + θ·k_B·B
/// dS/dt =  (1 − φ)·k_T·T + k_H·H − (k_s + e_H + e_T)·S    k_s = bile + turnover − reabsorbed bile back to stores; r = reabsorbed bile onto TC
/// dB/dt = −k_B·B        dE/dt = −k_E·E (to urine)        dL/dt = −k_L·L (to faeces)
/// faeces: (k_s − r)·S + k_L·L
/// </code>
/// What an external ODE solver needs to integrate the same model (the peers in <c>benchmarks/peers/</c> use it), with
/// the store limit applied at each intake (<see cref="AcceptedMicrograms"/>).
/// </summary>
/// <param name="TranscobalaminPerDay">k_T: ln 2 · 24 / holoTC half-life (hours).</param>
/// <param name="TranscobalaminToHaptocorrinFraction">φ: the share of holoTC cleared onto haptocorrin.</param>
/// <param name="HaptocorrinPerDay">k_H: ln 2 / holoHC half-life (days).</param>
/// <param name="HaptocorrinReleasePerDay">e_H: release of stores onto haptocorrin.</param>
/// <param name="TranscobalaminReleasePerDay">e_T: release of stores onto transcobalamin.</param>
/// <param name="ReabsorptionPerDay">r = ρ·β·k_b: biliary secretion times the fraction reabsorbed times the share of it that passes holoTC (<see cref="ParameterSet.ReabsorbedBileThroughTranscobalaminFraction"/>).</param>
/// <param name="StoreExitPerDay">k_s = k_b + k_o − (1 − ρ)·β·k_b: biliary secretion plus other turnover, less the reabsorbed bile that returns to the stores directly; the loss is <c>k_s − r</c>.</param>
/// <param name="ProteinBoundPerDay">k_B: ln 2 · 24 / protein-bound half-life (hours).</param>
/// <param name="HaptocorrinShare">θ: the share of released protein-bound B12 that goes onto haptocorrin.</param>
/// <param name="FreePerDay">k_E: the renal rate constant of free B12 (GFR / extracellular volume), per day.</param>
/// <param name="LabilePerDay">k_L: ln 2 / labile half-life (days).</param>
/// <param name="MaximumStoresMicrograms">The largest body content (T + H + S + B), µg.</param>
internal readonly record struct PoolRates(
    double TranscobalaminPerDay,
    double TranscobalaminToHaptocorrinFraction,
    double HaptocorrinPerDay,
    double HaptocorrinReleasePerDay,
    double TranscobalaminReleasePerDay,
    double ReabsorptionPerDay,
    double StoreExitPerDay,
    double ProteinBoundPerDay,
    double HaptocorrinShare,
    double FreePerDay,
    double LabilePerDay,
    double MaximumStoresMicrograms)
{
    /// <summary>The rates of <paramref name="physiology"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="physiology"/> is null.</exception>
    public static PoolRates Of(ParameterSet physiology)
    {
        ArgumentNullException.ThrowIfNull(physiology);
        var p = physiology;
        var reabsorbed = p.BiliaryReabsorptionFraction * p.BiliarySecretionPerDay;
        var ontoTranscobalamin = p.ReabsorbedBileThroughTranscobalaminFraction * reabsorbed;
        return new(
            Math.Log(2) * 24 / p.HoloTranscobalaminHalfLifeHours,
            p.TranscobalaminToHaptocorrinFraction,
            Math.Log(2) / p.HoloHaptocorrinHalfLifeDays,
            p.HaptocorrinReleasePerDay,
            p.TranscobalaminReleasePerDay,
            ontoTranscobalamin,
            p.BiliarySecretionPerDay + p.TurnoverPerDay - (reabsorbed - ontoTranscobalamin),
            Math.Log(2) * 24 / p.ProteinBoundHalfLifeHours,
            p.HaptocorrinShare,
            PlasmaLoad.RenalPerHour(p) * 24,
            Math.Log(2) / p.LabileHalfLifeDays,
            p.MaximumStoresMicrograms);
    }

    /// <summary>Holotranscobalamin and holohaptocorrin in balance with <paramref name="storesMicrograms"/> (dT/dt = dH/dt = 0), µg: the carriers at the start of a run.</summary>
    public (double TranscobalaminMicrograms, double HaptocorrinMicrograms) CarriersInBalanceWith(double storesMicrograms)
    {
        var t = (ReabsorptionPerDay + TranscobalaminReleasePerDay) * storesMicrograms / TranscobalaminPerDay;
        var h = ((HaptocorrinReleasePerDay * storesMicrograms) + (TranscobalaminToHaptocorrinFraction * TranscobalaminPerDay * t)) / HaptocorrinPerDay;
        return (t, h);
    }

    /// <summary>
    /// The carriers' whole binding capacity, µg: free capacity with average stores (<see cref="ParameterSet.ApoTranscobalamin"/>,
    /// <see cref="ParameterSet.ApoHaptocorrin"/>, Gimsing &amp; Nexo 1989) plus the holo-carriers in balance with those stores
    /// (<see cref="ModelParameters.ReferenceStores"/>). Free capacity at any moment is this less holoTC or holoHC.
    /// </summary>
    public (double TranscobalaminMicrograms, double HaptocorrinMicrograms) CarrierCapacities(ParameterSet physiology)
    {
        var (t, h) = CarriersInBalanceWith(ModelParameters.ReferenceStoresMicrograms);
        var perPicomolar = physiology.PlasmaVolumeLiters * Quantities.CobalaminForms.CyanocobalaminGramsPerMole * 1e-6;
        return (t + (physiology.ApoTranscobalaminPicomolesPerLiter * perPicomolar), h + (physiology.ApoHaptocorrinPicomolesPerLiter * perPicomolar));
    }

    /// <summary>
    /// The part of a kept amount <paramref name="keptMicrograms"/> that the body takes up when it holds
    /// <paramref name="bodyMicrograms"/> (T + H + S + B): the rise of <c>M</c> under <c>dM/dR = 1 − (M/Mmax)²</c>,
    /// <c>Mmax·t·(1 − x²)/(1 + x·t)</c> with <c>x = M/Mmax</c> and <c>t = tanh(R/Mmax)</c> (the addition theorem of tanh);
    /// nothing when the body is already full. The rest joins the labile excess.
    /// </summary>
    public double AcceptedMicrograms(double bodyMicrograms, double keptMicrograms) =>
        AcceptedWithTanh(bodyMicrograms, keptMicrograms, KeptTanh(keptMicrograms));

    /// <summary>
    /// The accepted part with <paramref name="keptTanh"/> = <see cref="KeptTanh"/>(<paramref name="keptMicrograms"/>)
    /// computed by the caller (a run that keeps the same amount at every dose computes it once).
    /// </summary>
    internal double AcceptedWithTanh(double bodyMicrograms, double keptMicrograms, double keptTanh)
    {
        var x = bodyMicrograms / MaximumStoresMicrograms;
        if (!(x < 1) || !(keptMicrograms > 0))
        {
            return 0;
        }

        var t = keptTanh;
        return Math.Min(keptMicrograms, MaximumStoresMicrograms * t * (1 - (x * x)) / (1 + (x * t)));
    }

    /// <summary><c>tanh(R/Mmax)</c> of a kept amount <c>R</c> (not used when <c>R</c> is not positive).</summary>
    internal double KeptTanh(double keptMicrograms)
    {
        var u = keptMicrograms / MaximumStoresMicrograms;
        // tanh by its series below 0.01 (exact to u⁷·17/315 < 6e-16 relative), else Math.Tanh.
        return u < 0.01 ? u * (1 - (u * u * ((1.0 / 3) - (u * u * 2.0 / 15)))) : Math.Tanh(u);
    }

    internal Propagator Propagator(long ticks) => Kinetics.Propagator.Create(in this, ticks);
}

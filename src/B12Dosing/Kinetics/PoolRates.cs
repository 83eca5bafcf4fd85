using B12Dosing.Absorption;

namespace B12Dosing.Kinetics;

/// <summary>
/// The rate constants, per day, of the linear system between doses (see <see cref="Simulator"/>):
/// <code>
/// dP/dt = −TransitPerDay·P + ReabsorptionPerDay·S
/// dS/dt =  TransitPerDay·P − StoreExitPerDay·S
/// </code>
/// What an external ODE solver needs to integrate the same model (the peers in <c>benchmarks/peers/</c> use it).
/// </summary>
/// <param name="TransitPerDay">k_t = ln 2 · 24 / plasma transit half-life (hours).</param>
/// <param name="ReabsorptionPerDay">β·k_b: biliary secretion times the fraction reabsorbed.</param>
/// <param name="StoreExitPerDay">k_b + k_o: biliary secretion plus other turnover.</param>
public readonly record struct PoolRates(double TransitPerDay, double ReabsorptionPerDay, double StoreExitPerDay)
{
    /// <summary>The rates of <paramref name="physiology"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="physiology"/> is null.</exception>
    public static PoolRates Of(Physiology physiology)
    {
        ArgumentNullException.ThrowIfNull(physiology);
        return new(
            Math.Log(2) * 24 / physiology.PlasmaTransitHalfLifeHours,
            physiology.BiliaryReabsorptionFraction * physiology.BiliarySecretionPerDay,
            physiology.BiliarySecretionPerDay + physiology.TurnoverPerDay);
    }

    /// <summary>The plasma pool in balance with <paramref name="storesMicrograms"/> (dP/dt = 0), µg: the initial plasma of a run.</summary>
    public double PlasmaInBalanceWith(double storesMicrograms) => ReabsorptionPerDay * storesMicrograms / TransitPerDay;

    internal Propagator Propagator(long ticks) => Kinetics.Propagator.Create(TransitPerDay, ReabsorptionPerDay, StoreExitPerDay, ticks);
}

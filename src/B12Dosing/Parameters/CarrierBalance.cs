using System.Globalization;

namespace B12Dosing.Parameters;

/// <summary>The derivation of the release of stores onto haptocorrin (<c>e_H</c>) from the carrier constants: one formula, used by the block's default and by every parameter set.</summary>
internal static class CarrierBalance
{
    /// <summary>
    /// The release of stores onto haptocorrin, per day, for which the carriers in balance with average stores (2500 µg)
    /// hold a serum of 450 pg/mL: holoTC in balance is <c>T = (r + e_T)·S/k_T</c> (<c>r</c> the reabsorbed bile onto
    /// transcobalamin per day, <c>e_T</c> the release of stores onto it), holoHC takes the rest,
    /// <c>H = 450 pg/mL × V − T</c>, and <c>H·k_H = e·S + φ·k_T·T</c> gives <c>e</c>.
    /// </summary>
    /// <param name="holoTcHalfLifeHours">Half-life of holotranscobalamin, hours.</param>
    /// <param name="holoHcHalfLifeDays">Half-life of holohaptocorrin, days.</param>
    /// <param name="tcToHc">Fraction of holotranscobalamin cleared onto haptocorrin.</param>
    /// <param name="reabsorbedPerDay">The flow of stores onto transcobalamin per day (reabsorbed bile onto it plus the release of stores onto it), as a fraction of stores.</param>
    /// <param name="plasmaVolumeLiters">Plasma volume, litres.</param>
    /// <returns>The release, or NaN when the constants leave no room for haptocorrin (holoTC alone would exceed the reference serum).</returns>
    public static double HaptocorrinReleaseOrNaN(double holoTcHalfLifeHours, double holoHcHalfLifeDays, double tcToHc, double reabsorbedPerDay, double plasmaVolumeLiters)
    {
        var kT = Math.Log(2) * 24 / holoTcHalfLifeHours;
        var kH = Math.Log(2) / holoHcHalfLifeDays;
        var t = reabsorbedPerDay * ModelParameters.ReferenceStoresMicrograms / kT;
        var h = (ModelParameters.ReferenceSerumPicogramsPerMilliliter * plasmaVolumeLiters / 1000) - t;
        var e = ((kH * h) - (tcToHc * kT * t)) / ModelParameters.ReferenceStoresMicrograms;
        return e >= 0 && double.IsFinite(e) ? e : double.NaN;
    }

    /// <summary><see cref="HaptocorrinReleaseOrNaN"/>, refusing constants that leave no room for haptocorrin.</summary>
    /// <exception cref="ArgumentException">The constants leave no room for haptocorrin.</exception>
    public static double HaptocorrinReleaseFor(double holoTcHalfLifeHours, double holoHcHalfLifeDays, double tcToHc, double reabsorbedPerDay, double plasmaVolumeLiters)
    {
        var e = HaptocorrinReleaseOrNaN(holoTcHalfLifeHours, holoHcHalfLifeDays, tcToHc, reabsorbedPerDay, plasmaVolumeLiters);
        return double.IsNaN(e)
            ? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"No release onto haptocorrin (HaptocorrinReleasePerDay) gives 450 pg/mL at 2500 µg with these carrier constants: holotranscobalamin alone holds {reabsorbedPerDay * ModelParameters.ReferenceStoresMicrograms * holoTcHalfLifeHours / (Math.Log(2) * 24):G4} µg (raise the holoTC clearance or lower the release onto transcobalamin, or pin HaptocorrinReleasePerDay)."), nameof(holoTcHalfLifeHours))
            : e;
    }
}

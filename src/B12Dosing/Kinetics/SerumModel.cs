using B12Dosing.Absorption;
using B12Dosing.Quantities;

namespace B12Dosing.Kinetics;

/// <summary>
/// How serum B12 and active B12 follow from the pools. Serum B12 is the carriers' B12 in plasma: holohaptocorrin
/// (about 80 % in balance, IOM 1998), holotranscobalamin ("active B12"), protein-bound hydroxocobalamin, all over the
/// plasma volume, plus free B12 over the extracellular volume (<see cref="ParameterSet.PlasmaVolumeLiters"/>,
/// <see cref="ParameterSet.ExtracellularVolumeLiters"/>):
/// <code>serum (pg/mL) = 1000·((T + H + B)/V_plasma + E/V_extracellular)      holoTC (pg/mL) = 1000·T/V_plasma</code>
/// (µg/L is 1000 pg/mL), in pmol/L with the molar mass of cyanocobalamin. Internal: the formulas read only the
/// parameter set (<c>docs/model.md</c>, 2.2).
/// </summary>
internal static class SerumModel
{
    /// <summary>Converts pg/mL to pmol/L with the molar mass of cyanocobalamin (1 pmol/L = 1.355 pg/mL); <see cref="CobalaminForms.ToMolarity"/> is the public way.</summary>
    internal static double ToPicomolesPerLiter(double picogramsPerMilliliter) =>
        picogramsPerMilliliter / (CobalaminForms.CyanocobalaminGramsPerMole / 1000.0);

    /// <summary>Serum B12 in pg/mL from the plasma pools (µg) of <paramref name="physiology"/>.</summary>
    internal static double PicogramsPerMilliliter(double carriers, double free, ParameterSet physiology) =>
        1000 * ((carriers / physiology.PlasmaVolumeLiters) + (free / physiology.ExtracellularVolumeLiters));

    /// <summary>Holotranscobalamin in pmol/L from its pool (µg).</summary>
    internal static double HoloTranscobalaminPicomolesPerLiter(double transcobalamin, ParameterSet physiology) =>
        ToPicomolesPerLiter(1000 * transcobalamin / physiology.PlasmaVolumeLiters);
}

using B12Dosing.Absorption;
using B12Dosing.Quantities;

namespace B12Dosing.Kinetics;

/// <summary>
/// How serum B12 and active B12 follow from the pools. Serum B12 is the carriers' B12 in plasma: holohaptocorrin
/// (about 80 % in balance, IOM 1998), holotranscobalamin ("active B12"), protein-bound hydroxocobalamin, all over the
/// plasma volume, plus free B12 over the extracellular volume (<see cref="Physiology.PlasmaVolumeLiters"/>,
/// <see cref="Physiology.ExtracellularVolumeLiters"/>):
/// <code>serum (pg/mL) = 1000·((T + H + B)/V_plasma + E/V_extracellular)      holoTC (pg/mL) = 1000·T/V_plasma</code>
/// (µg/L is 1000 pg/mL), in pmol/L with the molar mass of cyanocobalamin. Immutable; change values with <c>with</c>.
/// </summary>
public sealed record SerumModel
{
    /// <summary>The default model.</summary>
    public static SerumModel Default { get; } = new();

    /// <summary>The smallest store consistent with health, µg: 300 (IOM 1998, Appendix N); charts draw it as a reference. From 1 to 100 000 µg.</summary>
    public Mass LowStores
    {
        get => Mass.FromMicrograms(LowStoresMicrograms);
        init => LowStoresMicrograms = QuantityKinds.Mass.NonNegative(value, nameof(LowStores));
    }

    /// <summary><see cref="LowStores"/> in µg, for the kernels.</summary>
    internal double LowStoresMicrograms { get; init => field = InRange(value, 1, 1e5); } = 300;

    /// <summary>Converts pg/mL to pmol/L with the molar mass of cyanocobalamin (1 pmol/L = 1.355 pg/mL); <see cref="CobalaminForms.ToMolarity"/> is the public way.</summary>
    internal static double ToPicomolesPerLiter(double picogramsPerMilliliter) =>
        picogramsPerMilliliter / (CobalaminForms.CyanocobalaminGramsPerMole / 1000.0);

    /// <summary>Serum B12 in pg/mL from the plasma pools (µg) of <paramref name="physiology"/>.</summary>
    internal static double PicogramsPerMilliliter(double carriers, double free, Physiology physiology) =>
        1000 * ((carriers / physiology.PlasmaVolumeLiters) + (free / physiology.ExtracellularVolumeLiters));

    /// <summary>Holotranscobalamin in pmol/L from its pool (µg).</summary>
    internal static double HoloTranscobalaminPicomolesPerLiter(double transcobalamin, Physiology physiology) =>
        ToPicomolesPerLiter(1000 * transcobalamin / physiology.PlasmaVolumeLiters);

    /// <summary>The values, quantities in invariant text (never UnitsNet's culture-dependent text).</summary>
    private bool PrintMembers(System.Text.StringBuilder builder) => RecordText.PrintMembers(builder, this);

    private static double InRange(double value, double minimum, double maximum, [System.Runtime.CompilerServices.CallerMemberName] string name = "") =>
        value >= minimum && value <= maximum
            ? value
            : throw new ArgumentOutOfRangeException(name, value, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Must be from {minimum} to {maximum}."));
}

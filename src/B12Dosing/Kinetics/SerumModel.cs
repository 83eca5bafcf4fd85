using System.Runtime.Intrinsics;
using B12Dosing.Quantities;

namespace B12Dosing.Kinetics;

/// <summary>
/// How serum B12 follows from the body's pools (an ASSUMPTION, stated in <c>docs/model.md</c>). Serum B12 is
/// mostly on haptocorrin (about 80 %), in slow equilibrium with the stores, plus the newly absorbed B12 on
/// transcobalamin (IOM 1998; Nexo &amp; Hoffmann-Lücke 2011):
/// <code>serum = S_ref·(stores/M_ref)^γ  +  plasma pool / plasma volume</code>
/// The power law passes through two published anchors: average stores of 2500 µg (Carmel 2008) give a normal
/// serum of 450 pg/mL (the middle of 400-500), and the smallest store consistent with health, 300 µg (IOM 1998,
/// Appendix N), gives 180 pg/mL, the NICE NG239 (2024) line below which deficiency is likely. Immutable; change
/// values with <c>with</c>. Each value is checked when set; the two anchors together (serum rising with stores, with an
/// exponent from 0 to <see cref="MaximumExponent"/>) are checked where a model enters a simulation
/// (<see cref="SimulationSettings.Serum"/>, <c>PopulationSettings.Serum</c>), since a <c>with</c> may change them one at a time.
/// </summary>
public sealed record SerumModel
{
    /// <summary>The default model: the anchors above and a plasma volume of 3 L.</summary>
    public static SerumModel Default { get; } = new();

    /// <summary>
    /// The largest exponent γ accepted: 5 (the default anchors give 0.43). An ASSUMPTION bounding how steeply serum may
    /// follow the stores: with a larger power, the stores of a century of the largest doses would give an infinite serum.
    /// </summary>
    public const double MaximumExponent = 5;

    /// <summary>Reference stores, µg: 2500 (Carmel 2008, average adult stores). From 1 to 100 000 µg (an ASSUMPTION, 40 times either side of the average).</summary>
    public double ReferenceStoresMicrograms { get; init => field = InRange(value, 1, 1e5); } = 2500;

    /// <summary>Serum at the reference stores, pg/mL: 450 (a normal serum, 400-500 pg/mL). From 1 to 100 000 pg/mL (an ASSUMPTION, far beyond the 100-2000 pg/mL measured).</summary>
    public double ReferenceSerumPicogramsPerMilliliter { get; init => field = InRange(value, 1, 1e5); } = 450;

    /// <summary>Low anchor stores, µg: 300 (IOM 1998, Appendix N: the smallest store consistent with health). From 1 to 100 000 µg.</summary>
    public double LowStoresMicrograms { get; init => field = InRange(value, 1, 1e5); } = 300;

    /// <summary>Serum at the low anchor, pg/mL: 180 (NICE NG239 2024: below 180 ng/L deficiency is likely). From 1 to 100 000 pg/mL.</summary>
    public double LowSerumPicogramsPerMilliliter { get; init => field = InRange(value, 1, 1e5); } = 180;

    /// <summary>
    /// Plasma volume over which the transit pool spreads, litres: 3 L (about 40 mL/kg in a 75 kg adult; an assumption).
    /// From 0.1 L (a newborn's, about 40 mL/kg of 3 kg) to 10 L (an ASSUMPTION above any adult's).
    /// </summary>
    public double PlasmaVolumeLiters { get; init => field = InRange(value, 0.1, 10); } = 3;

    /// <summary>The exponent γ of the power law through the two anchors.</summary>
    /// <exception cref="InvalidOperationException">The anchors have equal stores or serum, serum falls as stores rise, or γ is above <see cref="MaximumExponent"/>.</exception>
    public double Exponent => TryExponent(out var γ) ? γ : throw new InvalidOperationException(AnchorsProblem);

    private string AnchorsProblem => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"The serum anchors ({LowStoresMicrograms} µg → {LowSerumPicogramsPerMilliliter} pg/mL, {ReferenceStoresMicrograms} µg → {ReferenceSerumPicogramsPerMilliliter} pg/mL) must have serum rising with stores (different stores, higher serum at higher stores), with an exponent of at most {MaximumExponent} (they give {ExponentOrNaN:0.###}).");

    private double ExponentOrNaN => Math.Log(ReferenceSerumPicogramsPerMilliliter / LowSerumPicogramsPerMilliliter) / Math.Log(ReferenceStoresMicrograms / LowStoresMicrograms);

    /// <summary>This model, if its anchors are consistent (<see cref="Exponent"/> defined).</summary>
    /// <exception cref="ArgumentException">The anchors are not.</exception>
    internal SerumModel EnsureConsistent(string paramName) => TryExponent(out _) ? this : throw new ArgumentException(AnchorsProblem, paramName);

    private bool TryExponent(out double γ)
    {
        γ = ExponentOrNaN;
        return γ > 0 && γ <= MaximumExponent;
    }

    /// <summary>The values, and the exponent or that the anchors are inconsistent: <see cref="object.ToString"/> never throws.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"ReferenceStoresMicrograms = {ReferenceStoresMicrograms}, ReferenceSerumPicogramsPerMilliliter = {ReferenceSerumPicogramsPerMilliliter}, LowStoresMicrograms = {LowStoresMicrograms}, LowSerumPicogramsPerMilliliter = {LowSerumPicogramsPerMilliliter}, PlasmaVolumeLiters = {PlasmaVolumeLiters}, ");
        builder.Append(TryExponent(out var γ) ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Exponent = {γ}") : "Exponent = (inconsistent anchors)");
        return true;
    }

    /// <summary>Serum B12 in pg/mL for the given stores and plasma (transit) pool, µg.</summary>
    public double PicogramsPerMilliliter(double storesMicrograms, double plasmaMicrograms) =>
        PicogramsPerMilliliter(storesMicrograms, plasmaMicrograms, Exponent);

    /// <summary>Converts pg/mL to pmol/L with the molar mass of cyanocobalamin (1 pmol/L = 1.355 pg/mL).</summary>
    public static double ToPicomolesPerLiter(double picogramsPerMilliliter) =>
        picogramsPerMilliliter / (CobalaminForms.CyanocobalaminGramsPerMole / 1000.0);

    /// <summary>Hot path with a precomputed exponent.</summary>
    internal double PicogramsPerMilliliter(double stores, double plasma, double exponent) =>
        (ReferenceSerumPicogramsPerMilliliter * Math.Pow(Math.Max(stores, 0) / ReferenceStoresMicrograms, exponent))
        + (plasma * 1000.0 / PlasmaVolumeLiters);

    /// <summary>
    /// Serum for many pools at once, four at a time with <see cref="Vector256"/> <c>exp(γ·log(x))</c> (vectorised
    /// <c>Exp</c>/<c>Log</c>: within a few units in the last place of the scalar <see cref="Math.Pow(double, double)"/>).
    /// </summary>
    internal void PicogramsPerMilliliter(ReadOnlySpan<double> stores, ReadOnlySpan<double> plasma, Span<double> serum, double exponent)
    {
        var reference = Vector256.Create(ReferenceSerumPicogramsPerMilliliter);
        var perStore = Vector256.Create(1 / ReferenceStoresMicrograms);
        var gamma = Vector256.Create(exponent);
        var perPlasma = Vector256.Create(1000.0 / PlasmaVolumeLiters);
        Span<double> tail = stackalloc double[2 * Vector256<double>.Count];
        for (var i = 0; i < stores.Length; i += Vector256<double>.Count)
        {
            var n = Math.Min(Vector256<double>.Count, stores.Length - i);
            Vector256<double> s, p;
            if (n == Vector256<double>.Count)
            {
                s = Vector256.Create(stores.Slice(i, n));
                p = Vector256.Create(plasma.Slice(i, n));
            }
            else
            {
                tail.Clear();
                stores.Slice(i, n).CopyTo(tail);
                plasma.Slice(i, n).CopyTo(tail[Vector256<double>.Count..]);
                s = Vector256.Create(tail[..Vector256<double>.Count]);
                p = Vector256.Create(tail[Vector256<double>.Count..]);
            }

            var x = Vector256.Max(s, Vector256<double>.Zero) * perStore;
            var value = (reference * Vector256.Exp(gamma * Vector256.Log(x))) + (p * perPlasma);
            if (n == Vector256<double>.Count)
            {
                value.CopyTo(serum.Slice(i, n));
            }
            else
            {
                value.CopyTo(tail);
                tail[..n].CopyTo(serum.Slice(i, n));
            }
        }
    }

    private static double InRange(double value, double minimum, double maximum, [System.Runtime.CompilerServices.CallerMemberName] string name = "") =>
        value >= minimum && value <= maximum
            ? value
            : throw new ArgumentOutOfRangeException(name, value, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name} must be from {minimum} to {maximum}; got {value}."));
}

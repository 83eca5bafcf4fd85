using System.Globalization;

namespace B12Dosing.Kinetics;

/// <summary>
/// The state at one output time. Rows are taken just before any dose given at the same instant (trough values),
/// so the row at day 0 is the initial state.
/// </summary>
public readonly record struct SimulationRow
{
    internal SimulationRow(double day, ref PatientRun run, double serum, double holoTc)
    {
        Day = day;
        StoresMicrograms = run.Stores;
        LabileMicrograms = run.Labile;
        HoloTranscobalaminMicrograms = run.Transcobalamin;
        HoloHaptocorrinMicrograms = run.Haptocorrin;
        ProteinBoundMicrograms = run.ProteinBound;
        FreeMicrograms = run.Free;
        CumulativeUrineMicrograms = run.Urine.Sum;
        CumulativeFaecesMicrograms = run.Faeces.Sum;
        SerumPicogramsPerMilliliter = serum;
        HoloTranscobalaminPicomolesPerLiter = holoTc;
    }

    /// <summary>Time from the start, days.</summary>
    public double Day { get; }

    /// <summary>Body stores (liver and tissue), µg; never above <see cref="Absorption.Physiology.MaximumStoresMicrograms"/> unless they started there.</summary>
    public double StoresMicrograms { get; }

    /// <summary>The labile excess, µg: B12 kept from doses that the filling stores did not take up, lost faster than the stores.</summary>
    public double LabileMicrograms { get; }

    /// <summary>B12 on transcobalamin in plasma (holoTC, "active B12"), µg.</summary>
    public double HoloTranscobalaminMicrograms { get; }

    /// <summary>B12 on haptocorrin in plasma (holoHC), µg.</summary>
    public double HoloHaptocorrinMicrograms { get; }

    /// <summary>Hydroxocobalamin bound to plasma proteins, released to the carriers over hours, µg.</summary>
    public double ProteinBoundMicrograms { get; }

    /// <summary>Free B12 in the extracellular fluid, on its way to the urine, µg.</summary>
    public double FreeMicrograms { get; }

    /// <summary>B12 in plasma and extracellular fluid: carriers, protein-bound and free, µg.</summary>
    public double PlasmaMicrograms => HoloTranscobalaminMicrograms + HoloHaptocorrinMicrograms + ProteinBoundMicrograms + FreeMicrograms;

    /// <summary>Serum B12, pg/mL (= ng/L), by the <see cref="SerumModel"/>.</summary>
    public double SerumPicogramsPerMilliliter { get; }

    /// <summary>Serum B12, pmol/L.</summary>
    public double SerumPicomolesPerLiter => SerumModel.ToPicomolesPerLiter(SerumPicogramsPerMilliliter);

    /// <summary>Holotranscobalamin (active B12), pmol/L.</summary>
    public double HoloTranscobalaminPicomolesPerLiter { get; }

    /// <summary>B12 lost in urine since the start, µg.</summary>
    public double CumulativeUrineMicrograms { get; }

    /// <summary>B12 lost from the body in faeces and by other routes since the start, µg (bile not reabsorbed, turnover, the labile excess).</summary>
    public double CumulativeFaecesMicrograms { get; }

    /// <summary>Stores, labile excess and plasma, µg.</summary>
    public double BodyMicrograms => StoresMicrograms + LabileMicrograms + PlasmaMicrograms;

    /// <summary>Readable text such as <c>day 120: stores 2950.1 µg, plasma 1.412 µg, serum 486 pg/mL (359 pmol/L), holoTC 80 pmol/L</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"day {Day:0.###}: stores {StoresMicrograms:0.0} µg, plasma {PlasmaMicrograms:0.###} µg, serum {SerumPicogramsPerMilliliter:0} pg/mL ({SerumPicomolesPerLiter:0} pmol/L), holoTC {HoloTranscobalaminPicomolesPerLiter:0} pmol/L");
}

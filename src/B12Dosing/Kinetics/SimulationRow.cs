using System.Globalization;

namespace B12Dosing.Kinetics;

/// <summary>
/// The state at one output time. Rows are taken just before any dose given at the same instant (trough values),
/// so the row at day 0 is the initial state; only an after-dose sample at offset zero
/// (<see cref="SimulationSettings.SamplesAfterDose"/>) is taken just after the doses at its instant.
/// <c>default(SimulationRow)</c> is the empty row: day 0, every amount and serum 0.
/// </summary>
public readonly record struct SimulationRow
{
    private readonly long _sinceLastDoseTicks;

    internal SimulationRow(double day, int doseNumber, long sinceLastDoseTicks, ref PatientRun run, double serum, double holoTc)
    {
        Day = day;
        DoseNumber = doseNumber;
        _sinceLastDoseTicks = sinceLastDoseTicks;
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

    /// <summary>
    /// The dosing interval the row is in: the number of dose instants before it (1 after the first dose, 0 before any),
    /// counting the doses at the row's instant only for a row taken just after them. All doses given at one instant
    /// (several tablets, a meal and a tablet) count as one.
    /// </summary>
    public int DoseNumber { get; }

    /// <summary>
    /// Time since the last dose before the row (the dose of <see cref="DoseNumber"/>), or null before the first dose.
    /// A row at the instant of a dose is taken before it, so its value is the whole interval since the dose before
    /// (the trough's time after dose), except an after-dose sample at offset zero, whose value is zero.
    /// </summary>
    public TimeSpan? TimeSinceLastDose => DoseNumber > 0 ? new TimeSpan(_sinceLastDoseTicks) : null;

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

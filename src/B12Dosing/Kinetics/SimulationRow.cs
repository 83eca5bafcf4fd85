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
    private readonly long _ticks;
    private readonly long _sinceLastDoseTicks;

    internal SimulationRow(long ticks, int doseNumber, long sinceLastDoseTicks, ref PatientRun run, double serum, double holoTc)
    {
        _ticks = ticks;
        DoseNumber = doseNumber;
        _sinceLastDoseTicks = sinceLastDoseTicks;
        StoresMicrograms = run.ReportedStores;
        LabileMicrograms = run.Labile;
        HoloTranscobalaminMicrograms = run.Transcobalamin;
        HoloHaptocorrinMicrograms = run.Haptocorrin;
        ProteinBoundMicrograms = run.ProteinBound;
        FreeMicrograms = run.Free;
        CumulativeUrinaryLossMicrograms = run.Urine.Sum;
        CumulativeFaecesMicrograms = run.Faeces.Sum;
        SerumPicogramsPerMilliliter = serum;
        HoloTranscobalaminPicomolesPerLiter = holoTc;
    }

    /// <summary>Time from the start (exact: the simulation's times are whole ticks).</summary>
    public TimeSpan Time => new(_ticks);

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

    /// <summary>Body stores (liver and tissue); never above <see cref="Absorption.ParameterSet.MaximumStores"/> unless they started there.</summary>
    public Mass Stores => Mass.FromMicrograms(StoresMicrograms);

    /// <summary>The labile excess: B12 kept from doses that the filling stores did not take up, lost faster than the stores.</summary>
    public Mass Labile => Mass.FromMicrograms(LabileMicrograms);

    /// <summary>B12 on transcobalamin in plasma (holoTC, "active B12"), as an amount.</summary>
    public Mass HoloTranscobalaminAmount => Mass.FromMicrograms(HoloTranscobalaminMicrograms);

    /// <summary>B12 on haptocorrin in plasma (holoHC).</summary>
    public Mass HoloHaptocorrin => Mass.FromMicrograms(HoloHaptocorrinMicrograms);

    /// <summary>Hydroxocobalamin bound to plasma proteins, released to the carriers over hours.</summary>
    public Mass ProteinBound => Mass.FromMicrograms(ProteinBoundMicrograms);

    /// <summary>Free B12 in the extracellular fluid, on its way to the urine.</summary>
    public Mass Free => Mass.FromMicrograms(FreeMicrograms);

    /// <summary>B12 in plasma and extracellular fluid: carriers, protein-bound and free.</summary>
    public Mass Plasma => Mass.FromMicrograms(PlasmaMicrograms);

    /// <summary>Serum B12 (pg/mL = ng/L): the carriers' B12 over the plasma volume plus free B12 over the extracellular volume (<c>docs/model.md</c>, 2.2).</summary>
    public MassConcentration Serum => MassConcentration.FromPicogramsPerMilliliter(SerumPicogramsPerMilliliter);

    /// <summary>Serum B12, molar (pmol/L).</summary>
    public Molarity SerumMolarity => Molarity.FromPicomolesPerLiter(SerumPicomolesPerLiter);

    /// <summary>Holotranscobalamin (active B12), molar (pmol/L).</summary>
    public Molarity HoloTranscobalamin => Molarity.FromPicomolesPerLiter(HoloTranscobalaminPicomolesPerLiter);

    /// <summary>B12 lost in urine since the start.</summary>
    public Mass CumulativeUrinaryLoss => Mass.FromMicrograms(CumulativeUrinaryLossMicrograms);

    /// <summary>B12 lost from the body in faeces and by other routes since the start (bile not reabsorbed, turnover, the labile excess).</summary>
    public Mass CumulativeFaeces => Mass.FromMicrograms(CumulativeFaecesMicrograms);

    /// <summary>Stores, labile excess and plasma.</summary>
    public Mass Body => Mass.FromMicrograms(BodyMicrograms);

    /// <summary><see cref="Time"/> in days, for the kernels.</summary>
    internal double Day => _ticks / (double)TimeSpan.TicksPerDay;

    /// <summary><see cref="Stores"/> in µg, for the kernels.</summary>
    internal double StoresMicrograms { get; }

    /// <summary><see cref="Labile"/> in µg, for the kernels.</summary>
    internal double LabileMicrograms { get; }

    /// <summary><see cref="HoloTranscobalaminAmount"/> in µg, for the kernels.</summary>
    internal double HoloTranscobalaminMicrograms { get; }

    /// <summary><see cref="HoloHaptocorrin"/> in µg, for the kernels.</summary>
    internal double HoloHaptocorrinMicrograms { get; }

    /// <summary><see cref="ProteinBound"/> in µg, for the kernels.</summary>
    internal double ProteinBoundMicrograms { get; }

    /// <summary><see cref="Free"/> in µg, for the kernels.</summary>
    internal double FreeMicrograms { get; }

    /// <summary><see cref="Plasma"/> in µg, for the kernels.</summary>
    internal double PlasmaMicrograms => HoloTranscobalaminMicrograms + HoloHaptocorrinMicrograms + ProteinBoundMicrograms + FreeMicrograms;

    /// <summary><see cref="Serum"/> in pg/mL, for the kernels.</summary>
    internal double SerumPicogramsPerMilliliter { get; }

    /// <summary><see cref="SerumMolarity"/> in pmol/L, for the kernels.</summary>
    internal double SerumPicomolesPerLiter => SerumModel.ToPicomolesPerLiter(SerumPicogramsPerMilliliter);

    /// <summary><see cref="HoloTranscobalamin"/> in pmol/L, for the kernels.</summary>
    internal double HoloTranscobalaminPicomolesPerLiter { get; }

    /// <summary><see cref="CumulativeUrinaryLoss"/> in µg, for the kernels.</summary>
    internal double CumulativeUrinaryLossMicrograms { get; }

    /// <summary><see cref="CumulativeFaeces"/> in µg, for the kernels.</summary>
    internal double CumulativeFaecesMicrograms { get; }

    /// <summary><see cref="Body"/> in µg, for the kernels.</summary>
    internal double BodyMicrograms => StoresMicrograms + LabileMicrograms + PlasmaMicrograms;

    /// <summary>Readable text such as <c>day 120: stores 2950.1 µg, plasma 1.412 µg, serum 486 pg/mL (359 pmol/L), holoTC 80 pmol/L</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"day {Day:0.###}: stores {StoresMicrograms:0.0} µg, plasma {PlasmaMicrograms:0.###} µg, serum {SerumPicogramsPerMilliliter:0} pg/mL ({SerumPicomolesPerLiter:0} pmol/L), holoTC {HoloTranscobalaminPicomolesPerLiter:0} pmol/L");
}

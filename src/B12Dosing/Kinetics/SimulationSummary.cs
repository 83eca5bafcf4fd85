using System.Globalization;

namespace B12Dosing.Kinetics;

/// <summary>
/// Totals over a simulation and its mass balance:
/// <c>dosed = (final body − initial body) + excreted + not absorbed</c>, where excreted = urine + faeces.
/// Every amount is a UnitsNet <see cref="Mass"/> in µg (the unit the model computes in, so no conversion rounds it).
/// </summary>
public readonly record struct SimulationSummary
{
    internal SimulationSummary(double totalDoseMicrograms, double totalAbsorbedMicrograms, double totalRetainedMicrograms, double notAbsorbedMicrograms, double totalUrineMicrograms, double totalFaecesMicrograms, double initialBodyMicrograms, double finalStoresMicrograms, double finalPlasmaMicrograms, double finalLabileMicrograms, double finalSerumPicogramsPerMilliliter, double finalHoloTranscobalaminPicomolesPerLiter)
    {
        TotalDoseMicrograms = totalDoseMicrograms;
        TotalAbsorbedMicrograms = totalAbsorbedMicrograms;
        TotalRetainedMicrograms = totalRetainedMicrograms;
        TotalUnabsorbedMicrograms = notAbsorbedMicrograms;
        TotalUrinaryLossMicrograms = totalUrineMicrograms;
        TotalFaecesMicrograms = totalFaecesMicrograms;
        InitialBodyMicrograms = initialBodyMicrograms;
        FinalStoresMicrograms = finalStoresMicrograms;
        FinalPlasmaMicrograms = finalPlasmaMicrograms;
        FinalLabileMicrograms = finalLabileMicrograms;
        FinalSerumPicogramsPerMilliliter = finalSerumPicogramsPerMilliliter;
        FinalHoloTranscobalaminPicomolesPerLiter = finalHoloTranscobalaminPicomolesPerLiter;
    }

    /// <summary>All doses given within the horizon.</summary>
    public Mass TotalDose => Mass.FromMicrograms(TotalDoseMicrograms);

    /// <summary>The part that reached the circulation.</summary>
    public Mass TotalAbsorbed => Mass.FromMicrograms(TotalAbsorbedMicrograms);

    /// <summary>The part kept after the early urinary loss.</summary>
    public Mass TotalRetained => Mass.FromMicrograms(TotalRetainedMicrograms);

    /// <summary>The part that never entered (faeces, nose).</summary>
    public Mass TotalUnabsorbed => Mass.FromMicrograms(TotalUnabsorbedMicrograms);

    /// <summary>Lost in urine.</summary>
    public Mass TotalUrinaryLoss => Mass.FromMicrograms(TotalUrinaryLossMicrograms);

    /// <summary>Lost from the body in faeces and by turnover (not counting unabsorbed dose).</summary>
    public Mass TotalFaeces => Mass.FromMicrograms(TotalFaecesMicrograms);

    /// <summary>All B12 in the body at time zero (stores and carriers in balance).</summary>
    public Mass InitialBody => Mass.FromMicrograms(InitialBodyMicrograms);

    /// <summary>Stores at the horizon.</summary>
    public Mass FinalStores => Mass.FromMicrograms(FinalStoresMicrograms);

    /// <summary>B12 in plasma and extracellular fluid at the horizon.</summary>
    public Mass FinalPlasma => Mass.FromMicrograms(FinalPlasmaMicrograms);

    /// <summary>The labile excess at the horizon.</summary>
    public Mass FinalLabile => Mass.FromMicrograms(FinalLabileMicrograms);

    /// <summary>Serum B12 at the horizon (pg/mL).</summary>
    public MassConcentration FinalSerum => MassConcentration.FromPicogramsPerMilliliter(FinalSerumPicogramsPerMilliliter);

    /// <summary>Serum B12 at the horizon, molar (pmol/L).</summary>
    public Molarity FinalSerumMolarity => Molarity.FromPicomolesPerLiter(FinalSerumPicomolesPerLiter);

    /// <summary>Holotranscobalamin (active B12) at the horizon (pmol/L).</summary>
    public Molarity FinalHoloTranscobalamin => Molarity.FromPicomolesPerLiter(FinalHoloTranscobalaminPicomolesPerLiter);

    /// <summary>Urine + faeces.</summary>
    public Mass TotalExcreted => Mass.FromMicrograms(TotalExcretedMicrograms);

    /// <summary>Stores, labile excess and plasma at the horizon.</summary>
    public Mass FinalBody => Mass.FromMicrograms(FinalBodyMicrograms);

    /// <summary>
    /// <c>dosed − (Δbody + excreted + not absorbed)</c>; zero up to rounding. It may be negative, which a UnitsNet
    /// <see cref="Mass"/> holds as well (in µg). Its scale is <see cref="MassBalanceScale"/>, not the dose: see
    /// <see cref="MassBalanceRelativeError"/>.
    /// </summary>
    public Mass MassBalanceError => Mass.FromMicrograms(MassBalanceErrorMicrograms);

    /// <summary>
    /// The amount the mass balance is reckoned on: everything that was in the body or entered it, the initial body
    /// content plus all doses (<see cref="InitialBody"/> + <see cref="TotalDose"/>). Rounding is relative to the amounts
    /// the simulation carries, so a dose of 1 ng on 1 g of stores is balanced to about 1e-13 of the gram, not of the nanogram.
    /// </summary>
    public Mass MassBalanceScale => Mass.FromMicrograms(MassBalanceScaleMicrograms);

    /// <summary>
    /// <see cref="MassBalanceError"/> over <see cref="MassBalanceScale"/> (0 when both are 0): the documented bound is
    /// 1e-9 (the tests hold it for every legal physiology, dose and stores over horizons up to 100 years; typical values are
    /// 1e-15 to 1e-13).
    /// </summary>
    public double MassBalanceRelativeError => MassBalanceScaleMicrograms > 0 ? MassBalanceErrorMicrograms / MassBalanceScaleMicrograms : 0;

    /// <summary><see cref="MassBalanceScale"/> in µg, for the kernels.</summary>
    internal double MassBalanceScaleMicrograms => InitialBodyMicrograms + TotalDoseMicrograms;

    /// <summary><see cref="TotalDose"/> in µg, for the kernels.</summary>
    internal double TotalDoseMicrograms { get; }

    /// <summary><see cref="TotalAbsorbed"/> in µg, for the kernels.</summary>
    internal double TotalAbsorbedMicrograms { get; }

    /// <summary><see cref="TotalRetained"/> in µg, for the kernels.</summary>
    internal double TotalRetainedMicrograms { get; }

    /// <summary><see cref="TotalUnabsorbed"/> in µg, for the kernels.</summary>
    internal double TotalUnabsorbedMicrograms { get; }

    /// <summary><see cref="TotalUrinaryLoss"/> in µg, for the kernels.</summary>
    internal double TotalUrinaryLossMicrograms { get; }

    /// <summary><see cref="TotalFaeces"/> in µg, for the kernels.</summary>
    internal double TotalFaecesMicrograms { get; }

    /// <summary><see cref="InitialBody"/> in µg, for the kernels.</summary>
    internal double InitialBodyMicrograms { get; }

    /// <summary><see cref="FinalStores"/> in µg, for the kernels.</summary>
    internal double FinalStoresMicrograms { get; }

    /// <summary><see cref="FinalPlasma"/> in µg, for the kernels.</summary>
    internal double FinalPlasmaMicrograms { get; }

    /// <summary><see cref="FinalLabile"/> in µg, for the kernels.</summary>
    internal double FinalLabileMicrograms { get; }

    /// <summary><see cref="FinalSerum"/> in pg/mL, for the kernels.</summary>
    internal double FinalSerumPicogramsPerMilliliter { get; }

    /// <summary><see cref="FinalHoloTranscobalamin"/> in pmol/L, for the kernels.</summary>
    internal double FinalHoloTranscobalaminPicomolesPerLiter { get; }

    /// <summary><see cref="TotalExcreted"/> in µg, for the kernels.</summary>
    internal double TotalExcretedMicrograms => TotalUrinaryLossMicrograms + TotalFaecesMicrograms;

    /// <summary><see cref="FinalBody"/> in µg, for the kernels.</summary>
    internal double FinalBodyMicrograms => FinalStoresMicrograms + FinalLabileMicrograms + FinalPlasmaMicrograms;

    /// <summary><see cref="FinalSerumMolarity"/> in pmol/L, for the kernels.</summary>
    internal double FinalSerumPicomolesPerLiter => SerumModel.ToPicomolesPerLiter(FinalSerumPicogramsPerMilliliter);

    /// <summary><see cref="MassBalanceError"/> in µg, for the kernels.</summary>
    internal double MassBalanceErrorMicrograms =>
        TotalDoseMicrograms - ((FinalBodyMicrograms - InitialBodyMicrograms) + TotalExcretedMicrograms + TotalUnabsorbedMicrograms);

    /// <summary>A readable multi-line summary.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        dosed {TotalDoseMicrograms:0.##} µg, absorbed {TotalAbsorbedMicrograms:0.##} µg, retained {TotalRetainedMicrograms:0.##} µg, not absorbed {TotalUnabsorbedMicrograms:0.##} µg
        excreted {TotalExcretedMicrograms:0.##} µg (urine {TotalUrinaryLossMicrograms:0.##}, faeces and turnover {TotalFaecesMicrograms:0.##})
        stores {FinalStoresMicrograms:0.#} µg, serum {FinalSerumPicogramsPerMilliliter:0} pg/mL ({FinalSerumPicomolesPerLiter:0} pmol/L), holoTC {FinalHoloTranscobalaminPicomolesPerLiter:0} pmol/L; mass balance error {MassBalanceErrorMicrograms:G2} µg
        """);
}

using System.Globalization;

namespace B12Dosing.Kinetics;

/// <summary>
/// Totals over a simulation, µg, and its mass balance:
/// <c>dosed = (final body − initial body) + excreted + not absorbed</c>, where excreted = urine + faeces.
/// </summary>
/// <param name="TotalDoseMicrograms">All doses given within the horizon.</param>
/// <param name="TotalAbsorbedMicrograms">The part that reached the circulation.</param>
/// <param name="TotalRetainedMicrograms">The part kept after the early urinary loss.</param>
/// <param name="NotAbsorbedMicrograms">The part that never entered (faeces, nose).</param>
/// <param name="TotalUrineMicrograms">Lost in urine.</param>
/// <param name="TotalFaecesMicrograms">Lost from the body in faeces and by turnover (not counting unabsorbed dose).</param>
/// <param name="InitialBodyMicrograms">All B12 in the body at time zero (stores and carriers in balance).</param>
/// <param name="FinalStoresMicrograms">Stores at the horizon.</param>
/// <param name="FinalPlasmaMicrograms">B12 in plasma and extracellular fluid at the horizon.</param>
/// <param name="FinalLabileMicrograms">The labile excess at the horizon.</param>
/// <param name="FinalSerumPicogramsPerMilliliter">Serum B12 at the horizon, pg/mL.</param>
/// <param name="FinalHoloTranscobalaminPicomolesPerLiter">Holotranscobalamin (active B12) at the horizon, pmol/L.</param>
public readonly record struct SimulationSummary(
    double TotalDoseMicrograms,
    double TotalAbsorbedMicrograms,
    double TotalRetainedMicrograms,
    double NotAbsorbedMicrograms,
    double TotalUrineMicrograms,
    double TotalFaecesMicrograms,
    double InitialBodyMicrograms,
    double FinalStoresMicrograms,
    double FinalPlasmaMicrograms,
    double FinalLabileMicrograms,
    double FinalSerumPicogramsPerMilliliter,
    double FinalHoloTranscobalaminPicomolesPerLiter)
{
    /// <summary>Urine + faeces, µg.</summary>
    public double TotalExcretedMicrograms => TotalUrineMicrograms + TotalFaecesMicrograms;

    /// <summary>Stores, labile excess and plasma at the horizon, µg.</summary>
    public double FinalBodyMicrograms => FinalStoresMicrograms + FinalLabileMicrograms + FinalPlasmaMicrograms;

    /// <summary>Serum B12 at the horizon, pmol/L.</summary>
    public double FinalSerumPicomolesPerLiter => SerumModel.ToPicomolesPerLiter(FinalSerumPicogramsPerMilliliter);

    /// <summary><c>dosed − (Δbody + excreted + not absorbed)</c>, µg; zero up to rounding.</summary>
    public double MassBalanceErrorMicrograms =>
        TotalDoseMicrograms - ((FinalBodyMicrograms - InitialBodyMicrograms) + TotalExcretedMicrograms + NotAbsorbedMicrograms);

    /// <summary>A readable multi-line summary.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        dosed {TotalDoseMicrograms:0.##} µg, absorbed {TotalAbsorbedMicrograms:0.##} µg, retained {TotalRetainedMicrograms:0.##} µg, not absorbed {NotAbsorbedMicrograms:0.##} µg
        excreted {TotalExcretedMicrograms:0.##} µg (urine {TotalUrineMicrograms:0.##}, faeces and turnover {TotalFaecesMicrograms:0.##})
        stores {FinalStoresMicrograms:0.#} µg, serum {FinalSerumPicogramsPerMilliliter:0} pg/mL ({FinalSerumPicomolesPerLiter:0} pmol/L), holoTC {FinalHoloTranscobalaminPicomolesPerLiter:0} pmol/L; mass balance error {MassBalanceErrorMicrograms:G2} µg
        """);
}

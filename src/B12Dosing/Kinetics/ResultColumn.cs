using System.Globalization;

namespace B12Dosing.Kinetics;

/// <summary>
/// One column of a result written as data (<see cref="SimulationResult.WriteCsv"/>): its field name, which carries the
/// unit (<c>stores_ug</c>) and is the same in the CSV header and in the tool's JSON, the unit itself, and what it holds.
/// </summary>
/// <param name="Name">The field name: snake_case, ending in the unit (<c>_ug</c>, <c>_pg_per_ml</c>, <c>_h</c>) where there is one.</param>
/// <param name="Unit">The unit (<c>µg</c>, <c>pg/mL</c>, <c>d</c>, <c>h</c>), empty for a count.</param>
/// <param name="Description">What the column holds.</param>
public readonly record struct ResultColumn(string Name, string Unit, string Description);

/// <summary>The columns of a <see cref="SimulationRow"/> as data: defined once for the CSV of the library and the JSON of the tool.</summary>
internal static class SimulationColumns
{
    public static readonly (ResultColumn Column, Func<SimulationRow, double?> Value)[] All =
    [
        (new("day", "d", "time from the start, days"), r => r.Day),
        (new("dose_number", "", "the dosing interval: dose instants before the row (0 before the first dose)"), r => r.DoseNumber),
        (new("time_since_last_dose_h", "h", "time since the last dose, hours (empty before the first dose)"), r => r.TimeSinceLastDose?.TotalHours),
        (new("stores_ug", "µg", "body stores (liver and tissue)"), r => r.StoresMicrograms),
        (new("plasma_ug", "µg", "B12 in plasma and extracellular fluid: carriers, protein-bound and free"), r => r.PlasmaMicrograms),
        (new("serum_pg_per_ml", "pg/mL", "serum B12 (= ng/L)"), r => r.SerumPicogramsPerMilliliter),
        (new("serum_pmol_per_l", "pmol/L", "serum B12, molar"), r => r.SerumPicomolesPerLiter),
        (new("cumulative_urine_ug", "µg", "B12 lost in urine since the start"), r => r.CumulativeUrinaryLossMicrograms),
        (new("cumulative_faeces_ug", "µg", "B12 lost in faeces and by turnover since the start"), r => r.CumulativeFaecesMicrograms),
        (new("holotc_pmol_per_l", "pmol/L", "holotranscobalamin, active B12"), r => r.HoloTranscobalaminPicomolesPerLiter),
        (new("labile_ug", "µg", "the labile excess: retained above what the stores accept, released over weeks"), r => r.LabileMicrograms),
        (new("holotc_ug", "µg", "B12 on transcobalamin in plasma (part of plasma_ug)"), r => r.HoloTranscobalaminMicrograms),
        (new("holohc_ug", "µg", "B12 on haptocorrin in plasma (part of plasma_ug)"), r => r.HoloHaptocorrinMicrograms),
        (new("protein_bound_ug", "µg", "B12 bound to other plasma proteins (part of plasma_ug)"), r => r.ProteinBoundMicrograms),
        (new("free_ug", "µg", "free B12 in the extracellular fluid (part of plasma_ug)"), r => r.FreeMicrograms),
        (new("body_ug", "µg", "all B12 in the body: stores + labile + plasma"), r => r.BodyMicrograms),
    ];

    public static readonly IReadOnlyList<ResultColumn> Columns = [.. All.Select(c => c.Column)];

    /// <summary>One cell: the shortest invariant text that reads back to the same number, empty for no value.</summary>
    public static string Cell(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
}

using B12Dosing.Absorption;

namespace B12Dosing.Kinetics;

/// <summary>The body's state at one output time (what the allocation-free <see cref="Simulator"/> path writes).</summary>
/// <param name="StoresMicrograms">Body stores (liver and tissue), µg.</param>
/// <param name="PlasmaMicrograms">B12 in plasma and extracellular fluid (carriers, protein-bound and free), µg.</param>
/// <param name="SerumPicogramsPerMilliliter">Serum B12, pg/mL.</param>
/// <param name="HoloTranscobalaminPicomolesPerLiter">Holotranscobalamin (active B12), pmol/L.</param>
public readonly record struct PoolState(double StoresMicrograms, double PlasmaMicrograms, double SerumPicogramsPerMilliliter, double HoloTranscobalaminPicomolesPerLiter);

/// <summary>One intake of a <see cref="SimulationPlan"/> and what becomes of it at <see cref="Day"/> (before the store limit of the run).</summary>
/// <param name="Day">When, in days from time zero.</param>
/// <param name="Outcome">Dose, absorbed and retained amounts and where the retained part goes, µg.</param>
public readonly record struct IntakeOutcome(double Day, DoseOutcome Outcome);

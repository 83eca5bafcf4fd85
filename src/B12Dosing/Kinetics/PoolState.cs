using B12Dosing.Absorption;

namespace B12Dosing.Kinetics;

/// <summary>The body's two pools at one output time, µg (what the allocation-free <see cref="Simulator"/> path writes).</summary>
/// <param name="StoresMicrograms">Body stores (liver and tissue), µg.</param>
/// <param name="PlasmaMicrograms">B12 in the plasma (transit) pool on its way to the stores, µg.</param>
public readonly record struct PoolState(double StoresMicrograms, double PlasmaMicrograms);

/// <summary>One intake of a <see cref="SimulationPlan"/> and what becomes of it: <see cref="DoseOutcome.Retained"/> joins the plasma pool at <see cref="Day"/>.</summary>
/// <param name="Day">When, in days from time zero.</param>
/// <param name="Outcome">Dose, absorbed and retained amounts, µg.</param>
public readonly record struct IntakeOutcome(double Day, DoseOutcome Outcome);

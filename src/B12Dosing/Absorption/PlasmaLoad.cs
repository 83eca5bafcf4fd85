namespace B12Dosing.Absorption;

/// <summary>The renal constant of free B12 that both the time course and its readouts use.</summary>
internal static class PlasmaLoad
{
    /// <summary>The renal rate constant of free cyanocobalamin, per hour: GFR over the extracellular volume.</summary>
    public static double RenalPerHour(Physiology p) => p.GlomerularFiltrationMillilitersPerMinute * 60 / 1000 / p.ExtracellularVolumeLiters;
}

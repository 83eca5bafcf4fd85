using System.Globalization;
using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using B12Dosing.Regimens;

namespace B12Dosing.Teaching.Tests;

/// <summary>One row of a page's results table against the library's simulation of the same regimen and settings.</summary>
internal static class RunRow
{
    /// <summary>
    /// Fails unless the row's cells (read by <paramref name="cell"/> from a <c>[data-value=…]</c> selector) show the
    /// library's doses, total absorbed, final serum, holoTC and stores, and the guideline's band at the end.
    /// </summary>
    public static void Equal(Func<string, string> cell, string label, Regimen regimen, SimulationSettings settings, SerumGuideline guideline)
    {
        var summary = Simulator.Run(regimen, settings).Summary;
        Assert.Equal(regimen.Events(settings.Horizon).Length.ToString(CultureInfo.InvariantCulture), cell("[data-value=doses]"));
        Printed.Equal(summary.TotalAbsorbed.Micrograms, cell("[data-value=absorbed]"), $"{label} absorbed");
        Printed.Equal(summary.FinalSerum.PicogramsPerMilliliter, cell("[data-value=serum]"), $"{label} serum");
        Printed.Equal(summary.FinalHoloTranscobalamin.PicomolesPerLiter, cell("[data-value=holotc]"), $"{label} holoTC");
        Printed.Equal(summary.FinalStores.Micrograms, cell("[data-value=stores]"), $"{label} stores");
        var band = guideline.Analyte == SerumAnalyte.ActiveB12 ? guideline.Classify(summary.FinalHoloTranscobalamin) : guideline.Classify(summary.FinalSerum);
        Assert.Equal(guideline.Describe(band), cell("[data-value=band]"));
    }
}

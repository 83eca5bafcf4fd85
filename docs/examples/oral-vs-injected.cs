#:property PublishAot=false
#:project ../../src/B12Dosing/B12Dosing.csproj
#:project ../../src/B12Dosing.Charts/B12Dosing.Charts.csproj

// The same 1000 µg of vitamin B12 by every route, in a healthy person and in one without intrinsic factor
// (pernicious anaemia). Run:  dotnet run docs/examples/oral-vs-injected.cs [-- --svg oral-vs-injected.svg]
// For research and teaching; not medical advice.
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Charts;
using B12Dosing.Dosing;
using B12Dosing.Quantities;
using UnitsNet;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var amount = Mass.FromMicrograms(1000);
Dose[] doses =
[
    Dose.Oral(amount), Dose.Sublingual(amount), Dose.Intranasal(amount),
    Dose.Intramuscular(amount), Dose.Intramuscular(amount, CobalaminForm.Hydroxocobalamin),
    Dose.Subcutaneous(amount), Dose.Intravenous(amount),
];

Console.WriteLine("1000 µg of vitamin B12 by each route: µg absorbed, and µg kept after the urinary loss of the first 72 h");
Console.WriteLine();
Console.WriteLine($"{"dose",-34} {"healthy: absorbed",18} {"kept",8}   {"no IF: absorbed",16} {"kept",8}");
foreach (var dose in doses)
{
    var healthy = AbsorptionModel.Evaluate(dose, ParameterSet.Healthy);
    var noIf = AbsorptionModel.Evaluate(dose, ParameterSet.PerniciousAnemia);
    Console.WriteLine($"{dose,-34} {healthy.Absorbed.Micrograms,18:F1} {healthy.Retained.Micrograms,8:F1}   {noIf.Absorbed.Micrograms,16:F1} {noIf.Retained.Micrograms,8:F1}");
}

var oral = AbsorptionModel.Evaluate(Dose.Oral(amount), ParameterSet.Healthy).Retained.Micrograms;
var im = AbsorptionModel.Evaluate(Dose.Intramuscular(amount), ParameterSet.Healthy).Retained.Micrograms;
var imHydroxo = AbsorptionModel.Evaluate(Dose.Intramuscular(amount, CobalaminForm.Hydroxocobalamin), ParameterSet.Healthy).Retained.Micrograms;
Console.WriteLine();
Console.WriteLine($"An IM injection keeps {im / oral:F0} times what the same oral dose keeps ({imHydroxo / oral:F0} times as hydroxocobalamin), not 1000 times.");
Console.WriteLine();
Console.WriteLine("Reading: by mouth (or under the tongue) a healthy gut takes up about 1.4 µg through intrinsic factor (IF)");
Console.WriteLine("plus about 1.2 % by passive diffusion; without IF only the passive part is left, which is why a large daily");
Console.WriteLine("tablet still works in pernicious anaemia. An injection puts the whole dose into the blood, but the kidneys");
Console.WriteLine("lose most of a large dose within days. Hydroxocobalamin, mostly protein-bound, is kept best; an IV bolus worst.");

if (args.Length == 2 && args[0] == "--svg")
{
    // Kept against dose on log axes, from 1 µg to 10 mg: where each route saturates.
    double[] amounts = [.. Enumerable.Range(0, 41).Select(i => Math.Pow(10, i / 10.0))];
    ChartSeries Curve(string name, Func<Mass, Dose> route, ParameterSet physiology) => new(
        name, amounts.Select(a => new ChartPoint(a, AbsorptionModel.Evaluate(route(Mass.FromMicrograms(a)), physiology).Retained.Micrograms)));
    var chart = new SvgChart(
        "B12 kept from one dose, by route",
        new ChartAxis("Dose (µg)", AxisScale.Log10),
        new ChartAxis("Kept after 72 h (µg)", AxisScale.Log10),
        [
            Curve("IM hydroxocobalamin", a => Dose.Intramuscular(a, CobalaminForm.Hydroxocobalamin), ParameterSet.Healthy),
            Curve("IM or SC cyanocobalamin", a => Dose.Intramuscular(a), ParameterSet.Healthy),
            Curve("IV cyanocobalamin", a => Dose.Intravenous(a), ParameterSet.Healthy),
            Curve("oral or sublingual, healthy", a => Dose.Oral(a), ParameterSet.Healthy),
            Curve("intranasal", a => Dose.Intranasal(a), ParameterSet.Healthy),
            Curve("oral or sublingual, no IF (pernicious anaemia)", a => Dose.Oral(a), ParameterSet.PerniciousAnemia),
        ]);
    File.WriteAllText(args[1], chart.ToSvg());
    Console.WriteLine($"Chart written to {args[1]}");
}

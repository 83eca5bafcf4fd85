#:property PublishAot=false
#:project ../../src/B12Dosing/B12Dosing.csproj
#:project ../../src/B12Dosing.Charts/B12Dosing.Charts.csproj

// Pernicious anaemia (no intrinsic factor): oral 1000-2000 µg a day against the published IM protocols, over the
// first year of treatment. Stores, serum, and how long each takes to refill the stores. Model 3
// (ParameterSet.WithFreeCapacity(): the carriers' free capacity, absorption over hours), which fits daily tablets
// (Sharabi 2003, OPEN) as well as injections; the library's default, model 2, puts serum on them 4-8 times too high.
// Run:  dotnet run docs/examples/pernicious-anaemia.cs [-- --svg pernicious-anaemia.svg]
// For research and teaching; not medical advice.
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Charts;
using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using UnitsNet;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string[] protocols = ["oral-1000-daily", "kuzminski-oral", "kuzminski-im", "stabler-2013", "bnf-no-neuro", "bnf-neuro", "us-label-cyanocobalamin"];

// At diagnosis: stores at half the smallest store consistent with health (300 µg, IOM 1998), an assumption.
var settings = new SimulationSettings(TimeSpan.FromDays(365))
{
    ParameterSet = ParameterSet.PerniciousAnemia.WithFreeCapacity(),
    InitialStores = Mass.FromMicrograms(150),
};
var results = protocols.ToDictionary(name => name, name => Simulator.Run(RegimenCatalogue.Get(name).Regimen, settings));

static string Day(SimulationResult result, double stores) =>
    result.TryFindTimeStoresReach(Mass.FromMicrograms(stores), out var time) ? time.TotalDays.ToString("F1") : "never";

var start = results[protocols[0]].Series[0];
Console.WriteLine($"Pernicious anaemia, first year of treatment. At diagnosis: stores {start.Stores.Micrograms:F0} µg, serum {start.Serum.PicogramsPerMilliliter:F0} pg/mL.");
Console.WriteLine("Stores (µg) on days 30, 90 and 365; serum (pg/mL) on day 120 (the Kuzminski 1998 comparison) and day 365;");
Console.WriteLine("days until the stores pass 300 µg (the smallest healthy store, IOM 1998) and 2500 µg (the average adult, Carmel 2008).");
Console.WriteLine();
Console.WriteLine($"{"protocol",-25} {"d30",7} {"d90",7} {"d365",7} {"serum d120",11} {"serum d365",11} {"300 µg by",10} {"2500 µg by",11}  dosed in year");
foreach (var (name, r) in results)
{
    Console.WriteLine(
        $"{name,-25} {r.Series[30].Stores.Micrograms,7:F0} {r.Series[90].Stores.Micrograms,7:F0} {r.Series[365].Stores.Micrograms,7:F0} " +
        $"{r.Series[120].Serum.PicogramsPerMilliliter,11:F0} {r.Series[365].Serum.PicogramsPerMilliliter,11:F0} " +
        $"{Day(r, 300),10} {Day(r, 2500),11}  {r.Summary.TotalDose.Micrograms / 1000,8:F1} mg");
}

Console.WriteLine();
foreach (var name in protocols)
{
    Console.WriteLine($"{name,-25} {RegimenCatalogue.Get(name).Notation}");
}

Console.WriteLine();
var oral = results["kuzminski-oral"].Series[365].Stores.Micrograms;
var im = results["kuzminski-im"].Series[365].Stores.Micrograms;
Console.WriteLine($"After a year, 2000 µg by mouth daily has put {oral / im:F1} times the stores of the Kuzminski IM arm in place.");
Console.WriteLine();
Console.WriteLine("Reading: without intrinsic factor only about 1 % of an oral dose is absorbed, but 1 % of 2000 µg every");
Console.WriteLine("day adds up to more than injections every one to three months keep, so the daily high-dose tablet refills");
Console.WriteLine("the stores (Kuzminski 1998 found it at least as effective as IM). The hydroxocobalamin loading phases of the");
Console.WriteLine("BNF protocols refill the stores within days; the cyanocobalamin protocols more slowly.");
Console.WriteLine();
Console.WriteLine("Model 3 (the carriers' free capacity; docs/model.md 1.2b), within the bands of the trials of daily tablets");
Console.WriteLine("(Sharabi 2003: 500 µg a day; OPEN, Dangour 2015: 1 mg a day; docs/examples/oral-supplements.cs). The library's");
Console.WriteLine($"default, model 2, would put kuzminski-oral's serum on day 365 at {Simulator.Run(RegimenCatalogue.Get("kuzminski-oral").Regimen, settings with { ParameterSet = ParameterSet.PerniciousAnemia }).Series[365].Serum.PicogramsPerMilliliter:F0} pg/mL, several times too high.");
Console.WriteLine("For research and teaching, not medical advice.");

const double DaysPerMonth = 365.0 / 12;
if (args.Length == 2 && args[0] == "--svg")
{
    var months = new ChartAxis("Time (months)");
    ChartSeries[] Curves(Func<SimulationRow, double> value) =>
        [.. results.Select(p => new ChartSeries(p.Key, p.Value.Series.Select(row => new ChartPoint(row.Time.TotalDays / DaysPerMonth, value(row)))))];
    var stores = new SvgChart("Pernicious anaemia: body stores in the first year of treatment (model 3)", months,
            new ChartAxis("Body stores (µg)", includeZero: true), Curves(row => row.Stores.Micrograms))
        .WithBand(new ThresholdBand("below the smallest healthy store, 300 µg", 0, 300, BandTone.Danger));
    // Log serum axis: the peaks after each injection are tens of times the NICE thresholds, which stay readable.
    var serum = new SvgChart("Serum B12 against NICE NG239 (model 3, the carriers' free capacity)", months,
            new ChartAxis("Serum B12 (pg/mL)", AxisScale.Log10), Curves(row => row.Serum.PicogramsPerMilliliter))
        .WithBands(SerumGuidelines.NiceTotal.ChartBands(SerumUnit.PicogramsPerMilliliter));
    var chart = new SvgFigure([stores, serum]);
    File.WriteAllText(args[1], chart.ToSvg());
    Console.WriteLine($"Chart written to {args[1]}");
}

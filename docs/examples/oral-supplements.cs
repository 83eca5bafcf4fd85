#:property PublishAot=false
#:project ../../src/B12Dosing/B12Dosing.csproj
#:project ../../src/B12Dosing.Charts/B12Dosing.Charts.csproj

// Oral supplements as people take them: a tablet every day. Serum B12 and active B12 (holotranscobalamin, holoTC)
// over 16 weeks on 10, 100, 500, 1000 and 2000 µg a day by mouth, against the two trials of daily tablets (Sharabi
// 2003: 500 µg a day for 4 weeks; OPEN, Dangour 2015: 1 mg a day for a year), and the Schilling test in health and in
// pernicious anaemia. Model 3 (the carriers' free capacity, absorption over hours): the presets' own form when they
// are model 3, else their model-3 form (ParameterSet.WithFreeCapacity). Where the model misses a published figure the
// table prints the gap (model, published, ratio, difference) and the chart names it.
// Run:  dotnet run docs/examples/oral-supplements.cs [-- --svg oral-supplements.svg]
// For research and teaching; not medical advice.
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.AbsorptionTests;
using B12Dosing.Charts;
using B12Dosing.Dosing;
using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using UnitsNet;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

static ParameterSet ModelThree(ParameterSet p) => p.CarrierModel == PlasmaCarrierModel.FreeCapacity ? p : p.WithFreeCapacity();
var healthy = ModelThree(ParameterSet.Healthy);

// The stores at which the model's serum before the first tablet is a study's baseline (pmol/L): serum rises with the
// stores, so bisect on them (on a log scale, 10 µg to 11 mg).
double StoresFor(double baselinePicomolar)
{
    double Serum(double stores) => Simulator.Run([], new SimulationSettings(TimeSpan.FromHours(1)) { ParameterSet = healthy, InitialStores = Mass.FromMicrograms(stores) }).Series[0].SerumMolarity.PicomolesPerLiter;
    var (low, high) = (Math.Log(10), Math.Log(healthy.MaximumStores.Micrograms));
    for (var i = 0; i < 60; i++)
    {
        var mid = (low + high) / 2;
        (low, high) = Serum(Math.Exp(mid)) < baselinePicomolar ? (mid, high) : (low, mid);
    }

    return Math.Exp((low + high) / 2);
}

// One tablet a day at the same hour; a row every day just before that day's tablet (24 h after the last: the trough).
SimulationResult Daily(double dose, int days, double stores) => Simulator.Run(
    Enumerable.Range(0, days).Select(d => new DoseEvent(TimeSpan.FromDays(d), Dose.Oral(Mass.FromMicrograms(dose)))),
    new SimulationSettings(TimeSpan.FromDays(days)) { ParameterSet = healthy, InitialStores = Mass.FromMicrograms(stores) });

// (a) 16 weeks of each daily dose from Sharabi's baseline, 108 pmol/L (adults with low serum B12).
const int Weeks = 16;
const double SharabiBaseline = 108, SharabiDay28 = 286, SharabiSd = 87;
var sharabiStores = StoresFor(SharabiBaseline);
double[] doses = [10, 100, 500, 1000, 2000];
var runs = doses.Select(d => (Dose: d, Result: Daily(d, 7 * Weeks, sharabiStores))).ToArray();

Console.WriteLine($"(a) A tablet a day for {Weeks} weeks, healthy adults starting at serum {SharabiBaseline:F0} pmol/L (stores {sharabiStores:F0} µg): trough serum | holoTC, pmol/L.");
Console.WriteLine();
Console.WriteLine($"{"µg a day",-9}" + string.Concat(Enumerable.Range(0, Weeks / 4 + 1).Select(w => $"{"week " + (4 * w),17}")));
foreach (var (dose, result) in runs)
{
    Console.WriteLine($"{dose,-9:F0}" + string.Concat(Enumerable.Range(0, Weeks / 4 + 1).Select(w => result.Series[28 * w]).Select(r => $"{$"{r.SerumMolarity.PicomolesPerLiter:F0} | {r.HoloTranscobalamin.PicomolesPerLiter:F1}",17}")));
}

static string Gap(double model, double published) => $"model {model:F0}, published {published:F0}: ratio {model / published:F2}, difference {model - published:+0;-0;0} pmol/L";

var sharabiModel = runs.Single(r => r.Dose == 500).Result.Series[28].SerumMolarity.PicomolesPerLiter;
Console.WriteLine();
Console.WriteLine($"Sharabi 2003 (500 µg a day, serum at 4 weeks, {SharabiDay28:F0} ± {SharabiSd:F0} pmol/L): {Gap(sharabiModel, SharabiDay28)} ({(Math.Abs(sharabiModel - SharabiDay28) <= SharabiSd ? "within" : "outside")} one SD).");

// (b) OPEN (Dangour 2015): a year of 1 mg a day from serum 231 pmol/L (the placebo arm's level; holoTC 56).
const double OpenBaseline = 231, OpenSerum = 641, OpenHoloTC = 240, OpenHoloTCBaseline = 56;
var openStores = StoresFor(OpenBaseline);
var open = Daily(1000, 365, openStores);
var (openStart, openEnd) = (open.Series[0], open.Series[^1]);
Console.WriteLine();
Console.WriteLine($"(b) OPEN: 1 mg a day for a year from serum {OpenBaseline:F0} pmol/L (stores {openStores:F0} µg), sampled 24 h after the last tablet (the trial does not say when):");
Console.WriteLine($"    serum at a year:  {Gap(openEnd.SerumMolarity.PicomolesPerLiter, OpenSerum)}");
Console.WriteLine($"    holoTC at a year: {Gap(openEnd.HoloTranscobalamin.PicomolesPerLiter, OpenHoloTC)}");
Console.WriteLine($"    holoTC before:    {Gap(openStart.HoloTranscobalamin.PicomolesPerLiter, OpenHoloTCBaseline)}");

// (c) The Schilling test: 1 µg by mouth, 1000 µg IM at 2 h, 24-h urine; the oral dose's urine is the difference of
// two runs, with and without it (the library's SchillingTest). Hourly curves of that difference for the chart.
(string Name, ParameterSet ParameterSet, bool WithIf)[] people =
[
    ("healthy", healthy, false),
    ("pernicious anaemia", ModelThree(ParameterSet.PerniciousAnemia), false),
    ("pernicious anaemia, IF given", ModelThree(ParameterSet.PerniciousAnemia), true),
];
var schilling = people.Select(p => (p.Name, Result: (SchillingTest.Standard with { WithIntrinsicFactor = p.WithIf }).Run(p.ParameterSet))).ToArray();
Console.WriteLine();
Console.WriteLine($"(c) The Schilling test ({SchillingTest.Standard.OralDose.Micrograms:F0} µg by mouth, {SchillingTest.Standard.FlushDose.Micrograms:F0} µg IM at {SchillingTest.Standard.FlushTime.TotalHours:F0} h, 24-h urine; the difference of two runs):");
Console.WriteLine($"    published: at least {SchillingTest.NormalAtLeast:P0} of the oral dose in health, under {SchillingTest.LowBelow:P0} without intrinsic factor, normal again with it given.");
foreach (var (name, result) in schilling)
{
    Console.WriteLine($"    {name + ":",-30} {result.ExcretedFraction,6:P1} ({result.Reading.ToString().ToLowerInvariant()})");
}

Console.WriteLine();
Console.WriteLine("Reading: a daily tablet raises serum with the dose; above a few hundred µg a day the passive 1 % dominates. holoTC");
Console.WriteLine("rises over weeks as the stores fill (model 3). The Schilling test works because B12 absorbed with intrinsic factor reaches the blood");
Console.WriteLine("hours after the flush has filled the carriers, and is filtered into the urine. For research and teaching, not medical advice.");

if (args.Length == 2 && args[0] == "--svg")
{
    var weeks = new ChartAxis("Time (weeks)");
    ChartSeries[] Curves(Func<SimulationRow, double> value) =>
        [.. runs.Select((r, i) => new ChartSeries($"{r.Dose:F0} µg a day", r.Result.Series.Select(row => new ChartPoint(row.Time.TotalDays / 7, value(row)))) { PaletteIndex = i })];
    var serum = new SvgChart($"Serum B12 on a daily tablet, from {SharabiBaseline:F0} pmol/L", weeks, new ChartAxis("Serum B12 (pmol/L)", AxisScale.Log10), Curves(r => r.SerumMolarity.PicomolesPerLiter))
        .WithSeries(new ChartSeries($"Sharabi 2003, 500 µg a day: {SharabiDay28:F0} ± {SharabiSd:F0} at 4 weeks ({Gap(sharabiModel, SharabiDay28)})", [new(4, SharabiDay28 - SharabiSd), new(4, SharabiDay28), new(4, SharabiDay28 + SharabiSd)], SeriesStyle.LineAndMarkers) { PaletteIndex = 6 })
        .WithBands(SerumGuidelines.NiceTotal.ChartBands(SerumUnit.PicomolesPerLiter));
    var active = new SvgChart("Active B12 (holoTC) on a daily tablet", weeks, new ChartAxis("holoTC (pmol/L)", AxisScale.Log10), Curves(r => r.HoloTranscobalamin.PicomolesPerLiter))
        .WithBands(SerumGuidelines.NiceActive.ChartBands(SerumUnit.PicomolesPerLiter));
    var months = new ChartAxis("Time (months)");
    var openChart = new SvgChart("OPEN: 1 mg a day for a year, serum and holoTC against the trial", months, new ChartAxis("pmol/L", AxisScale.Log10),
    [
        new ChartSeries("model serum", open.Series.Select(r => new ChartPoint(r.Time.TotalDays * 12 / 365, r.SerumMolarity.PicomolesPerLiter))) { PaletteIndex = 0 },
        new ChartSeries("model holoTC", open.Series.Select(r => new ChartPoint(r.Time.TotalDays * 12 / 365, r.HoloTranscobalamin.PicomolesPerLiter))) { PaletteIndex = 1, Dash = LineDash.Dashed },
        new ChartSeries($"OPEN serum at a year: {Gap(openEnd.SerumMolarity.PicomolesPerLiter, OpenSerum)}", [new(12, OpenSerum)], SeriesStyle.Markers) { PaletteIndex = 0 },
        new ChartSeries($"OPEN holoTC at a year: {Gap(openEnd.HoloTranscobalamin.PicomolesPerLiter, OpenHoloTC)}", [new(12, OpenHoloTC)], SeriesStyle.Markers) { PaletteIndex = 1 },
    ]);

    // The Schilling test hour by hour: what the oral dose adds to the cumulative urine, as a share of it.
    var hourly = SchillingTest.Standard;
    double[] Excreted(ParameterSet p)
    {
        var settings = new SimulationSettings(hourly.Collection) { ParameterSet = p, InitialStores = hourly.InitialStores, Step = TimeSpan.FromHours(1) };
        var flush = new DoseEvent(hourly.FlushTime, Dose.Intramuscular(hourly.FlushDose));
        var with = Simulator.Run([new DoseEvent(TimeSpan.Zero, Dose.Oral(hourly.OralDose)), flush], settings).Series;
        var without = Simulator.Run([flush], settings).Series;
        return [.. with.Zip(without, (a, b) => 100 * (a.CumulativeUrinaryLoss.Micrograms - b.CumulativeUrinaryLoss.Micrograms) / hourly.OralDose.Micrograms)];
    }

    var schillingChart = new SvgChart("The Schilling test: the oral dose's share in the urine (the difference of two runs)", new ChartAxis("Time after the oral dose (h); flush at 2 h"), new ChartAxis("Share of the oral dose in the urine (%)", includeZero: true),
        [.. schilling.Select((s, i) => new ChartSeries($"{s.Name}: {s.Result.ExcretedFraction:P1} at 24 h{(i > 0 && Math.Abs(s.Result.ExcretedFraction - schilling[0].Result.ExcretedFraction) < 5e-4 ? ", on the healthy curve" : string.Empty)}", Excreted(s.Result.ParameterSet).Select((v, h) => new ChartPoint(h, v))) { PaletteIndex = i })])
        .WithBands([new ThresholdBand($"low: under {SchillingTest.LowBelow:P0}", 0, 100 * SchillingTest.LowBelow, BandTone.Danger), new ThresholdBand($"borderline: {SchillingTest.LowBelow:P0}-{SchillingTest.NormalAtLeast:P0}", 100 * SchillingTest.LowBelow, 100 * SchillingTest.NormalAtLeast, BandTone.Caution)]);
    File.WriteAllText(args[1], new SvgFigure([serum, active, openChart, schillingChart]).ToSvg());
    Console.WriteLine($"Chart written to {args[1]}");
}

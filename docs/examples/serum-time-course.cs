#:property PublishAot=false
#:project ../../src/B12Dosing/B12Dosing.csproj
#:project ../../src/B12Dosing.Charts/B12Dosing.Charts.csproj

// What a blood test would show: serum B12 and active B12 (holotranscobalamin, holoTC) over time, next to the
// published figures the model is calibrated against. For teachers and researchers.
//   (a) one 1000 µg IM injection of cyanocobalamin or of hydroxocobalamin, over 8 weeks (Blood 1961);
//   (b) a daily oral supply, with and without intrinsic factor, over its first two years;
//   (c) the rise of holoTC after two days of small oral doses (the CobaSorb design of Greibe 2018).
// Model 3 throughout (ParameterSet.WithFreeCapacity(): the carriers' free capacity, absorption over hours), the model
// that fits repeated oral doses; the library's default, model 2, puts serum on a daily tablet 4-8 times too high.
// Run:  dotnet run docs/examples/serum-time-course.cs [-- --svg serum-time-course.svg]
// For research and teaching; not medical advice.
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Absorption.Calibration;
using B12Dosing.Charts;
using B12Dosing.Dosing;
using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using UnitsNet;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var healthy = ParameterSet.Healthy.WithFreeCapacity();
var withoutIf = ParameterSet.PerniciousAnemia.WithFreeCapacity();

// (a) One injection, from average stores (2500 µg, Carmel 2008), healthy: hourly for a week, then every 6 h.
var injection = Mass.FromMicrograms(1000);
TimeSpan[] hours = [.. Enumerable.Range(0, 169).Select(h => TimeSpan.FromHours(h)), .. Enumerable.Range(1, 196).Select(i => TimeSpan.FromHours(168 + (6 * i)))];
var eightWeeks = new SimulationSettings(TimeSpan.FromDays(56)) { ParameterSet = healthy, SampleTimes = hours };
SimulationResult Injected(CobalaminForm form) => Simulator.Run([new DoseEvent(TimeSpan.Zero, Dose.Intramuscular(injection, form))], eightWeeks);
var cyano = Injected(CobalaminForm.Cyanocobalamin);
var hydroxo = Injected(CobalaminForm.Hydroxocobalamin);
static SimulationRow At(SimulationResult result, double day) => result.Series.Single(r => Math.Abs(r.Time.TotalDays - day) < 1e-9);

Console.WriteLine("Model 3 (the carriers' free capacity; docs/model.md 1.2b) throughout.");
Console.WriteLine();
Console.WriteLine("(a) One 1000 µg IM injection, healthy adult with average stores: serum B12 (pg/mL) and holoTC (pmol/L).");
Console.WriteLine($"    Before it: serum {cyano.Series[0].Serum.PicogramsPerMilliliter:F0} pg/mL, holoTC {cyano.Series[0].HoloTranscobalamin.PicomolesPerLiter:F1} pmol/L.");
Console.WriteLine($"    Serum after hydroxocobalamin (OHCbl) as a multiple of serum after cyanocobalamin (CNCbl), against {PublishedData.Blood1961Serum}.");
Console.WriteLine();
Console.WriteLine($"{"time",-12} {"CNCbl serum",12} {"OHCbl serum",12} {"CNCbl holoTC",13} {"OHCbl holoTC",13} {"multiple",9} {"published",10} {"ratio",6}");
foreach (var point in PublishedData.SerumMultiples.Where(p => p.Dose.Micrograms == injection.Micrograms))
{
    var (c, h) = (At(cyano, point.SampleTime.TotalDays), At(hydroxo, point.SampleTime.TotalDays));
    var multiple = h.Serum.PicogramsPerMilliliter / c.Serum.PicogramsPerMilliliter;
    var time = point.SampleTime.TotalDays < 7 ? $"{point.SampleTime.TotalDays * 24:F0} h" : $"day {point.SampleTime.TotalDays:F0}";
    Console.WriteLine(
        $"{"serum " + time,-12} {c.Serum.PicogramsPerMilliliter,12:F0} {h.Serum.PicogramsPerMilliliter,12:F0} {c.HoloTranscobalamin.PicomolesPerLiter,13:F1} " +
        $"{h.HoloTranscobalamin.PicomolesPerLiter,13:F1} {multiple,9:F2} {point.Value,10:F2} {multiple / point.Value,6:F2}");
}

Console.WriteLine($"{"serum day 56",-12} {cyano.Series[^1].Serum.PicogramsPerMilliliter,12:F0} {hydroxo.Series[^1].Serum.PicogramsPerMilliliter,12:F0} " +
    $"{cyano.Series[^1].HoloTranscobalamin.PicomolesPerLiter,13:F1} {hydroxo.Series[^1].HoloTranscobalamin.PicomolesPerLiter,13:F1}");
Console.WriteLine("(Blood 1961 sampled weeks 2-4; the model reads it on day 21.)");

// (b) A daily supply for two years from low stores (1000 µg, the low status of the Greibe comparisons), with and
// without intrinsic factor. Weekly rows, each just before that day's tablet (the trough).
const double Years = 2; // model 3 costs about 0.5 s a year of daily tablets here (7 s in a Debug build, which dotnet run makes)
var lowStores = Mass.FromMicrograms(1000);
var diet = Regimen.Diet(Mass.FromMicrograms(2.4));
(string Name, Regimen Regimen)[] supplies =
[
    ("diet 2.4 µg/day", diet),
    ("diet + 10 µg/day", diet.And(Regimen.Parse("10 µg oral daily"))),
    ("diet + 100 µg/day", diet.And(Regimen.Parse("100 µg oral daily"))),
    ("diet + 1000 µg/day", diet.And(Regimen.Parse("1000 µg oral daily"))),
];
(string Name, ParameterSet ParameterSet)[] people = [("healthy", healthy), ("no IF", withoutIf)];
var daily = new SimulationSettings(TimeSpan.FromDays(365 * Years)) { InitialStores = lowStores, Step = TimeSpan.FromDays(7) };
var steady = supplies.SelectMany(s => people.Select(p => (Supply: s.Name, Person: p.Name, p.ParameterSet, s.Regimen))).AsParallel().AsOrdered()
    .Select(c => (c.Supply, c.Person, c.ParameterSet, Result: Simulator.Run(c.Regimen, daily with { ParameterSet = c.ParameterSet }))).ToArray();

// What the stores alone give: the carriers in balance with the same stores and no intake (the first row of a run).
static SimulationRow StoresAlone(ParameterSet physiology, double storesMicrograms) =>
    Simulator.Run([], new SimulationSettings(TimeSpan.FromDays(1)) { ParameterSet = physiology, InitialStores = Mass.FromMicrograms(storesMicrograms) }).Series[0];

Console.WriteLine();
Console.WriteLine($"(b) A daily oral supply (the diet in three meals, a cyanocobalamin tablet at midnight) from stores of {lowStores.Micrograms:F0} µg, over {Years:F0} years.");
Console.WriteLine($"    Serum (pg/mL) after 8 weeks, 52 weeks and {Years:F0} years; holoTC (pmol/L) and stores (µg) after {Years:F0} years; serum that the same");
Console.WriteLine("    stores give without intake (the carriers in balance with them), and how many times that the daily supply keeps.");
Console.WriteLine();
Console.WriteLine($"{"supply",-19} {"person",-8} {"wk 8",6} {"wk 52",6} {$"yr {Years:F0}",6} {"holoTC",7} {"stores",7} {"stores alone",13} {"x",5}");
foreach (var (supply, person, physiology, result) in steady)
{
    var end = result.Series[^1];
    var alone = StoresAlone(physiology, end.Stores.Micrograms).Serum.PicogramsPerMilliliter;
    Console.WriteLine(
        $"{supply,-19} {person,-8} {result.Series[8].Serum.PicogramsPerMilliliter,6:F0} {result.Series[52].Serum.PicogramsPerMilliliter,6:F0} {end.Serum.PicogramsPerMilliliter,6:F0} " +
        $"{end.HoloTranscobalamin.PicomolesPerLiter,7:F1} {end.Stores.Micrograms,7:F0} {alone,13:F0} {end.Serum.PicogramsPerMilliliter / alone,5:F2}");
}

Console.WriteLine();
Console.WriteLine($"    Against {PublishedData.Greibe2019} (deficient adults; stores taken as 1000 µg, sampled 24 h after the last dose):");
Console.WriteLine($"    {"rise over 8 weeks",-30} {"model",7} {"published",10} {"ratio",6}");
foreach (var point in PublishedData.OralCarriers.Where(p => p.Source == PublishedData.Greibe2019))
{
    var readout = point.Measure == PublishedMeasure.DailySerumRise ? "serum" : "holoTC";
    var rise = DailyRise(point, readout == "serum");
    Console.WriteLine($"    {readout + " (pmol/L), 3 µg/day",-30} {rise,7:F1} {point.Value,10:F1} {rise / point.Value,6:F2}");
}

// One dose a day for the point's days, sampled 24 h after the last, minus the same person without the doses.
static double DailyRise(PublishedPoint point, bool serum)
{
    var settings = new SimulationSettings(TimeSpan.FromDays(point.SampleTime.TotalDays))
    {
        ParameterSet = ParameterSet.For(point.Condition).WithFreeCapacity(),
        InitialStores = point.InitialStores,
        Step = TimeSpan.FromDays(point.SampleTime.TotalDays),
    };
    var dose = Dose.Oral(point.Dose);
    var treated = Simulator.Run(Enumerable.Range(0, (int)point.SampleTime.TotalDays).Select(d => new DoseEvent(TimeSpan.FromDays(d), dose)), settings).Series[^1];
    var untreated = Simulator.Run([], settings).Series[^1];
    return serum
        ? treated.SerumMolarity.PicomolesPerLiter - untreated.SerumMolarity.PicomolesPerLiter
        : treated.HoloTranscobalamin.PicomolesPerLiter - untreated.HoloTranscobalamin.PicomolesPerLiter;
}

// (c) CobaSorb (Greibe 2018): three oral doses a day, 6 h apart, on two days; holoTC 48 h after the first dose
// (12 h after the last, an assumption), minus the same person without the doses. Rows every hour for 3 days.
int[] cobaSorbHours = [0, 6, 12, 24, 30, 36];
var threeDays = new SimulationSettings(TimeSpan.FromDays(3)) { Step = TimeSpan.FromHours(1) };
var arms = PublishedData.OralCarriers.Where(p => p.Measure == PublishedMeasure.CobaSorbHoloTranscobalaminRise).Select(point =>
{
    var settings = threeDays with { ParameterSet = ParameterSet.For(point.Condition).WithFreeCapacity(), InitialStores = point.InitialStores };
    var dose = Dose.Oral(point.Dose);
    var dosed = Simulator.Run(cobaSorbHours.Select(h => new DoseEvent(TimeSpan.FromHours(h), dose)), settings);
    var undosed = Simulator.Run([], settings);
    return (Point: point, Dosed: dosed, Undosed: undosed);
}).ToArray();

Console.WriteLine();
Console.WriteLine($"(c) Rise of holoTC (pmol/L) after two days of oral cyanocobalamin, three doses a day, against {PublishedData.Greibe2018}.");
Console.WriteLine("    Low status taken as stores of 1000 µg, normal as 2500 µg; sampled 48 h after the first dose.");
Console.WriteLine();
Console.WriteLine($"{"dose",-10} {"status",-7} {"before",7} {"at 48 h",8} {"rise",6} {"published",10} {"ratio",6}");
foreach (var (point, dosed, undosed) in arms)
{
    var before = dosed.Series[0].HoloTranscobalamin.PicomolesPerLiter;
    var rise = dosed.Series[48].HoloTranscobalamin.PicomolesPerLiter - undosed.Series[48].HoloTranscobalamin.PicomolesPerLiter;
    var status = point.InitialStores.Micrograms < SimulationSettings.AverageStores.Micrograms ? "low" : "normal";
    Console.WriteLine($"{point.Dose.Micrograms + " µg x6",-10} {status,-7} {before,7:F1} {dosed.Series[48].HoloTranscobalamin.PicomolesPerLiter,8:F1} {rise,6:F1} {point.Value,10:F0} {rise / point.Value,6:F2}");
}

Console.WriteLine();
Console.WriteLine("Reading: an injection fills the carriers' free capacity at once and the kidneys lose the excess within hours;");
Console.WriteLine("what stays on haptocorrin keeps serum raised for weeks. Hydroxocobalamin, bound to plasma proteins and filtered");
Console.WriteLine("less, keeps serum several times higher than cyanocobalamin. Active B12 (holoTC) turns over in hours, so it follows");
Console.WriteLine("the daily supply: a tablet raises it, and serum, above what the stores alone would hold. Without intrinsic factor");
Console.WriteLine("the diet cannot keep the stores, while 1000 µg a day (1 % absorbed passively) can. Populations, not a person:");
Console.WriteLine("for research and teaching, not medical advice.");

if (args.Length == 2 && args[0] == "--svg")
{
    // (a) on a log time axis from 1 h to 8 weeks, so that the first hours (the renal loss, the 5-h and 24-h samples)
    // and the weeks on haptocorrin both show; the value before the injection is in the table.
    var hoursAxis = new ChartAxis("Time after the injection (hours, log scale; 24 h = 1 day, 336 h = 2 weeks)", AxisScale.Log10);
    ChartSeries Curve(string name, SimulationResult r, Func<SimulationRow, double> value, int colour) =>
        new(name, r.Series.Where(row => row.Time.TotalDays > 0).Select(row => new ChartPoint(row.Time.TotalDays * 24, value(row)))) { PaletteIndex = colour };
    var serumBands = SerumGuidelines.NiceTotal.ChartBands(SerumUnit.PicogramsPerMilliliter);
    var activeBands = SerumGuidelines.NiceActive.ChartBands(SerumUnit.PicomolesPerLiter);
    var injectedSerum = new SvgChart("(a) Serum B12 after one 1000 µg IM injection", hoursAxis, new ChartAxis("Serum B12 (pg/mL)", AxisScale.Log10),
        [
            Curve("cyanocobalamin", cyano, r => r.Serum.PicogramsPerMilliliter, 0),
            Curve("hydroxocobalamin", hydroxo, r => r.Serum.PicogramsPerMilliliter, 1),
            new ChartSeries("Blood 1961: the published multiple of the model's cyanocobalamin serum", PublishedData.SerumMultiples
                .Where(p => p.Dose.Micrograms == injection.Micrograms)
                .Select(p => new ChartPoint(p.SampleTime.TotalDays * 24, p.Value * At(cyano, p.SampleTime.TotalDays).Serum.PicogramsPerMilliliter)), SeriesStyle.Markers) { PaletteIndex = 6 },
        ])
        .WithBands(serumBands);
    var injectedActive = new SvgChart("(a) Active B12 (holoTC) after the injection", hoursAxis, new ChartAxis("holoTC (pmol/L)", AxisScale.Log10),
        [Curve("cyanocobalamin", cyano, r => r.HoloTranscobalamin.PicomolesPerLiter, 0), Curve("hydroxocobalamin", hydroxo, r => r.HoloTranscobalamin.PicomolesPerLiter, 1)])
        .WithBands(activeBands);

    // (b): colour by supply, solid with intrinsic factor and dashed without.
    var years = new ChartAxis("Time (years)");
    // A log axis cannot show zero (no holoTC at all, as without intrinsic factor and intake): such rows are left out.
    ChartSeries[] Daily(Func<SimulationRow, double> value) =>
        [.. steady.Select((s, i) => new ChartSeries($"{s.Supply}, {s.Person}", s.Result.Series.Where(row => value(row) > 0).Select(row => new ChartPoint(row.Time.TotalDays / 365, value(row))))
        {
            PaletteIndex = i / people.Length,
            Dash = s.Person == people[0].Name ? LineDash.Solid : LineDash.Dashed,
        })];
    var dailySerum = new SvgChart("(b) Serum B12 on a daily oral supply", years, new ChartAxis("Serum B12 (pg/mL)", AxisScale.Log10), Daily(r => r.Serum.PicogramsPerMilliliter))
        .WithBands(serumBands);
    var dailyActive = new SvgChart("(b) Active B12 (holoTC) on a daily oral supply", years, new ChartAxis("holoTC (pmol/L)", AxisScale.Log10), Daily(r => r.HoloTranscobalamin.PicomolesPerLiter))
        .WithBands(activeBands);

    // (c): holoTC over the three days of each CobaSorb arm, and the published rise added to the model's 48-h baseline.
    var cobaSorb = new SvgChart("(c) holoTC on two days of small oral doses (CobaSorb)", new ChartAxis("Time after the first dose (h)"), new ChartAxis("holoTC (pmol/L)"),
        [.. arms.Select((a, i) => new ChartSeries($"{a.Point.Dose.Micrograms} µg x6, {(a.Point.InitialStores.Micrograms < 2500 ? "low" : "normal")} status",
            a.Dosed.Series.Select(row => new ChartPoint(row.Time.TotalDays * 24, row.HoloTranscobalamin.PicomolesPerLiter))) { PaletteIndex = i })]);
    cobaSorb = cobaSorb.WithSeries(new ChartSeries("Greibe 2018: median rise on the model's baseline",
        arms.Select(a => new ChartPoint(48, a.Undosed.Series[48].HoloTranscobalamin.PicomolesPerLiter + a.Point.Value)), SeriesStyle.Markers) { PaletteIndex = 6 });

    var figure = new SvgFigure([injectedSerum, injectedActive, dailySerum, dailyActive, cobaSorb]);
    File.WriteAllText(args[1], figure.ToSvg());
    Console.WriteLine($"Chart written to {args[1]}");
}

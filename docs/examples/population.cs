#:property PublishAot=false
#:project ../../src/B12Dosing/B12Dosing.csproj
#:project ../../src/B12Dosing.Charts/B12Dosing.Charts.csproj

// A virtual population of older adults: the share whose serum B12 falls below the NICE line (180 pg/mL: deficiency
// likely) over ten years, on the diet alone and with a daily 1000 µg tablet. The patients differ in absorption,
// retention, store loss and starting stores (docs/model.md, virtual populations).
// Run:  dotnet run docs/examples/population.cs [-- --svg population.svg]
// For research and teaching; not medical advice.
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Charts;
using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using UnitsNet;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
const int Years = 10;

// An illustrative mix, not a prevalence estimate: most healthy, some with atrophic gastritis, a few with
// undiagnosed pernicious anaemia. 1000 patients (a share is then good to about ±1.5 %, 95 % CI); the same seed
// gives the same patients.
var settings = new PopulationSettings(1000, TimeSpan.FromDays(365 * Years), seed: 2026)
{
    Step = TimeSpan.FromDays(7),
    Model = PopulationModel.Default with
    {
        Conditions = ConditionMix.Of((Condition.Healthy, 80), (Condition.AtrophicGastritis, 15), (Condition.PerniciousAnemia, 5)),
    },
};
var diet = RegimenCatalogue.Get("rda-diet").Regimen;
(string Name, Regimen Regimen)[] regimens =
[
    ("RDA diet alone", diet),
    ("diet + 1000 µg oral daily", diet.And(RegimenCatalogue.Get("oral-1000-daily").Regimen)),
];
var nice = SerumGuidelines.NiceTotal.Bands;
var low = MassConcentration.FromPicogramsPerMilliliter(nice[0].Upper);   // 180 pg/mL: deficiency likely below
var high = MassConcentration.FromPicogramsPerMilliliter(nice[1].Upper);  // 350 pg/mL: deficiency unlikely above
var results = regimens.Select(r => (r.Name,
    Low: PopulationSimulator.Run(r.Regimen, settings with { SerumThreshold = low }),
    High: PopulationSimulator.Run(r.Regimen, settings with { SerumThreshold = high }))).ToArray();
int[] years = [1, 2, 3, 5, 10];
int Row(int year) => (int)Math.Round(year * 365 / settings.Step.TotalDays);

Console.WriteLine($"{settings.Patients} virtual older adults ({settings.Model.Conditions}), seed {settings.Seed}.");
Console.WriteLine($"Share with serum below {low} (NICE NG239: deficiency likely), by year; share below {high} (not");
Console.WriteLine($"\"deficiency unlikely\") and serum percentiles after {Years} years.");
Console.WriteLine();
Console.WriteLine($"{"regimen",-27} {string.Join(" ", years.Select(y => $"{"year " + y,7}"))}   {"< 350",7}   serum 5th, 50th, 95th pct");
foreach (var (name, below, belowHigh) in results)
{
    var shares = string.Join(" ", years.Select(y => $"{below.ShareBelowThreshold[Row(y)],7:P1}"));
    var serum = below.Serum;
    Console.WriteLine($"{name,-27} {shares}   {belowHigh.ShareBelowThreshold[^1],7:P1}   {serum.P5[^1],5:F0} {serum.P50[^1],5:F0} {serum.P95[^1],5:F0} pg/mL");
}

// The known gap, shown here: the population runs model 2 (the library's default: exact and fast; model 3 costs about
// 0.2 s of CPU per patient-year of daily tablets, so 10 000 patient-years would take about half an hour). On a daily
// tablet model 2's serum is 4-8 times what trials measured; model 3 (WithFreeCapacity) fits them. One healthy adult
// with average stores, after a year of each regimen, by both models:
var oneYear = new SimulationSettings(TimeSpan.FromDays(365)) { Step = TimeSpan.FromDays(365) };
double SerumAfterAYear(Regimen regimen, ParameterSet physiology) =>
    Simulator.Run(regimen, oneYear with { ParameterSet = physiology }).Series[^1].Serum.PicogramsPerMilliliter;
Console.WriteLine();
Console.WriteLine("The gap: these runs use model 2 (the default); on a daily tablet its serum is 4-8 times what trials measured");
Console.WriteLine("(docs/model.md 1.2b). One healthy adult with average stores, serum after a year:");
foreach (var (name, regimen) in regimens)
{
    var (model2, model3) = (SerumAfterAYear(regimen, ParameterSet.Healthy), SerumAfterAYear(regimen, ParameterSet.Healthy.WithFreeCapacity()));
    Console.WriteLine($"  {name + ":",-28} model 2 {model2,6:F0} pg/mL, model 3 {model3,6:F0} pg/mL, ratio {model2 / model3,5:F2}");
}

Console.WriteLine();
Console.WriteLine("Reading: on the diet alone those without intrinsic factor run out of stores within a few years and fall");
Console.WriteLine("below the line; most others settle in the indeterminate band, where the diet's absorption only just matches");
Console.WriteLine("the daily loss. A daily 1000 µg tablet, absorbed by diffusion even without intrinsic factor, keeps everyone");
Console.WriteLine("above it; how far above, model 2 overstates (the gap above).");

if (args.Length == 2 && args[0] == "--svg")
{
    // Three panels: the share below 180 pg/mL, the share below 350 pg/mL (one colour and dash per regimen, each with
    // its 95 % Wilson interval for a population of this size as a ribbon), and serum: the median with the 5th-95th
    // percentile ribbon, against the NICE bands.
    static (double Low, double High) Wilson(double share, int n, double z = 1.959964)
    {
        var centre = (share + (z * z / (2 * n))) / (1 + (z * z / n));
        var half = z / (1 + (z * z / n)) * Math.Sqrt((share * (1 - share) / n) + (z * z / (4.0 * n * n)));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    // One panel per line, so that no series hides another (with the tablet both shares stay near 0 %).
    SvgChart Share(string line, Func<(string Name, PopulationResult Low, PopulationResult High), PopulationResult> pick)
    {
        var chart = new SvgChart(
            $"Share of {settings.Patients} virtual older adults with serum below {line} pg/mL",
            new ChartAxis("Time (years)"),
            new ChartAxis("Share of the population (%)", includeZero: true),
            results.Select((r, k) => new ChartSeries(r.Name, pick(r).Times.Select((time, i) => new ChartPoint(time.TotalDays / 365, 100 * pick(r).ShareBelowThreshold[i]))) { PaletteIndex = k, Dash = k == 0 ? LineDash.Solid : LineDash.Dashed }))
            .WithDescription($"The share of {settings.Patients} virtual older adults ({settings.Model.Conditions}, seed {settings.Seed}) with serum B12 below {line} pg/mL (NICE NG239) over {Years} years, on the RDA diet alone and with a daily 1000 µg tablet; shaded: the 95 % Wilson interval for a population of this size");
        for (var k = 0; k < results.Length; k++)
        {
            var result = pick(results[k]);
            chart = chart.WithRibbon(new ChartRibbon(
                k == 0 ? "95% interval (shaded, in each series' colour)" : string.Empty,
                result.Times.Select((time, i) =>
                {
                    var (low, high) = Wilson(result.ShareBelowThreshold[i], settings.Patients);
                    return new RibbonPoint(time.TotalDays / 365, 100 * low, 100 * high);
                }),
                k));
        }

        return chart;
    }

    var serum = new SvgChart(
        "Serum B12: median and 5th-95th percentile (model 2)",
        new ChartAxis("Time (years)"),
        new ChartAxis("Serum B12 (pg/mL)", includeZero: true),
        results.Select((r, k) => new ChartSeries($"{r.Name}: median", r.Low.Times.Select((time, i) => new ChartPoint(time.TotalDays / 365, r.Low.Serum.P50[i]))) { PaletteIndex = k, Dash = k == 0 ? LineDash.Solid : LineDash.Dashed }))
        .WithBands(SerumGuidelines.NiceTotal.ChartBands(SerumUnit.PicogramsPerMilliliter))
        .WithDescription("Serum B12 of the same virtual population (model 2): the median and, shaded, the 5th to 95th percentile, for each regimen, against the NICE NG239 bands; markers: one healthy adult with average stores on the tablet by model 3, which fits the trials (model 2 overstates serum on daily tablets 4-8 times)");
    // Its first year only, every 4 weeks just before the day's tablet (the trough): a year of model 3 costs about 0.5 s
    // here (7 s in the Debug build dotnet run makes).
    var model3 = Simulator.Run(regimens[1].Regimen, new SimulationSettings(TimeSpan.FromDays(364)) { ParameterSet = ParameterSet.Healthy.WithFreeCapacity(), Step = TimeSpan.FromDays(28) });
    serum = serum.WithSeries(new ChartSeries("one healthy adult on the tablet, model 3 (fits the trials), first year, troughs", model3.Series.Select(r => new ChartPoint(r.Time.TotalDays / 365, r.Serum.PicogramsPerMilliliter)), SeriesStyle.Markers) { PaletteIndex = 1 });
    for (var k = 0; k < results.Length; k++)
    {
        var p = results[k].Low.Serum;
        serum = serum.WithRibbon(new ChartRibbon(k == 0 ? "5th-95th percentile (shaded, in each series' colour)" : string.Empty, results[k].Low.Times.Select((time, i) => new RibbonPoint(time.TotalDays / 365, p.P5[i], p.P95[i])), k));
    }

    File.WriteAllText(args[1], new SvgFigure([Share("180", r => r.Low), Share("350", r => r.High), serum]).ToSvg());
    Console.WriteLine($"Chart written to {args[1]}");
}

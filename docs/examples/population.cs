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

Console.WriteLine();
Console.WriteLine("Reading: on the diet alone those without intrinsic factor run out of stores within a few years and fall");
Console.WriteLine("below the line; most others settle in the indeterminate band, where the diet's absorption only just matches");
Console.WriteLine("the daily loss. A daily 1000 µg tablet, absorbed by diffusion even without intrinsic factor, keeps everyone");
Console.WriteLine("well above it.");

if (args.Length == 2 && args[0] == "--svg")
{
    var chart = new SvgChart(
        $"Share of {settings.Patients} virtual older adults with low serum B12 (NICE NG239)",
        new ChartAxis("Time (years)"),
        new ChartAxis("Share of the population (%)", includeZero: true),
        results.SelectMany(r => new[]
        {
            new ChartSeries($"{r.Name}, below 180", r.Low.Days.Select((day, i) => new ChartPoint(day / 365, 100 * r.Low.ShareBelowThreshold[i]))),
            new ChartSeries($"{r.Name}, below 350", r.High.Days.Select((day, i) => new ChartPoint(day / 365, 100 * r.High.ShareBelowThreshold[i]))),
        }));
    File.WriteAllText(args[1], chart.ToSvg());
    Console.WriteLine($"Chart written to {args[1]}");
}

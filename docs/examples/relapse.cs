#:property PublishAot=false
#:project ../../src/B12Dosing/B12Dosing.csproj
#:project ../../src/B12Dosing.Charts/B12Dosing.Charts.csproj

// After treatment stops: how long full stores last, by condition, on an ordinary diet (the adult RDA, 2.4 µg a day
// in food) and, for comparison, with no B12 at all.
// Run:  dotnet run docs/examples/relapse.cs [-- --svg relapse.svg]
// For research and teaching; not medical advice.
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Charts;
using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using B12Dosing.Regimens;
using UnitsNet;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var lowestHealthyStores = SimulationSettings.LowStores.Micrograms;  // 300 µg, IOM 1998 (Appendix N); the serum model puts 180 pg/mL there
var niceIndeterminate = SerumGuidelines.NiceTotal.Bands[1].Upper;   // 350 pg/mL, NICE NG239 (2024): below it deficiency is no longer "unlikely"
const int Horizon = 20; // years

// Treatment stops at time zero with the average adult stores (2500 µg, Carmel 2008, the default).
var diet = RegimenCatalogue.Get("rda-diet").Regimen;
var settings = new SimulationSettings(TimeSpan.FromDays(365 * Horizon));
var cases = Conditions.All.Select(c => (Name: $"{c.Name()}, RDA diet", Result: Simulator.Run(diet, settings with { ParameterSet = ParameterSet.For(c) })))
    .Append((Name: "pernicious-anemia, no B12 at all", Result: Simulator.Run(Regimen.None, settings with { ParameterSet = ParameterSet.PerniciousAnemia })))
    .ToArray();

static string YearsUntil(SimulationResult result, Func<SimulationResult, (bool Found, double Day)> find)
{
    var (found, day) = find(result);
    return found ? (day / 365).ToString("F1") : $"> {result.Settings.Horizon.TotalDays / 365:F0}";
}

Console.WriteLine($"Treatment stops with full stores ({settings.InitialStores}). Years until serum falls below {niceIndeterminate} pg/mL (NICE:");
Console.WriteLine($"deficiency no longer unlikely) and until the stores fall below {lowestHealthyStores} µg (the smallest healthy store, IOM 1998;");
Console.WriteLine($"serum about 180 pg/mL, NICE: deficiency likely); stores after 5 and {Horizon} years; loss of stores per day.");
Console.WriteLine();
Console.WriteLine($"{"condition and intake",-36} {$"serum < {niceIndeterminate}",12} {$"stores < {lowestHealthyStores}",13} {"stores at 5 y",14} {$"at {Horizon} y",10} {"loss/day",9}");
foreach (var (name, result) in cases)
{
    var serum = YearsUntil(result, r => (r.TryFindTimeSerumReaches(MassConcentration.FromPicogramsPerMilliliter(niceIndeterminate), out var t), t.TotalDays));
    var stores = YearsUntil(result, r => (r.TryFindTimeStoresReach(Mass.FromMicrograms(lowestHealthyStores), out var t), t.TotalDays));
    Console.WriteLine(
        $"{name,-36} {serum,12} {stores,13} {result.Series[365 * 5].Stores.Micrograms,11:F0} µg {result.Series[^1].Stores.Micrograms,7:F0} µg {result.Settings.ParameterSet.StoreLossPerDay,9:P3}");
}

Console.WriteLine();
var healthy = cases[0].Result.Series[^1].Stores.Micrograms;
Console.WriteLine("Reading: without intrinsic factor (pernicious anaemia, gastrectomy) bile is no longer reabsorbed and food gives");
Console.WriteLine("almost nothing, so the stores fall by a fixed fraction a day, diet or not, and full stores last a few years:");
Console.WriteLine("that is why the treatment is for life. With intrinsic factor the stores settle where what the diet gives");
Console.WriteLine($"matches the daily loss ({healthy:F0} µg in health on the RDA diet), lower when food-bound B12 is poorly released");
Console.WriteLine("(atrophic gastritis) or fewer receptors are left (ileal resection).");

if (args.Length == 2 && args[0] == "--svg")
{
    var chart = new SvgChart(
        "Body stores after treatment stops, by condition",
        new ChartAxis("Time after treatment stops (years)"),
        new ChartAxis("Body stores (µg)", includeZero: true),
        // Gastrectomy is modelled as pernicious anaemia, and no B12 at all differs little from the diet: one curve for the three.
        cases.Where(c => !c.Name.StartsWith("gastrectomy", StringComparison.Ordinal) && !c.Name.Contains("no B12", StringComparison.Ordinal))
            .Select(c => new ChartSeries(c.Name.Replace("pernicious-anemia", "pernicious-anemia or gastrectomy", StringComparison.Ordinal), c.Result.Series.Where((_, i) => i % 7 == 0).Select(r => new ChartPoint(r.Time.TotalDays / 365, r.Stores.Micrograms)))))
        .WithBand(new ThresholdBand($"below the smallest healthy store, {lowestHealthyStores} µg", 0, lowestHealthyStores, BandTone.Danger));
    File.WriteAllText(args[1], chart.ToSvg());
    Console.WriteLine($"Chart written to {args[1]}");
}

#:property PublishAot=false
#:project ../../src/B12Dosing/B12Dosing.csproj
#:project ../../src/B12Dosing.Charts/B12Dosing.Charts.csproj

// One person from their blood tests: a woman with pernicious anaemia, treated with 1 mg cyanocobalamin IM weekly for four
// weeks, then every month, whose serum B12 was measured before treatment and at 1, 2 and 4 months
// (and holoTC once). The estimate of her starting stores and absorption (the population as the prior, 90 % intervals),
// the measured values against the model, and her course for a year with its band; the chart shows the measured points
// over the predicted band.
// Run:  dotnet run docs/examples/individual-estimate.cs [-- --svg individual-estimate.svg]
// For research and teaching; not medical advice.
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Charts;
using B12Dosing.Estimation;
using B12Dosing.Guidelines;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using UnitsNet;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var regimen = Regimen.Parse("1 mg im weekly for 4w then 1 mg im monthly");
var observed = Observation.ParseList("day 0: 95 pg/mL, day 30: 440 pg/mL, day 60: 365 pg/mL, day 60: holoTC 14 pmol/L, day 120: 390 pg/mL");
var settings = EstimationSettings.Default with { Condition = Condition.PerniciousAnemia };
var estimate = Estimator.Estimate(regimen, observed, settings);

Console.WriteLine($"Regimen: {regimen}; condition: {estimate.Condition.Name}; assay error CV {settings.Assay.TotalB12Cv:P0}.");
Console.WriteLine("Estimate (mode and 90 % interval; the prior is the population's between-person variation):");
foreach (var p in estimate.Parameters)
{
    Console.WriteLine($"  {p}");
}

Console.WriteLine("Measured against the model (pmol/L; the band is the model over the posterior, without the assay error):");
foreach (var f in estimate.Fits)
{
    Console.WriteLine($"  {f.Observation}: model {f.Predicted.PicomolesPerLiter:F1} (90 % {f.Lower.PicomolesPerLiter:F1} to {f.Upper.PicomolesPerLiter:F1})");
}

var horizon = TimeSpan.FromDays(365);
var projection = estimate.Project(regimen, horizon, TimeSpan.FromDays(1));
var end = projection.Rows[^1];
Console.WriteLine($"Day 365 on the same regimen: serum {end.Serum.PicogramsPerMilliliter:F0} pg/mL (90 % {end.SerumLower.PicogramsPerMilliliter:F0} to {end.SerumUpper.PicogramsPerMilliliter:F0}), stores {end.Stores.Micrograms:F0} µg (90 % {end.StoresLower.Micrograms:F0} to {end.StoresUpper.Micrograms:F0}).");
foreach (var warning in estimate.Warnings)
{
    Console.WriteLine($"Warning: {warning}");
}

if (args.Length == 2 && args[0] == "--svg")
{
    var serum = observed.Where(o => o.Analyte == SerumAnalyte.TotalB12).ToArray();
    var chart = new SvgChart(
        "One person from their blood tests: pernicious anaemia on 1 mg cyanocobalamin IM",
        new ChartAxis("Time (days)"),
        new ChartAxis("Serum B12 (pg/mL)", includeZero: true),
        [
            new ChartSeries("model at the estimate (mode)", projection.Rows.Select(r => new ChartPoint(r.Time.TotalDays, r.Serum.PicogramsPerMilliliter))),
            new ChartSeries("measured serum B12", serum.Select(o => new ChartPoint(o.Time.TotalDays, o.Concentration.ToMassConcentration(CobalaminForm.Cyanocobalamin).PicogramsPerMilliliter)), SeriesStyle.Markers) { PaletteIndex = 6 },
        ])
        .WithRibbon(new ChartRibbon("90 % band over the posterior (parameter uncertainty, not assay error)", projection.Rows.Select(r => new RibbonPoint(r.Time.TotalDays, r.SerumLower.PicogramsPerMilliliter, r.SerumUpper.PicogramsPerMilliliter)), 0))
        .WithBands(SerumGuidelines.NiceTotal.ChartBands(SerumUnit.PicogramsPerMilliliter))
        .WithDescription("Serum B12 of one person with pernicious anaemia over a year of cyanocobalamin injections: the model at the estimated starting stores and absorption, its 90 % band over the posterior, and the four measured serum values it was estimated from, against the NICE bands");
    File.WriteAllText(args[1], chart.ToSvg());
    Console.WriteLine($"Chart written to {args[1]}");
}

#:property PublishAot=false
#:project ../../src/B12Dosing/B12Dosing.csproj
#:project ../../src/B12Dosing.Charts/B12Dosing.Charts.csproj

// Uncertainty that is not variability: for one typical person with pernicious anaemia on 1 mg cyanocobalamin IM every
// month from low stores (300 µg), the model's own uncertainty (the calibration's covariance, docs/calibration.md,
// propagated by running under 200 parameter sets drawn from it) beside the between-person variation of a population of
// such people (500 virtual patients, the population's 5th-95th percentiles). Two different bands: the first says how
// sure the model is about one person, the second how much people differ.
// Run:  dotnet run docs/examples/calibration-uncertainty.cs [-- --svg calibration-uncertainty.svg]
// For research and teaching; not medical advice.
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Absorption.Calibration;
using B12Dosing.Charts;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Regimens;
using UnitsNet;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var regimen = Regimen.Parse("1 mg im monthly");
var horizon = TimeSpan.FromDays(365);
var stores = Mass.FromMicrograms(300);
var settings = new SimulationSettings(horizon) { ParameterSet = ParameterSet.PerniciousAnemia, InitialStores = stores };
var events = regimen.Events(horizon);

var typical = Simulator.Run(events, settings);
var calibration = CalibrationEstimate.Current.Simulate(events, settings, draws: 200, seed: 1);
var population = PopulationSimulator.Run(regimen, new PopulationSettings(500, horizon, seed: 1)
{
    Model = PopulationModel.Default with { Conditions = ConditionMix.Of((Condition.PerniciousAnemia, 1)), MedianInitialStores = stores },
});

Console.WriteLine($"{regimen}, pernicious anaemia, stores from {stores.Micrograms:F0} µg: serum B12 (pg/mL) at the fitted values, the calibration's");
Console.WriteLine($"5-95 % band ({calibration.Draws} parameter sets, the model's uncertainty for this person) and the population's 5th-95th");
Console.WriteLine($"percentiles ({population.Patients} people at the fitted values: between-person variation).");
Console.WriteLine($"{"day",5} {"fitted",8} {"calibration 5-95 %",20} {"population 5-95 %",20}");
foreach (var day in new[] { 29, 89, 179, 269, 364 })
{
    var c = calibration.Rows[day];
    Console.WriteLine($"{day,5} {typical.Series[day].Serum.PicogramsPerMilliliter,8:F0} {c.SerumLower.PicogramsPerMilliliter,9:F0} to {c.SerumUpper.PicogramsPerMilliliter,5:F0} {population.Serum.P5[day],9:F0} to {population.Serum.P95[day],5:F0}");
}

if (args.Length == 2 && args[0] == "--svg")
{
    var chart = new SvgChart(
        "Serum B12 on 1 mg IM monthly in pernicious anaemia: the model's uncertainty and between-person variation",
        new ChartAxis("Time (days)"),
        new ChartAxis("Serum B12 (pg/mL)", includeZero: true),
        [new ChartSeries("one typical person, fitted values", typical.Series.Select(r => new ChartPoint(r.Time.TotalDays, r.Serum.PicogramsPerMilliliter)))])
        .WithRibbon(new ChartRibbon($"between-person variation: 5th-95th percentile of {population.Patients} people", population.Times.Select((t, i) => new RibbonPoint(t.TotalDays, population.Serum.P5[i], population.Serum.P95[i])), 2))
        .WithRibbon(new ChartRibbon($"the model's uncertainty: 5-95 % of {calibration.Draws} parameter sets from the calibration", calibration.Rows.Select(r => new RibbonPoint(r.Time.TotalDays, r.SerumLower.PicogramsPerMilliliter, r.SerumUpper.PicogramsPerMilliliter)), 0))
        .WithDescription("Serum B12 over a year of monthly 1 mg cyanocobalamin injections in pernicious anaemia from 300 µg stores: one typical person at the fitted parameters, the band of the calibration's uncertainty for that person (parameter sets drawn from the fit's covariance) and, separately, the 5th-95th percentiles of a virtual population (between-person variation)");
    File.WriteAllText(args[1], chart.ToSvg());
    Console.WriteLine($"Chart written to {args[1]}");
}

#:property PublishAot=false
#:project ../../src/B12Dosing/B12Dosing.csproj
#:project ../../src/B12Dosing.Charts/B12Dosing.Charts.csproj

// Why splitting an oral amount over the day absorbs more: intrinsic factor (IF) takes up at most about
// 1.4 µg from one dose and needs a few hours to recover, so each dose of a split amount meets a fresh capacity.
// Run:  dotnet run docs/examples/split-dosing.cs [-- --svg split-dosing.svg]
// For research and teaching; not medical advice.
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Charts;
using B12Dosing.Dosing;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using UnitsNet;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var healthy = ParameterSet.Healthy;
int[] splits = [1, 2, 3, 4];

// n equal doses of total/n, one every `interval`: a regimen of n doses, expanded to its dose events.
static DoseEvent[] Day(double totalMicrograms, int n, TimeSpan interval) =>
    [.. Regimen.Start(Dose.Oral(Mass.FromMicrograms(totalMicrograms / n))).Every(interval).Times(n).Events(interval * n)];

static TimeSpan Evenly(int n) => TimeSpan.FromHours(24.0 / n);

Console.WriteLine("Oral cyanocobalamin, healthy adult: µg absorbed per day when the daily amount is taken in 1-4 equal doses spread over the day");
Console.WriteLine();
Console.WriteLine($"{"daily amount",12} {"once",8} {"2 doses",8} {"3 doses",8} {"4 doses",8}   {"gain, 3 doses vs once",22}");
foreach (var total in new[] { 3.0, 6.0, 25.0, 100.0, 1000.0 })
{
    var absorbed = splits.Select(n => AbsorptionModel.EvaluateSeries(Day(total, n, Evenly(n)), healthy).Absorbed.Micrograms).ToArray();
    Console.WriteLine($"{total + " µg",12} {absorbed[0],8:F2} {absorbed[1],8:F2} {absorbed[2],8:F2} {absorbed[3],8:F2}   {absorbed[2] / absorbed[0],21:F2}x");
}

Console.WriteLine();
Console.WriteLine("The spacing matters: 3 doses of 2 µg, by the hours between doses");
Console.WriteLine($"(used IF capacity recovers exponentially with a time constant of {healthy.IntrinsicFactorRecovery.TotalHours:F2} h)");
Console.WriteLine();
Console.WriteLine($"{"hours apart",12} {"absorbed (µg)",14} {"IF free at the last dose (µg)",30}");
foreach (var hours in new[] { 0.5, 1.0, 2.0, 4.0, 6.0 })
{
    var events = Day(6, 3, TimeSpan.FromHours(hours));
    var day = AbsorptionModel.EvaluateSeries(events, healthy);
    var beforeLast = AbsorptionModel.EvaluateSeries(events[..2], healthy).IntrinsicFactorAfter.After(TimeSpan.FromHours(hours), healthy);
    Console.WriteLine($"{hours + " h",12} {day.Absorbed.Micrograms,14:F2} {beforeLast.Available.Micrograms,30:F2}");
}

Console.WriteLine();
Console.WriteLine("Reading: a small daily amount is absorbed far better in several doses a few hours apart; at 1000 µg the");
Console.WriteLine("IF route is saturated anyway and most of what is absorbed comes by passive diffusion (about 1.2 % of any");
Console.WriteLine("dose), so splitting a large tablet changes little.");

if (args.Length == 2 && args[0] == "--svg")
{
    double[] totals = [.. Enumerable.Range(0, 31).Select(i => Math.Pow(10, i / 10.0))];
    var chart = new SvgChart(
        "Oral B12 absorbed per day, by how the daily amount is split",
        new ChartAxis("Daily amount taken by mouth (µg)", AxisScale.Log10),
        new ChartAxis("Absorbed per day (µg)", AxisScale.Log10),
        splits.Select(n => new ChartSeries(
            n == 1 ? "once a day" : $"{n} doses, {24 / n} h apart",
            totals.Select(t => new ChartPoint(t, AbsorptionModel.EvaluateSeries(Day(t, n, Evenly(n)), healthy).Absorbed.Micrograms)))));
    File.WriteAllText(args[1], chart.ToSvg());
    Console.WriteLine($"Chart written to {args[1]}");
}

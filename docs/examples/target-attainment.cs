#:property PublishAot=false
#:project ../../src/B12Dosing/B12Dosing.csproj
#:project ../../src/B12Dosing.Charts/B12Dosing.Charts.csproj

// The regimen that reaches a line, for a population: people with pernicious anaemia starting from low stores (median
// 300 µg) on 1 mg cyanocobalamin IM every N days. For each interval, the share whose lowest serum B12 from day 180 for
// a year stays above NICE's 180 pg/mL (the probability of target attainment), and the longest interval that keeps 90 %
// of them above it, as TargetSolver finds it (the answer and one day longer both simulated). The chart is the
// attainment curve against the interval, with the 90 % line and the answer.
// Run:  dotnet run docs/examples/target-attainment.cs [-- --svg target-attainment.svg]
// For research and teaching; not medical advice.
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Charts;
using B12Dosing.Dosing;
using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using B12Dosing.Regimens;
using B12Dosing.Targets;
using UnitsNet;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var dose = Dose.Intramuscular(Mass.FromMilligrams(1));
var line = TargetLine.FromGuideline(SerumGuidelines.NiceTotal);
var settings = TargetSettings.ForCondition(Condition.PerniciousAnemia) with
{
    InitialStores = Mass.FromMicrograms(300), From = TimeSpan.FromDays(180), Span = TimeSpan.FromDays(365),
    Share = 0.9, Patients = 100, Seed = 1,
};
var people = Enumerable.Range(0, settings.Patients)
    .Select(i => (settings.Population with { MedianInitialStores = settings.InitialStores }).Patient(settings.Seed, i))
    .ToArray();

// The share of the people whose lowest value (every day, and just before and after every dose) stays above the line.
double Share(int days)
{
    var regimen = Regimen.Start(dose).Every(TimeSpan.FromDays(days)).Indefinitely(); // as TargetSolver builds a maintenance without loading
    var above = people.AsParallel().Count(p =>
    {
        var run = Simulator.Run(regimen, new SimulationSettings(settings.From + settings.Span) { ParameterSet = p.ParameterSet, InitialStores = p.InitialStores, SamplesAfterDose = [TimeSpan.Zero] });
        return run.Series.Where(r => r.Time >= settings.From).Min(r => r.SerumMolarity.PicomolesPerLiter) >= line.Level.PicomolesPerLiter;
    });
    return above / (double)people.Length;
}

int[] intervals = [7, 14, 21, 28, 35, 42, 49, 56, 70, 91];
var curve = intervals.Select(days => (Days: days, Share: Share(days))).ToArray();
var answer = TargetSolver.LongestInterval(dose, line, settings);

Console.WriteLine($"{settings.Patients} people with pernicious anaemia, stores from {settings.InitialStores.Micrograms:F0} µg (median), on {dose.Amount.Milligrams:F0} mg IM every N days;");
Console.WriteLine($"share whose lowest serum B12 from day {settings.From.TotalDays:F0} to day {(settings.From + settings.Span).TotalDays:F0} stays above {line}:");
foreach (var (days, share) in curve)
{
    Console.WriteLine($"  every {days,3} days: {share,6:P0}");
}

Console.WriteLine($"Longest interval keeping {settings.Share:P0} above the line: {answer.Answer.Interval.TotalDays:F0} days, share {answer.Answer.Share:P0} (Wilson 95 % {answer.ShareLower:P0} to {answer.ShareUpper:P0});");
Console.WriteLine($"one day longer ({answer.Beyond[0].Interval.TotalDays:F0} days): share {answer.Beyond[0].Share:P0}. Monotone: {answer.Monotone}.");

if (args.Length == 2 && args[0] == "--svg")
{
    var chart = new SvgChart(
        "Probability of target attainment: pernicious anaemia on 1 mg IM every N days",
        new ChartAxis("Interval between injections (days)"),
        new ChartAxis("Share above 180 pg/mL from day 180 (%)", includeZero: true),
        [
            new ChartSeries("share attaining (each interval simulated for 100 people)", curve.Select(c => new ChartPoint(c.Days, 100 * c.Share)), SeriesStyle.LineAndMarkers),
            new ChartSeries($"solver's answer: every {answer.Answer.Interval.TotalDays:F0} days (and one day longer)", [new ChartPoint(answer.Answer.Interval.TotalDays, 100 * answer.Answer.Share), new ChartPoint(answer.Beyond[0].Interval.TotalDays, 100 * answer.Beyond[0].Share)], SeriesStyle.Markers) { PaletteIndex = 1 },
        ])
        .WithBand(new ThresholdBand("below the 90 % target", 0, 100 * settings.Share, BandTone.Caution))
        .WithDescription("The share of 100 simulated people with pernicious anaemia whose serum B12 stays above 180 pg/mL (NICE) from day 180 for a year, against the interval between 1 mg IM injections, with the 90 % target and the longest interval the target solver finds");
    File.WriteAllText(args[1], chart.ToSvg());
    Console.WriteLine($"Chart written to {args[1]}");
}

using B12Dosing.Absorption;
using B12Dosing.Absorption.Calibration;
using B12Dosing.Charts;
using B12Dosing.Dosing;
using B12Dosing.Quantities;

namespace B12Dosing.Teaching.Teaching;

/// <summary>One dose by one route: what the library's absorption model says becomes of it.</summary>
/// <param name="Route">The route.</param>
/// <param name="Outcome">The library's outcome (<see cref="AbsorptionModel.Evaluate(Dose, ParameterSet)"/>).</param>
public sealed record RouteRow(Route Route, DoseOutcome Outcome)
{
    /// <summary>Lost: never absorbed plus lost in urine in the first 72 h (the dose less what is kept).</summary>
    public Mass Lost => Outcome.Unabsorbed + Outcome.UrinaryLoss;
}

/// <summary>The same dose by every route, and the published points it is calibrated against.</summary>
public static class RouteComparison
{
    /// <summary>The measures of a single dose that the first page compares (absorbed, kept, lost).</summary>
    private static readonly PublishedMeasure[] DoseMeasures =
        [PublishedMeasure.AbsorbedMicrograms, PublishedMeasure.RetainedMicrograms, PublishedMeasure.UrinaryLossFraction, PublishedMeasure.RetainedFraction];

    /// <summary>One row per route (<see cref="Routes.All"/>) for <paramref name="amount"/> of <paramref name="form"/>.</summary>
    public static IReadOnlyList<RouteRow> Rows(Mass amount, CobalaminForm form, Condition condition)
    {
        var physiology = ParameterSet.For(condition);
        return [.. Routes.All.Select(route => new RouteRow(route, AbsorptionModel.Evaluate(Dose.Create(amount, route, form), physiology)))];
    }

    /// <summary>The published single-dose points (absorbed, kept, lost): Carmel 2008 Table 1, Blood 1961, Doets 2013.</summary>
    public static IReadOnlyList<PublishedPoint> PublishedPoints { get; } =
        [.. PublishedData.All.Where(p => DoseMeasures.Contains(p.Measure))];

    /// <summary>Whether the model's value is within the point's band (a factor either way) of the published one.</summary>
    public static bool WithinBand(PublishedPoint point)
    {
        var ratio = point.Ratio();
        return ratio >= 1 / point.Band && ratio <= point.Band;
    }

    /// <summary>The measure in words, with its unit.</summary>
    public static string Describe(PublishedMeasure measure) => measure switch
    {
        PublishedMeasure.AbsorbedMicrograms => "absorbed (µg)",
        PublishedMeasure.RetainedMicrograms => "kept (µg)",
        PublishedMeasure.UrinaryLossFraction => "lost in urine (fraction)",
        PublishedMeasure.RetainedFraction => "kept (fraction)",
        _ => measure.ToString(),
    };

    /// <summary>
    /// Absorbed (by mouth) and kept (injected) against the dose, log-log, for <paramref name="condition"/> and
    /// <paramref name="form"/>, with the published points of the same measures as markers.
    /// </summary>
    public static SvgChart Chart(Condition condition, CobalaminForm form)
    {
        var physiology = ParameterSet.For(condition);
        double[] doses = [.. Enumerable.Range(0, 41).Select(i => Math.Pow(10, i / 10.0))];
        ChartSeries Curve(string name, Route route, Func<DoseOutcome, Mass> value) => new(
            name,
            doses.Select(d => new ChartPoint(d, value(AbsorptionModel.Evaluate(Dose.Create(Mass.FromMicrograms(d), route, form), physiology)).Micrograms)));
        IEnumerable<ChartSeries> Points(string name, Route route, PublishedMeasure measure)
        {
            ChartPoint[] points =
            [
                .. PublishedPoints.Where(p => p.Route == route && p.Measure == measure && p.Condition == condition && p.Form == form && p.Vehicle == DoseVehicle.Crystalline)
                    .Select(p => new ChartPoint(p.Dose.Micrograms, p.Value)),
            ];
            return points.Length > 0 ? [new ChartSeries(name, points, SeriesStyle.Markers)] : [];
        }

        ChartSeries[] series =
        [
            Curve("by mouth: absorbed (model)", Route.Oral, o => o.Absorbed),
            Curve("intramuscular: kept (model)", Route.Intramuscular, o => o.Retained),
            .. Points("by mouth: absorbed (published)", Route.Oral, PublishedMeasure.AbsorbedMicrograms),
            .. Points("intramuscular: kept (published)", Route.Intramuscular, PublishedMeasure.RetainedMicrograms),
        ];
        return new SvgChart(
                $"One dose of {form.Name()}, {condition.Name()}: absorbed by mouth and kept after an injection",
                new ChartAxis("Dose (µg)", AxisScale.Log10),
                new ChartAxis("Amount (µg)", AxisScale.Log10),
                series)
            .WithDescription("Lines: the library's model. Markers: published means for the same condition and form.");
    }
}

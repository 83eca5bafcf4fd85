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
        var physiology = TeachingModel.Of(condition);
        return [.. Routes.All.Select(route => new RouteRow(route, AbsorptionModel.Evaluate(Dose.Create(amount, route, form), physiology)))];
    }

    /// <summary>The published single-dose points (absorbed, kept, lost): Carmel 2008 Table 1, Blood 1961, Doets 2013.</summary>
    public static IReadOnlyList<PublishedPoint> PublishedPoints { get; } =
        [.. PublishedData.All.Where(p => DoseMeasures.Contains(p.Measure))];

    /// <summary>
    /// Every published point with model 3's value for it (<see cref="PublishedPoint.ModelValue(ParameterSet)"/>), computed
    /// once: the points do not depend on the page's inputs.
    /// </summary>
    public static IReadOnlyList<PublishedRow> PublishedRows => LazyPublishedRows.Value;

    private static readonly Lazy<IReadOnlyList<PublishedRow>> LazyPublishedRows =
        new(() => [.. PublishedPoints.Select(p => new PublishedRow(p, p.ModelValue(TeachingModel.Of(p.Condition))))]);

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
    /// The chart's doses, 1 µg to 8 mg: the powers of 2, evenly spaced on its log axis. Model 3 solves the course of a
    /// dose at doses of the form 2^e·(1 + j/1024) and interpolates between the two that bracket any other dose, so a
    /// power of 2 costs one solve instead of two (in WebAssembly each takes a good part of a second).
    /// </summary>
    public static IReadOnlyList<double> ChartDoses { get; } = [.. Enumerable.Range(0, 14).Select(e => Math.ScaleB(1, e))];

    /// <summary>
    /// Absorbed (by mouth) and kept (injected) against the dose, log-log, for <paramref name="condition"/> and
    /// <paramref name="form"/>, with the published points of the same measures as markers.
    /// </summary>
    public static SvgChart Chart(Condition condition, CobalaminForm form)
    {
        var physiology = TeachingModel.Of(condition);
        ChartSeries Curve(string name, Route route, Func<DoseOutcome, Mass> value) => new(
            name,
            ChartDoses.Select(d => new ChartPoint(d, value(AbsorptionModel.Evaluate(Dose.Create(Mass.FromMicrograms(d), route, form), physiology)).Micrograms)));
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
            .WithDescription("Lines: the library's model 3. Markers: published means for the same condition and form.");
    }
}

/// <summary>A published single-dose point with the model's value for the same dose, route, form and condition.</summary>
/// <param name="Point">The published point.</param>
/// <param name="Model">Model 3's value (<see cref="TeachingModel.Of"/>).</param>
public sealed record PublishedRow(PublishedPoint Point, double Model)
{
    /// <summary>Model / published.</summary>
    public double Ratio => Model / Point.Value;

    /// <summary>Whether the model's value is within the point's band (a factor either way) of the published one.</summary>
    public bool WithinBand => Ratio >= 1 / Point.Band && Ratio <= Point.Band;
}

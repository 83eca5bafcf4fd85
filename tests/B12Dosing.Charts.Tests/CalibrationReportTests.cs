using B12Dosing.Absorption.Calibration;
using B12Dosing.Calibration;

namespace B12Dosing.Charts.Tests;

/// <summary>docs/calibration.md and its chart are generated, not typed: the committed files must be what the model produces now.</summary>
public class CalibrationReportTests
{
    private static string Docs(string file) => Repository(Path.Combine("docs", file));

    private static string Repository(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "B12Dosing.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return File.ReadAllText(Path.Combine(dir.FullName, file));
    }

    private const string Regenerate = "docs are stale: run tools/calibrate.sh";

    /// <summary>The calibration shipped in the library (generated code) is what the calibrator computes now, to the text: values, covariance, points and weights.</summary>
    [Fact]
    public void Shipped_calibration_data_are_what_the_calibrator_computes() =>
        Assert.True(Repository(CalibrationDataFile.RelativePath) == CalibrationDataFile.Write(Calibrator.Estimate()), $"{CalibrationDataFile.RelativePath} is stale: run tools/calibrate.sh");

    /// <summary>
    /// Model 3's shipped fit (<see cref="CalibrationEstimate.FreeCapacity"/>) is the model at its stored values: the values
    /// are what <c>Physiology.WithFreeCapacity()</c> sets, and every point's stored log residual is what the model gives now
    /// (to the 6 digits stored). Refitting takes half an hour, so the fit itself is not rerun here; its covariance is
    /// checked to be a covariance (symmetric, positive definite) by the estimate's constructor.
    /// </summary>
    [Fact]
    public void Model3_calibration_data_are_the_model_at_the_stored_values()
    {
        var fit = Assert.Single(CalibrationEstimate.FreeCapacity.Fits);
        var healthy = B12Dosing.Absorption.Physiology.Healthy.WithFreeCapacity();
        var shipped = FreeCapacityFit.Start(healthy);
        for (var i = 0; i < fit.Parameters.Count; i++)
        {
            Assert.Equal(fit.Parameters[i].ValueIn(healthy), fit.Values[i]);
        }

        var now = FreeCapacityFit.Evaluate(shipped);
        Assert.Equal(fit.Points.Select(p => p.Id), now.Select(p => p.Id));
        foreach (var (stored, point) in fit.Points.Zip(now))
        {
            Assert.True(Math.Abs(stored.LogResidual - Math.Log(point.Ratio)) <= 1e-5 * Math.Max(1, Math.Abs(stored.LogResidual)), $"{point.Id}: stored {stored.LogResidual}, now {Math.Log(point.Ratio)}: run --model3-write");
        }
    }

    [Fact]
    public void Calibration_markdown_is_current() =>
        Assert.True(Docs("calibration.md") == CalibrationReport.Markdown("calibration-absorption.svg"), Regenerate);

    [Fact]
    public void Calibration_chart_is_current() =>
        Assert.True(Docs("calibration-absorption.svg") == CalibrationReport.Chart().ToSvg(), Regenerate);

    [Fact]
    public void Report_lists_every_published_point_with_its_ratio()
    {
        var markdown = CalibrationReport.Markdown("chart.svg");
        foreach (var point in PublishedData.All)
        {
            Assert.Contains($"| {point.Id} |", markdown, StringComparison.Ordinal);
        }

        Assert.Contains("Worst ratio", markdown, StringComparison.Ordinal);
    }
}

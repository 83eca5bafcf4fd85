using B12Dosing.Absorption.Calibration;
using B12Dosing.Calibration;

namespace B12Dosing.Charts.Tests;

/// <summary>docs/calibration.md and its chart are generated, not typed: the committed files must be what the model produces now.</summary>
public class CalibrationReportTests
{
    private static string Docs(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "B12Dosing.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return File.ReadAllText(Path.Combine(dir.FullName, "docs", file));
    }

    private const string Regenerate = "docs are stale: run 'dotnet run --project tools/B12Dosing.Calibration -- docs/calibration.md'";

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

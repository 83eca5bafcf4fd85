using System.Text.RegularExpressions;
using B12Dosing.Absorption;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Examples.Tests;

/// <summary>The README's quick start and links, and the example charts committed under docs/examples.</summary>
public sealed partial class DocsTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(ExampleRun.Root, "README.md")).ReplaceLineEndings("\n");

    [Fact]
    public void Readme_quick_start_is_the_code_of_quick_start_cs()
    {
        var source = File.ReadAllText(Path.Combine(ExampleRun.Root, "docs/examples/quick-start.cs")).ReplaceLineEndings("\n");
        var code = source[source.IndexOf("using B12Dosing.", StringComparison.Ordinal)..].TrimEnd('\n');
        Assert.Equal(code, Block(QuickStart(), "csharp"));
    }

    [Fact]
    public void Readme_quick_start_shows_exactly_what_it_prints()
    {
        var run = ExampleRun.Of("quick-start");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(string.Join('\n', run.Lines).Trim('\n'), Block(QuickStart(), "text"));
    }

    [Fact]
    public void Quick_start_prints_what_the_library_gives()
    {
        var result = Simulator.Run(
            Regimen.Parse("1 mg ohcbl im tiw for 2w then 1 mg ohcbl im q3mo"),
            new SimulationSettings(TimeSpan.FromDays(365)) { ParameterSet = ParameterSet.PerniciousAnemia, InitialStores = Mass.FromMicrograms(150) });
        var printed = string.Join('\n', ExampleRun.Of("quick-start").Lines);
        Assert.Contains(result.Summary.ToString().ReplaceLineEndings("\n"), printed, StringComparison.Ordinal);
        Assert.Contains(result.Series[365].ToString(), printed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("oral-vs-injected", 6)]
    [InlineData("split-dosing", 4)]
    [InlineData("pernicious-anaemia", 14)]
    [InlineData("relapse", 4)]
    [InlineData("population", 6)]
    [InlineData("serum-time-course", 24)]
    [InlineData("oral-supplements", 16)]
    [InlineData("individual-estimate", 1)]
    [InlineData("target-attainment", 1)]
    [InlineData("calibration-uncertainty", 1)]
    public void Example_runs_cleanly_and_draws_its_curves(string name, int curves)
    {
        var svg = ExampleRun.Of(name).AssertRanAndDrewChart();
        Assert.Equal(curves, svg.Descendants("{http://www.w3.org/2000/svg}polyline").Count());
    }

    [Theory]
    [InlineData("oral-vs-injected")]
    [InlineData("split-dosing")]
    [InlineData("pernicious-anaemia")]
    [InlineData("relapse")]
    [InlineData("population")]
    [InlineData("serum-time-course")]
    [InlineData("oral-supplements")]
    [InlineData("individual-estimate")]
    [InlineData("target-attainment")]
    [InlineData("calibration-uncertainty")]
    public void Committed_chart_is_what_the_example_draws_now(string name)
    {
        var committed = File.ReadAllText(Path.Combine(ExampleRun.Root, $"docs/examples/{name}.svg")).ReplaceLineEndings("\n");
        var run = ExampleRun.Of(name);
        Assert.NotNull(run.Svg);
        Assert.True(
            committed == run.Svg.ReplaceLineEndings("\n"),
            $"docs/examples/{name}.svg is out of date; regenerate it: dotnet run docs/examples/{name}.cs -- --svg docs/examples/{name}.svg");
    }

    [Fact]
    public void Readme_links_to_files_that_exist()
    {
        var links = RelativeLink().Matches(Readme).Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.True(Path.Exists(Path.Combine(ExampleRun.Root, link)), $"README links to {link}, which does not exist"));
    }

    private static string QuickStart()
    {
        var start = Readme.IndexOf("## Quick start", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no '## Quick start' section");
        var end = Readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return Readme[start..end];
    }

    /// <summary>The first fenced block of <paramref name="language"/> in <paramref name="section"/>.</summary>
    private static string Block(string section, string language)
    {
        var fence = $"```{language}\n";
        var start = section.IndexOf(fence, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no ```{language} block in the quick start");
        start += fence.Length;
        return section[start..section.IndexOf("\n```", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex(@"\]\(((?:docs/|[A-Z])[^)#:]*)\)")]
    private static partial Regex RelativeLink();
}

using System.Globalization;
using System.Text.Json;
using B12Dosing.Cli;
using B12Dosing.Dosing;

namespace B12Dosing.Cli.Tests;

public sealed class CliJsonTests
{
    private sealed record Sample(double SerumLevelPmolPerL, Route Route);

    [Fact]
    public void WritesSnakeCaseNamesAndEnumsWithInvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            using var output = new StringWriter();
            CliJson.Write(output, new Sample(295.1, Route.Intramuscular));
            using var json = JsonDocument.Parse(output.ToString());
            Assert.Equal(295.1, json.RootElement.GetProperty("serum_level_pmol_per_l").GetDouble());
            Assert.Equal("intramuscular", json.RootElement.GetProperty("route").GetString());
            Assert.Contains("295.1", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void RefusesNaN()
    {
        using var output = new StringWriter();
        Assert.Throws<ArgumentException>(() => CliJson.Write(output, new Sample(double.NaN, Route.Oral)));
    }
}

using System.Text.Json;
using B12Dosing.Absorption.Calibration;
using B12Dosing.Estimation;
using B12Dosing.EventTables;

namespace B12Dosing.Cli.Tests;

/// <summary>Issue 19: <c>b12 estimate --events</c> (the table's DV as blood tests) and <c>--uncertainty</c> on <c>simulate</c> and <c>population</c>.</summary>
public sealed class EstimateEventsUncertaintyTests : IDisposable
{
    private const string Table =
        "ID,TIME,AMT,EVID,ROUTE,DV,ANALYTE,UNIT,CENS\n" +
        "1,0,.,0,.,160,serum,pg/mL,0\n" +
        "1,0,1000,1,im,.,.,.,.\n" +
        "1,168,1000,1,im,.,.,.,.\n" +
        "1,720,.,0,.,420,serum,pg/mL,0\n" +
        "1,720,.,0,.,45,holotc,pmol/L,0\n" +
        "2,0,100,1,oral,.,.,.,.\n" +
        "2,24,.,0,.,300,serum,pmol/L,.\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("b12-estimate-events-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Estimate_from_events_is_the_library_estimate_from_the_table()
    {
        var file = Write("obs.csv", Table);
        var json = JsonDocument.Parse(CliRunner.AssertSuccess("estimate", "--events", file, "--id", "1", "--condition", "pernicious-anemia", "--json")).RootElement;
        var table = EventTable.Parse(Table);
        var expected = Estimator.Estimate(table.Events(1), table.Observations(1), EstimationSettings.Default with { Condition = Absorption.Condition.PerniciousAnemia });
        Assert.Equal(3, json.GetProperty("fits").GetArrayLength());
        Assert.Equal(expected.Parameters[0].Factor, json.GetProperty("parameters")[0].GetProperty("factor").GetDouble());
        Assert.Equal("holotc", json.GetProperty("fits")[2].GetProperty("analyte").GetString());
        var text = CliRunner.AssertSuccess("estimate", "--events", file, "--id", "1", "--condition", "pernicious-anemia");
        Assert.Contains("obs.csv, subject 1", text, StringComparison.Ordinal);
        Assert.Contains("Projected on the same doses", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_from_events_refuses_bad_input_in_one_line()
    {
        var file = Write("obs.csv", Table);
        Assert.Contains("2 subjects (1, 2); choose one with --id", CliRunner.AssertUsageError("estimate", "--events", file), StringComparison.Ordinal);
        Assert.Contains("Give either --regimen (with --observations) or --events", CliRunner.AssertUsageError("estimate", "--events", file, "--id", "1", "--regimen", "1 mg im monthly"), StringComparison.Ordinal);
        var unit = Write("unit.csv", "TIME,AMT,EVID,ROUTE,DV,ANALYTE,UNIT\n0,1000,1,im,.,.,.\n24,.,0,.,160,serum,.\n");
        Assert.Contains("Line 3, column UNIT is missing for a serum DV", CliRunner.AssertUsageError("estimate", "--events", unit), StringComparison.Ordinal);
        var number = Write("number.csv", "TIME,AMT,EVID,ROUTE,DV,ANALYTE,UNIT\n0,1000,1,im,.,.,.\n24,.,0,.,1 60,serum,pg/mL\n");
        Assert.Contains("Line 3, column DV is '1 60', not a finite number", CliRunner.AssertUsageError("estimate", "--events", number), StringComparison.Ordinal);
        var unlabelled = Write("unlabelled.csv", "TIME,AMT,EVID,ROUTE,DV\n0,1000,1,im,.\n24,.,0,.,610\n");
        Assert.Contains("Line 3, column DV has a value but the table has no ANALYTE column", CliRunner.AssertUsageError("estimate", "--events", unlabelled), StringComparison.Ordinal);
        var none = Write("none.csv", "TIME,AMT,EVID,ROUTE\n0,1000,1,im\n24,.,0,.\n");
        Assert.Contains("has no blood tests", CliRunner.AssertUsageError("estimate", "--events", none), StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_uncertainty_is_the_library_band_named_in_the_json()
    {
        var json = JsonDocument.Parse(CliRunner.AssertSuccess("simulate", "--regimen", "1 mg im monthly", "--days", "60", "--condition", "pernicious-anemia", "--uncertainty", "40", "--uncertainty-seed", "5", "--json")).RootElement;
        var band = json.GetProperty("calibration_uncertainty");
        Assert.Equal("calibration", band.GetProperty("what").GetString());
        Assert.Equal(40, band.GetProperty("draws").GetInt32());
        var settings = new Kinetics.SimulationSettings(TimeSpan.FromDays(60)) { ParameterSet = Absorption.ParameterSet.PerniciousAnemia };
        var expected = CalibrationEstimate.Current.Simulate(Regimens.Regimen.Parse("1 mg im monthly").Events(settings.Horizon), settings, 40, 5);
        var rows = band.GetProperty("series").EnumerateArray().ToArray();
        Assert.Equal(expected.Rows.Count, rows.Length);
        Assert.Equal(json.GetProperty("series").GetArrayLength(), rows.Length);
        Assert.Equal(expected.Rows[^1].SerumLower.PicogramsPerMilliliter, rows[^1].GetProperty("serum_pg_per_ml_p5").GetDouble());
        Assert.Equal(expected.Rows[^1].HoloTranscobalaminUpper.PicomolesPerLiter, rows[^1].GetProperty("holotc_pmol_per_l_p95").GetDouble());
        var text = CliRunner.AssertSuccess("simulate", "--regimen", "1 mg im monthly", "--days", "60", "--uncertainty", "20");
        Assert.Contains("Calibration uncertainty (20 parameter sets", text, StringComparison.Ordinal);
        var svg = Path.Combine(_folder, "band.svg");
        CliRunner.AssertSuccess("simulate", "--regimen", "1 mg im monthly", "--days", "60", "--uncertainty", "20", "--svg", svg);
        Assert.Contains("calibration uncertainty, 5-95 % of 20 parameter sets", File.ReadAllText(svg), StringComparison.Ordinal);
    }

    [Fact]
    public void Population_uncertainty_is_a_band_of_its_own()
    {
        var json = JsonDocument.Parse(CliRunner.AssertSuccess("population", "--regimen", "1 mg im monthly", "--days", "30", "--patients", "50", "--seed", "1", "--condition", "pernicious-anemia", "--uncertainty", "20", "--json")).RootElement;
        var band = json.GetProperty("calibration_uncertainty");
        Assert.Equal("calibration", band.GetProperty("what").GetString());
        var median = band.GetProperty("serum_median_pg_per_ml");
        var days = json.GetProperty("day").GetArrayLength();
        Assert.Equal(days, median.GetProperty("p50").GetArrayLength());
        Assert.All(Enumerable.Range(0, days), i => Assert.True(median.GetProperty("p5")[i].GetDouble() <= median.GetProperty("p95")[i].GetDouble()));
        Assert.False(JsonDocument.Parse(CliRunner.AssertSuccess("population", "--regimen", "1 mg im monthly", "--days", "30", "--patients", "50", "--seed", "1", "--json")).RootElement.TryGetProperty("calibration_uncertainty", out _));
    }

    [Theory]
    [InlineData("simulate", "--uncertainty", "5")]
    [InlineData("simulate", "--uncertainty", "many")]
    [InlineData("simulate", "--uncertainty-seed", "3")]
    [InlineData("population", "--uncertainty", "19")]
    public void Uncertainty_refuses_bad_input_in_one_line(string command, string option, string value)
    {
        string[] args = command == "simulate"
            ? ["simulate", "--regimen", "1 mg im monthly", "--days", "30", option, value]
            : ["population", "--regimen", "1 mg im monthly", "--days", "30", "--patients", "10", "--seed", "1", option, value];
        Assert.Contains(option, CliRunner.AssertUsageError(args), StringComparison.Ordinal);
        Assert.Contains("--uncertainty: draws the calibration around one condition", CliRunner.AssertUsageError("population", "--regimen", "1 mg im monthly", "--days", "30", "--patients", "10", "--seed", "1", "--condition", "pernicious-anemia=0.5,healthy=0.5", "--uncertainty", "20"), StringComparison.Ordinal);
        Assert.Contains("--uncertainty adds a band", CliRunner.AssertUsageError("simulate", "--regimen", "1 mg im monthly", "--days", "30", "--uncertainty", "20", "--csv"), StringComparison.Ordinal);
    }
}

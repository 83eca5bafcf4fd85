using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using B12Dosing.Regimens;

namespace B12Dosing.Cli.Tests;

public sealed class SimulateCommandTests
{
    [Fact]
    public void Json_has_the_contract_fields()
    {
        using var json = JsonDocument.Parse(CliRunner.AssertSuccess("simulate", "--regimen", "kuzminski-im", "--days", "120", "--condition", "pernicious-anemia", "--json"));
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(9000, summary.GetProperty("total_dose_ug").GetDouble(), 9);
        Assert.Equal(9000, summary.GetProperty("total_absorbed_ug").GetDouble(), 9);
        Assert.True(summary.GetProperty("total_excreted_ug").GetDouble() > 0);
        Assert.True(summary.GetProperty("final_stores_ug").GetDouble() > 2500);
        Assert.True(summary.GetProperty("final_serum_pg_per_ml").GetDouble() > 350);
        Assert.True(Math.Abs(summary.GetProperty("mass_balance_error_ug").GetDouble()) < 1e-9 * 9000);
        var series = json.RootElement.GetProperty("series");
        Assert.Equal(121, series.GetArrayLength());
        var last = series[120];
        Assert.Equal(120, last.GetProperty("day").GetDouble());
        Assert.Equal(summary.GetProperty("final_stores_ug").GetDouble(), last.GetProperty("stores_ug").GetDouble());
        Assert.Equal(last.GetProperty("serum_pg_per_ml").GetDouble() / 1.35537, last.GetProperty("serum_pmol_per_l").GetDouble(), 9);
    }

    [Fact]
    public void Csv_names_the_units_and_follows_the_step()
    {
        var lines = CliRunner.AssertSuccess("simulate", "--regimen", "1000 µg oral q1d", "--days", "2", "--step-hours", "6", "--csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("day,dose_number,time_since_last_dose_h,stores_ug,plasma_ug,serum_pg_per_ml,serum_pmol_per_l,cumulative_urine_ug,cumulative_faeces_ug,holotc_pmol_per_l,labile_ug,holotc_ug,holohc_ug,protein_bound_ug,free_ug,body_ug", lines[0]);
        Assert.Equal(1 + 9, lines.Length);
        Assert.StartsWith("0.25,", lines[2], StringComparison.Ordinal);
    }

    /// <summary><c>--times</c> samples at those days only; the rows equal the same days of a daily run.</summary>
    [Fact]
    public void Times_sample_at_those_days()
    {
        var lines = CliRunner.AssertSuccess("simulate", "--regimen", "1 mg im q84h", "--days", "30", "--times", "0,0.5,1,2,7,30", "--csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["0", "0.5", "1", "2", "7", "30"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal(["", "12", "24", "48", "84", "48"], lines.Skip(1).Select(l => l.Split(',')[2]));
        var daily = CliRunner.AssertSuccess("simulate", "--regimen", "1 mg im q84h", "--days", "30", "--csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // Day 7: the same stores, up to the rounding of a different path of steps (exact propagators, composed differently).
        var (onGrid, sampled) = (double.Parse(daily[8].Split(',')[3], CultureInfo.InvariantCulture), double.Parse(lines[5].Split(',')[3], CultureInfo.InvariantCulture));
        Assert.Equal(onGrid, sampled, onGrid * 1e-12);
    }

    /// <summary><c>--after-dose 2h</c> adds a row 2 h after each dose and the trough just before it.</summary>
    [Fact]
    public void After_dose_samples_two_hours_after_each_dose()
    {
        using var json = JsonDocument.Parse(CliRunner.AssertSuccess("simulate", "--regimen", "1 mg im weekly", "--days", "14", "--step-hours", "336", "--after-dose", "2h", "--json"));
        var series = json.RootElement.GetProperty("series").EnumerateArray().ToArray();
        Assert.Equal([0, 2.0 / 24, 7, 7 + (2.0 / 24), 14], series.Select(r => r.GetProperty("day").GetDouble()));
        Assert.Equal([0, 1, 1, 2, 2], series.Select(r => r.GetProperty("dose_number").GetInt32()));
        Assert.Equal(JsonValueKind.Null, series[0].GetProperty("time_since_last_dose_h").ValueKind);
        Assert.Equal(2, series[1].GetProperty("time_since_last_dose_h").GetDouble());
        Assert.Equal(168, series[2].GetProperty("time_since_last_dose_h").GetDouble());
    }

    [Theory]
    [InlineData("--times", "0,,1", "empty item")]
    [InlineData("--times", "0,1e400", "'1e400' in --times")]
    [InlineData("--times", "1,31", "beyond the horizon")]
    [InlineData("--times", "1,1", "Two sample times are equal")]
    [InlineData("--after-dose", "2", "'2' in --after-dose is not a duration")]
    [InlineData("--after-dose", "-2h", "'-2h' in --after-dose")]
    public void Bad_sample_times_are_one_line_usage_errors(string option, string value, string expected)
    {
        var line = CliRunner.AssertUsageError("simulate", "--regimen", "1 mg im weekly", "--days", "30", option, value);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    /// <summary>The JSON records its inputs, and its rows use the CSV's field names.</summary>
    [Fact]
    public void Json_records_the_inputs_and_uses_the_csv_names()
    {
        using var json = JsonDocument.Parse(CliRunner.AssertSuccess("simulate", "--regimen", "kuzminski-oral", "--days", "30", "--condition", "pernicious-anaemia", "--initial-stores", "150 µg", "--json"));
        var inputs = json.RootElement.GetProperty("inputs");
        Assert.Equal(RegimenCatalogue.Get("kuzminski-oral").Regimen.ToString(), inputs.GetProperty("regimen").GetString());
        Assert.Equal("kuzminski-oral", inputs.GetProperty("regimen_name").GetString());
        Assert.Equal("pernicious-anemia", inputs.GetProperty("condition").GetString());
        Assert.Equal(150, inputs.GetProperty("initial_stores_ug").GetDouble());
        Assert.Equal(30, inputs.GetProperty("days").GetDouble());
        Assert.Equal(24, inputs.GetProperty("step_hours").GetDouble());
        Assert.Equal("nice", inputs.GetProperty("guideline").GetString());
        // The version computed from git (Nerdbank.GitVersioning): major.minor.height, then the commit it was built from.
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\+[0-9a-f]{10,40}$", inputs.GetProperty("model_version").GetString());
        Assert.StartsWith(typeof(B12Dosing.Kinetics.Simulator).Assembly.GetName().Version!.ToString(2) + ".", inputs.GetProperty("model_version").GetString(), StringComparison.Ordinal);
        var header = CliRunner.AssertSuccess("simulate", "--regimen", "kuzminski-oral", "--days", "30", "--csv").Split("\r\n")[0].Split(',');
        Assert.Equal(header, json.RootElement.GetProperty("series")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Text_summary_names_the_guideline_band()
    {
        var text = CliRunner.AssertSuccess("simulate", "--regimen", "none", "--days", "2000", "--condition", "pernicious-anaemia");
        Assert.Contains("mass balance error", text, StringComparison.Ordinal);
        Assert.Contains("NICE", text, StringComparison.Ordinal);
        Assert.Contains("deficiency likely", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// NICE NG239's active-B12 (holotranscobalamin) cut-offs classify the holoTC the simulation now gives: in pernicious
    /// anaemia without treatment, no biliary B12 is reabsorbed onto transcobalamin and holoTC falls to zero in the
    /// model, "deficiency likely" (below 25 pmol/L); the JSON rows carry holotc_pmol_per_l, the CSV its column.
    /// </summary>
    [Fact]
    public void An_active_B12_guideline_classifies_holotranscobalamin()
    {
        var text = CliRunner.AssertSuccess("simulate", "--regimen", "none", "--days", "200", "--condition", "pernicious-anemia", "--guideline", "nice-active");
        Assert.Contains("NICE", text, StringComparison.Ordinal);
        Assert.Contains("likely", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(CliRunner.AssertSuccess("simulate", "--regimen", "none", "--days", "2", "--json"));
        var first = json.RootElement.GetProperty("series")[0];
        Assert.InRange(first.GetProperty("holotc_pmol_per_l").GetDouble(), 25, 150);
        var header = CliRunner.AssertSuccess("simulate", "--regimen", "none", "--days", "2", "--csv").Split("\r\n")[0];
        Assert.Contains("holotc_pmol_per_l", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_is_written_as_well_formed_xml()
    {
        var file = Path.Combine(Path.GetTempPath(), $"b12-simulate-{Guid.NewGuid():N}.svg");
        try
        {
            CliRunner.AssertSuccess("simulate", "--regimen", "bnf-no-neuro", "--days", "200", "--svg", file, "--guideline", "who");
            var svg = XDocument.Load(file);
            Assert.Equal("svg", svg.Root!.Name.LocalName);
            Assert.Equal(2, svg.Root.Elements().Count(e => e.Name.LocalName == "svg"));
            Assert.Contains("WHO", File.ReadAllText(file), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Every catalogue protocol runs for a year and closes its mass balance.</summary>
    [Fact]
    public void The_catalogue_runs()
    {
        foreach (var name in RegimenCatalogue.Names)
        {
            using var json = JsonDocument.Parse(CliRunner.AssertSuccess("simulate", "--regimen", name, "--days", "365", "--json"));
            var summary = json.RootElement.GetProperty("summary");
            var scale = Math.Max(summary.GetProperty("total_dose_ug").GetDouble(), 2500);
            Assert.True(Math.Abs(summary.GetProperty("mass_balance_error_ug").GetDouble()) <= 1e-9 * scale, name);
        }
    }

    /// <summary>The regimen parser's message says "at character 1", which the shared helper's stack-trace check would flag: checked here directly.</summary>
    [Fact]
    public void Unknown_regimen_is_one_line_and_exit_code_2()
    {
        var (exitCode, stdout, stderr) = CliRunner.Run("simulate", "--regimen", "nope", "--days", "10");
        Assert.Equal(B12Cli.UsageError, exitCode);
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("b12: --regimen 'nope' is not a catalogue name. Did you mean 'none'?", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--days", "simulate", "--regimen", "none", "--days", "-1")]
    [InlineData("--days", "simulate", "--regimen", "none", "--days", "100000")]
    [InlineData("international unit", "simulate", "--regimen", "none", "--days", "10", "--initial-stores", "5 IU")]
    [InlineData("--step-hours", "simulate", "--regimen", "none", "--days", "10", "--step-hours", "0")]
    [InlineData("cannot be used together", "simulate", "--regimen", "none", "--days", "10", "--json", "--csv")]
    [InlineData("not a condition", "simulate", "--regimen", "none", "--days", "10", "--condition", "scurvy")]
    [InlineData("--regimen", "simulate", "--days", "10")]
    public void Bad_input_is_one_line_and_exit_code_2(string expected, params string[] args) =>
        Assert.Contains(expected, CliRunner.AssertUsageError(args), StringComparison.OrdinalIgnoreCase);

    /// <summary><c>--model 3</c> runs the condition's model-3 form (<c>WithFreeCapacity()</c>): the JSON summary is the library's model-3 run, and differs from model 2's on daily tablets.</summary>
    [Fact]
    public void Model_3_runs_the_free_capacity_form_of_the_condition()
    {
        double FinalSerum(params string[] extra)
        {
            using var json = JsonDocument.Parse(CliRunner.AssertSuccess(["simulate", "--regimen", "500 µg oral daily", "--days", "28", "--condition", "pernicious-anemia", "--json", .. extra]));
            return json.RootElement.GetProperty("summary").GetProperty("final_serum_pg_per_ml").GetDouble();
        }

        var settings = new Kinetics.SimulationSettings(TimeSpan.FromDays(28)) { ParameterSet = Absorption.ParameterSet.PerniciousAnemia.WithFreeCapacity() };
        var library = Kinetics.Simulator.Run(Regimen.Parse("500 µg oral daily"), settings).Summary.FinalSerum.PicogramsPerMilliliter;
        var (model3, model2, byDefault) = (FinalSerum("--model", "3"), FinalSerum("--model", "2"), FinalSerum());
        Assert.Equal(library, model3, library * 1e-12);
        Assert.Equal(model2, byDefault);
        Assert.True(model2 > 2 * model3, $"model 2 {model2}, model 3 {model3} pg/mL");
    }

    [Theory]
    [InlineData("4")]
    [InlineData("three")]
    [InlineData("")]
    public void An_unknown_model_is_a_usage_error_naming_the_option(string model)
    {
        var stderr = CliRunner.AssertUsageError("simulate", "--regimen", "1 mg im", "--days", "2", "--model", model);
        Assert.Contains("--model", stderr, StringComparison.Ordinal);
    }

    /// <summary><c>parameters --model 3</c> lists model 3's constants (the holoTC half-life fitted for it), <c>compare --model 3</c> model 3's single doses.</summary>
    [Fact]
    public void Parameters_and_compare_take_the_model_too()
    {
        var model3 = Absorption.ParameterSet.Healthy.WithFreeCapacity();
        var text = CliRunner.AssertSuccess("parameters", "--model", "3", "--json");
        using var json = JsonDocument.Parse(text);
        var halfLife = json.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "HoloTranscobalaminHalfLife").GetProperty("value").GetDouble();
        Assert.Equal(model3.HoloTranscobalaminHalfLife.TotalHours, halfLife, 1e-12);
        using var compare = JsonDocument.Parse(CliRunner.AssertSuccess("compare", "--dose", "1000 µg", "--model", "3", "--json"));
        var im = Absorption.AbsorptionModel.Evaluate(Dosing.Dose.Intramuscular(UnitsNet.Mass.FromMicrograms(1000)), model3).Retained.Micrograms;
        Assert.Contains(compare.RootElement.EnumerateArray(), r => r.GetProperty("route").GetString() == "im" && Math.Abs(r.GetProperty("retained_ug").GetDouble() - im) <= 1e-9 * im);
    }
}

using System.Text.Json;
using B12Dosing.Estimation;
using B12Dosing.Targets;

namespace B12Dosing.Cli.Tests;

/// <summary>Issue 19: <c>b12 estimate</c> and <c>b12 target</c> print what the library computes, and refuse bad input in one line.</summary>
public sealed class EstimateTargetCommandTests
{
    private const string Regimen = "100 µg oral daily for 4w";

    private const string Observed = "day 0: 150 pg/mL, day 14: 480 pg/mL, day 28: 620 pg/mL";

    private static JsonElement Json(params string[] args)
    {
        var stdout = CliRunner.AssertSuccess([.. args, "--json"]);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    [Fact]
    public void Estimate_json_is_the_library_estimate()
    {
        var json = Json("estimate", "--regimen", Regimen, "--observations", Observed, "--condition", "atrophic-gastritis");
        var expected = Estimator.Estimate(Regimens.Regimen.Parse(Regimen), Observation.ParseList(Observed), EstimationSettings.Default with { Condition = Absorption.Condition.AtrophicGastritis });
        var parameters = json.GetProperty("parameters").EnumerateArray().ToArray();
        Assert.Equal(5, parameters.Length);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(expected.Parameters[i].Factor, parameters[i].GetProperty("factor").GetDouble());
            Assert.Equal(expected.Parameters[i].LowerFactor, parameters[i].GetProperty("factor_lower").GetDouble());
            Assert.Equal(expected.Parameters[i].Values.Mode, parameters[i].GetProperty("mode").GetDouble());
        }

        Assert.Equal(3, json.GetProperty("fits").GetArrayLength());
        Assert.Equal("atrophic-gastritis", json.GetProperty("condition").GetString());
        Assert.True(json.GetProperty("projection").GetArrayLength() > 10);
        Assert.Contains(json.GetProperty("parameters")[0].GetProperty("method").GetString(), new[] { "laplace", "importance_resampling" });
    }

    [Fact]
    public void Estimate_text_names_each_parameter_and_the_disclaimer()
    {
        var text = CliRunner.AssertSuccess("estimate", "--regimen", Regimen, "--observations", Observed);
        Assert.Contains("initial stores", text, StringComparison.Ordinal);
        Assert.Contains("not medical advice", text, StringComparison.Ordinal);
        Assert.Contains("Projected on the same regimen", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--observations", "day x: 160 pg/mL")]
    [InlineData("--observations", "day 0: 160 mg")]
    [InlineData("--cv", "0")]
    [InlineData("--cv", "1.5")]
    [InlineData("--condition", "unwell")]
    [InlineData("--project-days", "-3")]
    public void Estimate_refuses_bad_input_in_one_line(string option, string value)
    {
        string[] args = ["estimate", "--regimen", Regimen, "--observations", Observed];
        var line = CliRunner.AssertUsageError([.. args.Where((a, i) => !(a == option || (i > 0 && args[i - 1] == option))), option, value]);
        Assert.Contains(value.Split(':')[0], line, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_json_is_the_library_answer()
    {
        var json = Json("target", "--route", "im", "--dose", "1 mg", "--condition", "pernicious-anemia", "--guideline", "nice", "--initial-stores", "300 µg");
        var expected = TargetSolver.LongestInterval(
            Dosing.Dose.Intramuscular(UnitsNet.Mass.FromMilligrams(1)),
            TargetLine.FromGuideline(Guidelines.SerumGuidelines.NiceTotal),
            TargetSettings.ForCondition(Absorption.Condition.PerniciousAnemia) with { InitialStores = UnitsNet.Mass.FromMicrograms(300) });
        Assert.Equal("interval", json.GetProperty("solved_for").GetString());
        Assert.Equal(expected.Attained, json.GetProperty("attained").GetBoolean());
        Assert.Equal(expected.Answer.Interval.TotalDays, json.GetProperty("answer").GetProperty("interval_days").GetDouble());
        Assert.Equal(expected.Answer.Regimen.ToString(), json.GetProperty("answer").GetProperty("regimen").GetString());
        Assert.True(json.GetProperty("monotone").GetBoolean());
    }

    [Fact]
    public void Target_solves_for_the_dose_with_an_interval()
    {
        var json = Json("target", "--route", "im", "--interval", "60d", "--condition", "pernicious-anemia", "--initial-stores", "300 µg", "--from-days", "180");
        Assert.Equal("dose", json.GetProperty("solved_for").GetString());
        Assert.True(json.GetProperty("answer").GetProperty("passes").GetBoolean());
        Assert.False(json.GetProperty("beyond").GetProperty("passes").GetBoolean());
        Assert.True(json.GetProperty("beyond").GetProperty("dose_ug").GetDouble() < json.GetProperty("answer").GetProperty("dose_ug").GetDouble());
    }

    [Theory]
    [InlineData("--share", "1.5")]
    [InlineData("--line", "holoTC 0 pmol/L")]
    [InlineData("--route", "rectal")]
    [InlineData("--span-days", "0")]
    public void Target_refuses_bad_input_in_one_line(string option, string value)
    {
        CliRunner.AssertUsageError("target", "--dose", "1 mg", option, value);
    }

    [Fact]
    public void Target_needs_either_a_dose_or_an_interval()
    {
        Assert.Contains("--dose", CliRunner.AssertUsageError("target", "--route", "im"), StringComparison.Ordinal);
        Assert.Contains("--dose", CliRunner.AssertUsageError("target", "--dose", "1 mg", "--interval", "30d"), StringComparison.Ordinal);
    }
}

using System.Text.Json;

namespace B12Dosing.Cli.Tests;

public sealed class PopulationCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (exitCode, stdout, stderr) = CliRunner.Run(["population", .. args, "--json"]);
        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    private static double[] Numbers(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetDouble())];

    [Fact]
    public void Json_has_the_percentile_series_for_every_day()
    {
        var json = Json("--regimen", "bnf-no-neuro", "--days", "60", "--patients", "200", "--seed", "4", "--condition", "pernicious-anemia");
        Assert.Equal("1 mg ohcbl im tiw for 2w then 1 mg ohcbl im q3mo", json.GetProperty("regimen").GetString());
        Assert.Equal("pernicious-anemia", json.GetProperty("condition").GetString());
        Assert.Equal(200, json.GetProperty("patients").GetInt32());
        Assert.Equal(4UL, json.GetProperty("seed").GetUInt64());
        Assert.Equal(180, json.GetProperty("serum_threshold_pg_per_ml").GetDouble());
        Assert.Equal(1.0 / 256, json.GetProperty("percentile_relative_error").GetDouble());
        Assert.Equal(Enumerable.Range(0, 61).Select(d => (double)d), Numbers(json.GetProperty("day")));
        foreach (var quantity in new[] { "stores_ug", "serum_pg_per_ml" })
        {
            var series = new[] { "p5", "p25", "p50", "p75", "p95" }.Select(p => Numbers(json.GetProperty(quantity).GetProperty(p))).ToArray();
            Assert.All(series, s => Assert.Equal(61, s.Length));
            Assert.All(Enumerable.Range(0, 61), day => Assert.True(series.Zip(series.Skip(1)).All(pair => pair.First[day] <= pair.Second[day])));
        }

        Assert.Equal(61, Numbers(json.GetProperty("share_below_threshold")).Length);
    }

    [Fact]
    public void Same_seed_same_output_and_a_mix_of_conditions()
    {
        string[] args = ["population", "--regimen", "none", "--days", "30", "--patients", "100", "--seed", "9", "--condition", "pa=0.5,healthy=0.5", "--json"];
        var first = CliRunner.Run(args);
        Assert.Equal(first, CliRunner.Run(args));
        Assert.Contains("\"condition\": \"pernicious-anemia 50 %, healthy 50 %\"", first.Stdout, StringComparison.Ordinal);
        Assert.NotEqual(first.Stdout, CliRunner.Run([.. args[..^3], "--json"]).Stdout);
    }

    [Fact]
    public void Text_is_a_table_of_sampled_days()
    {
        var (exitCode, stdout, stderr) = CliRunner.Run("population", "--regimen", "oral-1000-daily", "--days", "365", "--patients", "50", "--seed", "1");
        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, stderr);
        var lines = stdout.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("50 virtual patients (healthy), seed 1, regimen: 1000 µg oral daily", lines[0], StringComparison.Ordinal);
        Assert.Equal(3 + 13 + 1, lines.Length);
        Assert.StartsWith("   365  ", lines[^2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--days", "0", "--days must be 1 or more")]
    [InlineData("--days", "-5", "--days must be 1 or more")]
    [InlineData("--patients", "0", "--patients must be 1 or more")]
    [InlineData("--patients", "-1", "--patients must be 1 or more")]
    [InlineData("--seed", "-1", "-1")]
    [InlineData("--condition", "scurvy", "scurvy")]
    [InlineData("--condition", "pa=0", "pa=0")]
    [InlineData("--days", "40000", "horizon")]
    public void Bad_values_give_one_line_and_exit_code_2(string option, string value, string expected)
    {
        var args = new Dictionary<string, string> { ["--regimen"] = "bnf-no-neuro", ["--days"] = "10", ["--patients"] = "5", ["--seed"] = "1", [option] = value };
        var line = CliRunner.AssertUsageError(["population", .. args.SelectMany(a => new[] { a.Key, a.Value })]);
        Assert.Contains(expected, line, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A century fits: past 19 999 days the rows are every 2 days (at most 20 000 rows).</summary>
    [Fact]
    public void A_century_has_a_row_every_two_days()
    {
        var days = Numbers(Json("--regimen", "none", "--days", "36525", "--patients", "3", "--seed", "1").GetProperty("day"));
        Assert.Equal(18264, days.Length);
        Assert.Equal(2, days[1]);
        Assert.Equal(36525, days[^1]);
    }

    [Fact]
    public void Missing_required_options_are_usage_errors() =>
        Assert.Contains("--seed", CliRunner.AssertUsageError("population", "--regimen", "none", "--days", "3", "--patients", "2"), StringComparison.Ordinal);

    /// <summary><c>--model 3</c> runs the population around the model-3 set (<c>PopulationModel.Parameters = Healthy.WithFreeCapacity()</c>): the median serum is the library's, and on daily tablets far below model 2's.</summary>
    [Fact]
    public void Model_3_runs_the_population_around_the_free_capacity_set()
    {
        string[] args = ["--regimen", "500 µg oral daily", "--days", "28", "--patients", "8", "--seed", "3"];
        var model3 = Numbers(Json([.. args, "--model", "3"]).GetProperty("serum_pg_per_ml").GetProperty("p50"));
        var model2 = Numbers(Json(args).GetProperty("serum_pg_per_ml").GetProperty("p50"));
        var settings = new Population.PopulationSettings(8, TimeSpan.FromDays(28), 3)
        {
            Step = TimeSpan.FromDays(1),
            Model = Population.PopulationModel.Default with { Parameters = Absorption.ParameterSet.Healthy.WithFreeCapacity() },
        };
        var library = Population.PopulationSimulator.Run(Regimens.Regimen.Parse("500 µg oral daily"), settings).Serum.P50;
        Assert.Equal(library.Count, model3.Length);
        Assert.Equal(library[^1], model3[^1], 1e-9 * library[^1]);
        Assert.True(model2[^1] > 2 * model3[^1], $"model 2 {model2[^1]}, model 3 {model3[^1]} pg/mL");
    }
}


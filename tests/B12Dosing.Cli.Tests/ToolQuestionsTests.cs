using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;
using B12Dosing.Absorption;
using B12Dosing.Population;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Cli.Tests;

/// <summary>The tool answers the first questions (issue 22, item 3): population starting stores, lines, CSV, SVG and inputs; the simulate chart.</summary>
public sealed class ToolQuestionsTests
{
    private static readonly string[] Depleted =
        ["population", "--regimen", "bnf-no-neuro", "--days", "40", "--patients", "120", "--seed", "3", "--condition", "pernicious-anemia", "--initial-stores", "150 µg"];

    private static JsonElement Json(params string[] args) =>
        JsonDocument.Parse(CliRunner.AssertSuccess([.. args, "--json"])).RootElement.Clone();

    private static double[] Numbers(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetDouble())];

    private static PopulationResult Library(double medianStores, double spread, double thresholdPgPerMl)
    {
        var model = PopulationModel.Default with
        {
            Conditions = ConditionMix.Parse("pernicious-anemia"),
            MedianInitialStores = Mass.FromMicrograms(medianStores),
        };
        model = model with { InitialStores = new Variation(spread, model.InitialStores.MinimumFactor, model.InitialStores.MaximumFactor) };
        return PopulationSimulator.Run(
            RegimenCatalogue.Get("bnf-no-neuro").Regimen,
            new PopulationSettings(120, TimeSpan.FromDays(40), 3) { Model = model, SerumThreshold = MassConcentration.FromPicogramsPerMilliliter(thresholdPgPerMl) });
    }

    [Fact]
    public void Population_starts_from_the_initial_stores_given_as_a_median_and_spread()
    {
        var json = Json([.. Depleted, "--initial-stores-spread", "0"]);
        var inputs = json.GetProperty("inputs");
        Assert.Equal(150, inputs.GetProperty("initial_stores_median_ug").GetDouble());
        Assert.Equal(0, inputs.GetProperty("initial_stores_spread").GetDouble());
        var p5 = Numbers(json.GetProperty("stores_ug").GetProperty("p5"));
        var p95 = Numbers(json.GetProperty("stores_ug").GetProperty("p95"));
        Assert.Equal(150, p5[0], 150 * PopulationResult.PercentileRelativeError);
        Assert.Equal(150, p95[0], 150 * PopulationResult.PercentileRelativeError);
        Assert.Equal(Library(150, 0, 180).Stores.P50, Numbers(json.GetProperty("stores_ug").GetProperty("p50")));

        // The default spread (σ 0.35) around the same median: the library's numbers, and a spread at day 0.
        var spread = Json(Depleted);
        Assert.Equal(PopulationModel.Default.InitialStores.LogStandardDeviation, spread.GetProperty("inputs").GetProperty("initial_stores_spread").GetDouble());
        Assert.Equal(Library(150, PopulationModel.Default.InitialStores.LogStandardDeviation, 180).Serum.P95, Numbers(spread.GetProperty("serum_pg_per_ml").GetProperty("p95")));
        Assert.True(Numbers(spread.GetProperty("stores_ug").GetProperty("p95"))[0] > 1.3 * Numbers(spread.GetProperty("stores_ug").GetProperty("p5"))[0]);
    }

    [Fact]
    public void Population_counts_the_share_below_several_lines_at_once()
    {
        var json = Json([.. Depleted, "--guideline", "nice", "--threshold", "100 pg/mL", "--threshold", "258 pmol/L"]);
        var shares = json.GetProperty("shares_below").EnumerateArray().ToArray();
        var lines = shares.Select(s => s.GetProperty("threshold_pg_per_ml").GetDouble()).ToArray();
        var molar = Molarity.FromPicomolesPerLiter(258).ToMassConcentration(CobalaminForm.Cyanocobalamin).PicogramsPerMilliliter;
        Assert.Equal(new[] { 100, 180, molar, 350 }, lines);
        Assert.Equal(lines, Numbers(json.GetProperty("inputs").GetProperty("thresholds_pg_per_ml")));
        Assert.Equal("nice", json.GetProperty("inputs").GetProperty("guideline").GetString());
        for (var k = 0; k < shares.Length; k++)
        {
            Assert.Equal(Library(150, PopulationModel.Default.InitialStores.LogStandardDeviation, lines[k]).ShareBelowThreshold, Numbers(shares[k].GetProperty("share")));
        }

        // A higher line never has fewer patients below it.
        var series = shares.Select(s => Numbers(s.GetProperty("share"))).ToArray();
        Assert.All(Enumerable.Range(0, series[0].Length), day => Assert.True(series.Zip(series.Skip(1)).All(pair => pair.First[day] <= pair.Second[day])));
        Assert.Equal(100, json.GetProperty("serum_threshold_pg_per_ml").GetDouble());

        var text = CliRunner.AssertSuccess([.. Depleted, "--guideline", "nice"]);
        Assert.Contains("<180", text, StringComparison.Ordinal);
        Assert.Contains("<350", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 22: serum and holoTC lines at once, from several guidelines and thresholds: every holoTC line counted exactly
    /// in one run (the library's shares for the same settings), in the JSON, the text, the CSV and the SVG.
    /// </summary>
    [Fact]
    public void Population_counts_serum_and_holoTC_lines_at_once()
    {
        string[] args = [.. Depleted, "--guideline", "nice", "--guideline", "nice-active", "--threshold", "holoTC 35 pmol/L", "--threshold", "active 50 pmol/L"];
        var json = Json(args);
        Assert.Equal("nice,nice-active", json.GetProperty("inputs").GetProperty("guideline").GetString());
        Assert.Equal(new double[] { 180, 350 }, Numbers(json.GetProperty("inputs").GetProperty("thresholds_pg_per_ml")));
        var holoLines = Numbers(json.GetProperty("inputs").GetProperty("holotc_thresholds_pmol_per_l"));
        Assert.Equal(new double[] { 25, 35, 50, 70 }, holoLines);
        var model = PopulationModel.Default with { Conditions = ConditionMix.Parse("pernicious-anemia"), MedianInitialStores = Mass.FromMicrograms(150) };
        var library = PopulationSimulator.Run(
            RegimenCatalogue.Get("bnf-no-neuro").Regimen,
            new PopulationSettings(120, TimeSpan.FromDays(40), 3) { Model = model, HoloTranscobalaminThresholds = [.. holoLines.Select(h => Molarity.FromPicomolesPerLiter(h))] });
        var shares = json.GetProperty("holotc_shares_below").EnumerateArray().ToArray();
        Assert.Equal(holoLines, shares.Select(s => s.GetProperty("threshold_pmol_per_l").GetDouble()));
        for (var k = 0; k < shares.Length; k++)
        {
            Assert.Equal(library.ShareBelowHoloTranscobalamin[k], Numbers(shares[k].GetProperty("share")));
        }

        // A higher line never has fewer patients below it; in depleted pernicious anaemia treated by injection, some start below 25.
        var series = shares.Select(s => Numbers(s.GetProperty("share"))).ToArray();
        Assert.All(Enumerable.Range(0, series[0].Length), day => Assert.True(series.Zip(series.Skip(1)).All(pair => pair.First[day] <= pair.Second[day])));
        Assert.Equal(library.ShareBelowThreshold, Numbers(json.GetProperty("share_below_threshold")));

        var text = CliRunner.AssertSuccess(args);
        Assert.Contains("holoTC<25", text, StringComparison.Ordinal);
        Assert.Contains("holoTC<70", text, StringComparison.Ordinal);
        var csv = CliRunner.AssertSuccess([.. args, "--csv"]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("share_below_180_pg_per_ml,share_below_350_pg_per_ml,share_below_holotc_25_pmol_per_l,share_below_holotc_35_pmol_per_l,share_below_holotc_50_pmol_per_l,share_below_holotc_70_pmol_per_l", csv[0], StringComparison.Ordinal);
        Assert.Equal(series[3][^1], double.Parse(csv[^1].Split(',')[^1], CultureInfo.InvariantCulture));

        var file = Path.Combine(Path.GetTempPath(), $"b12-population-{Guid.NewGuid():N}.svg");
        try
        {
            CliRunner.AssertSuccess([.. args, "--svg", file]);
            var svg = XDocument.Load(file);
            var labels = string.Join('\n', svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
            Assert.Contains("holoTC below 35 pmol/L", labels, StringComparison.Ordinal);
            Assert.Equal(1 + 2 + 4 + 1, svg.Descendants().Count(e => e.Name.LocalName == "polyline"));
        }
        finally
        {
            File.Delete(file);
        }

        Assert.Contains("--threshold", CliRunner.AssertUsageError([.. Depleted, "--threshold", "holoTC 0 pmol/L"]), StringComparison.Ordinal);
        Assert.Contains("--threshold", CliRunner.AssertUsageError([.. Depleted, "--threshold", "holoTC lots"]), StringComparison.Ordinal);
        Assert.Contains("--guideline", CliRunner.AssertUsageError([.. Depleted, "--guideline", "nice-activ"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Population_refuses_json_with_csv()
    {
        Assert.Contains("--json and --csv", CliRunner.AssertUsageError([.. Depleted, "--json", "--csv"]), StringComparison.Ordinal);
        Assert.Contains("--initial-stores-spread", CliRunner.AssertUsageError([.. Depleted, "--initial-stores-spread", "4"]), StringComparison.Ordinal);
        Assert.Contains("--threshold", CliRunner.AssertUsageError([.. Depleted, "--threshold", "5000 IU"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Population_csv_has_every_row_with_units_in_the_header_and_the_json_numbers()
    {
        var csv = CliRunner.AssertSuccess([.. Depleted, "--threshold", "180 pg/mL", "--threshold", "350 pg/mL", "--csv"]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "day,stores_p5_ug,stores_p25_ug,stores_p50_ug,stores_p75_ug,stores_p95_ug,serum_p5_pg_per_ml,serum_p25_pg_per_ml,serum_p50_pg_per_ml,serum_p75_pg_per_ml,serum_p95_pg_per_ml,share_below_180_pg_per_ml,share_below_350_pg_per_ml",
            csv[0]);
        Assert.Equal(41 + 1, csv.Length);
        var json = Json([.. Depleted, "--threshold", "180 pg/mL", "--threshold", "350 pg/mL"]);
        var day40 = csv[^1].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(40, day40[0]);
        Assert.Equal(Numbers(json.GetProperty("serum_pg_per_ml").GetProperty("p50"))[^1], day40[8]);
        Assert.Equal(Numbers(json.GetProperty("shares_below")[1].GetProperty("share"))[^1], day40[12]);
    }

    [Fact]
    public void Population_svg_draws_serum_on_a_log_axis_the_shares_and_stores_titled_with_the_inputs()
    {
        var file = Path.Combine(Path.GetTempPath(), $"b12-population-{Guid.NewGuid():N}.svg");
        try
        {
            CliRunner.AssertSuccess([.. Depleted, "--guideline", "nice", "--svg", file]);
            var svg = XDocument.Load(file);
            var text = string.Join('\n', svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
            Assert.Contains("bnf-no-neuro", text, StringComparison.Ordinal);
            Assert.Contains("pernicious-anemia", text, StringComparison.Ordinal);
            Assert.Contains("150 µg", text, StringComparison.Ordinal);
            Assert.Contains("below 180 pg/mL", text, StringComparison.Ordinal);
            Assert.Contains("below 350 pg/mL", text, StringComparison.Ordinal);
            Assert.Contains("Body stores", text, StringComparison.Ordinal);
            // The serum median, the share below each of the two lines, the stores median.
            Assert.Equal(1 + 2 + 1, svg.Descendants().Count(e => e.Name.LocalName == "polyline"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Population_json_inputs_carry_the_model_version_and_the_regimen()
    {
        var inputs = Json(Depleted).GetProperty("inputs");
        var version = typeof(Kinetics.Simulator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(version, inputs.GetProperty("model_version").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\+[0-9a-f]{10,40}$", version);
        Assert.Equal("bnf-no-neuro", inputs.GetProperty("regimen_name").GetString());
        Assert.Equal(RegimenCatalogue.Get("bnf-no-neuro").Regimen.ToString(), inputs.GetProperty("regimen").GetString());
        Assert.Equal(120, inputs.GetProperty("patients").GetInt32());
        Assert.Equal(40, inputs.GetProperty("days").GetInt32());
    }

    [Theory]
    [InlineData("nice", "serum_b12", "pg/mL")]
    [InlineData("nice-active", "holotc", "pmol/L")]
    public void Simulate_json_carries_the_final_holotc_and_the_guideline_verdict_the_text_prints(string guideline, string analyte, string unit)
    {
        string[] args = ["simulate", "--regimen", "kuzminski-oral", "--days", "30", "--condition", "pernicious-anemia", "--initial-stores", "150 µg", "--guideline", guideline];
        using var json = JsonDocument.Parse(CliRunner.AssertSuccess([.. args, "--json"]));
        var verdict = json.RootElement.GetProperty("guideline");
        Assert.Equal(guideline, verdict.GetProperty("id").GetString());
        Assert.Equal(analyte, verdict.GetProperty("analyte").GetString());
        Assert.Equal(unit, verdict.GetProperty("unit").GetString());
        var summary = json.RootElement.GetProperty("summary");
        var final = analyte == "holotc" ? summary.GetProperty("final_holotc_pmol_per_l").GetDouble() : summary.GetProperty("final_serum_pg_per_ml").GetDouble();
        Assert.Equal(final, verdict.GetProperty("final_value").GetDouble());
        var chosen = Guidelines.SerumGuidelines.Get(guideline);
        var band = analyte == "holotc" ? chosen.Classify(Molarity.FromPicomolesPerLiter(final)) : chosen.Classify(MassConcentration.FromPicogramsPerMilliliter(final));
        Assert.Equal(band.Label, verdict.GetProperty("band").GetString());
        Assert.Equal(band.Status.ToString().ToLowerInvariant(), verdict.GetProperty("status").GetString());
        Assert.Contains($"{chosen.Name}: {band.Label} at the end.", CliRunner.AssertSuccess(args), StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_svg_uses_a_log_axis_when_serum_spans_decades_and_names_what_was_run()
    {
        var file = Path.Combine(Path.GetTempPath(), $"b12-simulate-{Guid.NewGuid():N}.svg");
        try
        {
            CliRunner.AssertSuccess("simulate", "--regimen", "bnf-no-neuro", "--days", "120", "--condition", "pernicious-anemia", "--initial-stores", "150 µg", "--svg", file);
            var text = string.Join('\n', XDocument.Load(file).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
            Assert.Contains("bnf-no-neuro, pernicious-anemia, stores from 150 µg", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }

        var simulation = Kinetics.Simulator.Run(
            RegimenCatalogue.Get("bnf-no-neuro").Regimen,
            new Kinetics.SimulationSettings(TimeSpan.FromDays(120)) { ParameterSet = ParameterSet.PerniciousAnemia, InitialStores = Mass.FromMicrograms(150) });
        var serum = simulation.Series.Select(r => r.Serum.PicogramsPerMilliliter).ToArray();
        Assert.True(serum.Max() > 10 * serum.Min(), "the BNF loading from depleted stores spans more than a decade of serum");
        Assert.True(Commands.SimulateCommand.SpansDecades(serum));
        Assert.False(Commands.SimulateCommand.SpansDecades([200.0, 1999]));
        Assert.True(Commands.SimulateCommand.SpansDecades([200.0, 2000]));
        Assert.False(Commands.SimulateCommand.SpansDecades([0.0, 500]));

        // The chart says in its description which scale its serum axis has.
        var logChart = Commands.SimulateCommand.Chart(simulation, Guidelines.SerumGuidelines.NiceTotal, "about");
        var linear = Commands.SimulateCommand.Chart(
            Kinetics.Simulator.Run(Regimen.Parse("2 ug oral daily"), new Kinetics.SimulationSettings(TimeSpan.FromDays(30))),
            Guidelines.SerumGuidelines.NiceTotal,
            "about");
        Assert.Contains("Serum B12 (pg/mL) (log scale)", logChart, StringComparison.Ordinal);
        Assert.DoesNotContain("(log scale)", linear, StringComparison.Ordinal);
    }
}

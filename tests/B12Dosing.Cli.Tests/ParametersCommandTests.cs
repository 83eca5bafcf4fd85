using System.Text.Json;
using B12Dosing.Parameters;

namespace B12Dosing.Cli.Tests;

/// <summary><c>b12 parameters</c> and <c>--set NAME=VALUE</c> on absorb, compare, simulate and population (issue 18).</summary>
public sealed class ParametersCommandTests
{
    private static JsonElement Json(params string[] args) => JsonDocument.Parse(CliRunner.AssertSuccess(args)).RootElement.Clone();

    [Fact]
    public void Parameters_lists_every_entry_of_the_block_with_the_condition_and_changes_applied()
    {
        var json = Json("parameters", "--condition", "pernicious-anemia", "--set", "HoloTranscobalaminHalfLife=6 h", "--set", "PlasmaVolume=3500 mL", "--json");
        Assert.Equal(ModelParameters.All.Count, json.GetArrayLength());
        var byName = json.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.Equal(0, byName["IntrinsicFactorCapacity"].GetProperty("value").GetDouble());
        Assert.Equal(6, byName["HoloTranscobalaminHalfLife"].GetProperty("value").GetDouble());
        Assert.Equal(3.5, byName["PlasmaVolume"].GetProperty("value").GetDouble(), 12);
        Assert.Equal("h", byName["HoloTranscobalaminHalfLife"].GetProperty("unit").GetString());
        Assert.Equal("derived", byName["HaptocorrinReleasePerDay"].GetProperty("origin").GetString());
        Assert.True(byName["ReferenceSerum"].GetProperty("constant").GetBoolean());

        var text = CliRunner.AssertSuccess("parameters", "--set", "HaptocorrinReleasePerDay=0.001");
        Assert.Matches(@"HaptocorrinReleasePerDay +0\.001 1/d .* pinned", text);
    }

    [Theory]
    [InlineData("IntrinsicFactorCapacity=1 mg", "IntrinsicFactorCapacity must be from 0 to 100 µg; got 1000 µg")]
    [InlineData("HoloTC=4", "No model parameter is named 'HoloTC'")]
    [InlineData("PlasmaVolume=3 kg", "PlasmaVolume is in L; 'kg' is not a unit of that kind")]
    [InlineData("PlasmaVolume", "is not NAME=VALUE")]
    [InlineData("ReferenceSerum=400", "ReferenceSerum is a constant")]
    [InlineData("HoloTranscobalaminHalfLife=900 h", "HaptocorrinReleasePerDay")]
    public void A_bad_set_is_one_usage_line_naming_the_parameter(string set, string expected)
    {
        var (exitCode, _, stderr) = CliRunner.Run("absorb", "--dose", "1 mg", "--route", "oral", "--set", set);
        Assert.Equal(2, exitCode);
        Assert.StartsWith("b12: --set: ", stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Absorb_and_compare_use_the_changed_set_and_record_it()
    {
        var json = Json("absorb", "--dose", "1000 µg", "--route", "oral", "--condition", "pernicious-anemia", "--set", "PassiveFraction=2 %", "--json");
        // Without intrinsic factor only the passive part: 2 % of 1000 µg.
        Assert.Equal(20, json.GetProperty("absorbed_ug").GetDouble(), 9);
        var recorded = json.GetProperty("parameters").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetDouble());
        Assert.Equal(ModelParameters.Settable.Count, recorded.Count);
        Assert.Equal(0.02, recorded["PassiveFraction"], 15);
        var compare = Json("compare", "--dose", "1000 µg", "--condition", "pernicious-anemia", "--set", "PassiveFraction=0.02", "--json");
        Assert.Equal(20, compare.EnumerateArray().Single(r => r.GetProperty("route").GetString() == "oral").GetProperty("absorbed_ug").GetDouble(), 9);
    }

    [Fact]
    public void Simulate_records_every_parameter_value_and_a_changed_half_life_keeps_the_baseline_serum()
    {
        var changed = Json("simulate", "--regimen", "none", "--days", "1", "--set", "HoloTranscobalaminHalfLife=6h", "--json");
        var parameters = changed.GetProperty("inputs").GetProperty("parameters").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetDouble());
        Assert.Equal(6, parameters["HoloTranscobalaminHalfLife"]);
        var serum = changed.GetProperty("series")[0].EnumerateObject().First(p => p.Name.StartsWith("serum", StringComparison.Ordinal)).Value.GetDouble();
        var healthy = Json("simulate", "--regimen", "none", "--days", "1", "--json").GetProperty("series")[0].EnumerateObject().First(p => p.Name.StartsWith("serum", StringComparison.Ordinal)).Value.GetDouble();
        Assert.Equal(healthy, serum, 1e-9);
    }

    [Fact]
    public void Population_runs_around_the_changed_set_and_records_it_per_condition()
    {
        var json = Json("population", "--regimen", "bnf-no-neuro", "--days", "30", "--patients", "40", "--seed", "3", "--condition", "pernicious-anemia=0.5,healthy=0.5", "--set", "GlomerularFiltrationMillilitersPerMinute=30", "--json");
        var sets = json.GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal(2, sets.Count);
        Assert.All(sets, s => Assert.Equal(30, s.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "GlomerularFiltrationMillilitersPerMinute").GetProperty("value").GetDouble()));
        var unchanged = Json("population", "--regimen", "bnf-no-neuro", "--days", "30", "--patients", "40", "--seed", "3", "--condition", "pernicious-anemia=0.5,healthy=0.5", "--json");
        // Less filtered, more kept: the median stores after the injections are higher.
        Assert.True(json.GetProperty("stores_ug").GetProperty("p50")[29].GetDouble() > unchanged.GetProperty("stores_ug").GetProperty("p50")[29].GetDouble());
    }
}

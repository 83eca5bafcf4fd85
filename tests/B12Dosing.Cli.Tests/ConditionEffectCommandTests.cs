using System.Text.Json;
using B12Dosing.Absorption;
using B12Dosing.Parameters;

namespace B12Dosing.Cli.Tests;

/// <summary><c>--condition</c> takes conditions and covariates joined by <c>+</c> wherever it is accepted (issue 18, item 4).</summary>
public sealed class ConditionEffectCommandTests
{
    private static JsonElement Json(params string[] args) => JsonDocument.Parse(CliRunner.AssertSuccess(args)).RootElement.Clone();

    private static Dictionary<string, double> Values(JsonElement parameters) =>
        parameters.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetDouble());

    [Fact]
    public void Parameters_prints_the_set_of_a_combination()
    {
        var values = Values(Json("parameters", "--condition", "atrophic-gastritis+omeprazole-40", "--json"));
        var expected = ParameterSet.For(Effect.AtrophicGastritis + Effect.Omeprazole40);
        Assert.Equal(expected.FoodReleaseFraction, values["FoodReleaseFraction"]);
        Assert.Equal(ParameterSet.AtrophicGastritis.BiliaryReabsorptionFraction, values["BiliaryReabsorptionFraction"]);
        Assert.Equal(ModelParameters.Omeprazole40FoodReleaseFactor.Default, values["Omeprazole40FoodReleaseFactor"]);
    }

    [Fact]
    public void Simulate_and_absorb_name_the_combination_and_use_its_set()
    {
        var simulate = Json("simulate", "--regimen", "none", "--days", "1", "--condition", "metformin + pernicious-anemia", "--json");
        Assert.Equal("pernicious-anemia+metformin", simulate.GetProperty("inputs").GetProperty("condition").GetString());
        Assert.Equal(ParameterSet.For(Effect.PerniciousAnemia + Effect.Metformin).HaptocorrinReleasePerDay, Values(simulate.GetProperty("inputs").GetProperty("parameters"))["HaptocorrinReleasePerDay"]);
        var absorb = Json("absorb", "--dose", "1 mg", "--route", "oral", "--condition", "ileal-resection+omeprazole-20", "--json");
        Assert.Equal("ileal-resection+omeprazole-20", absorb.GetProperty("condition").GetString());
    }

    [Fact]
    public void A_population_mixes_combinations()
    {
        var json = Json("population", "--regimen", "none", "--days", "3", "--patients", "20", "--seed", "4", "--condition", "healthy=0.5,atrophic-gastritis+omeprazole-40=0.5", "--json");
        Assert.Equal("healthy 50 %, atrophic-gastritis+omeprazole-40 50 %", json.GetProperty("condition").GetString());
        var set = json.GetProperty("parameters").EnumerateArray().Single(s => s.GetProperty("condition").GetString() == "atrophic-gastritis+omeprazole-40");
        Assert.Equal(ParameterSet.For(Effect.AtrophicGastritis + Effect.Omeprazole40).FoodReleaseFraction, Values(set.GetProperty("values"))["FoodReleaseFraction"]);
    }

    [Theory]
    [InlineData("two doses of omeprazole", "parameters", "--condition", "omeprazole-20+omeprazole-40")]
    [InlineData("accepted: healthy, pernicious-anemia", "simulate", "--regimen", "none", "--days", "1", "--condition", "pa+scurvy")]
    [InlineData("'healthy' is the absence of any effect", "absorb", "--dose", "1 mg", "--route", "im", "--condition", "healthy+metformin")]
    [InlineData("is named twice", "population", "--regimen", "none", "--days", "3", "--patients", "2", "--seed", "1", "--condition", "pa+pa")]
    public void A_refused_combination_is_one_usage_line(string expected, params string[] args) =>
        Assert.Contains(expected, CliRunner.AssertUsageError(args), StringComparison.Ordinal);
}

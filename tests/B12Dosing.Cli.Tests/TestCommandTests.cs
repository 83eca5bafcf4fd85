using System.Globalization;
using System.Text.Json;
using B12Dosing.Absorption;
using B12Dosing.AbsorptionTests;

namespace B12Dosing.Cli.Tests;

/// <summary><c>b12 test schilling</c> and <c>b12 test cobasorb</c> (issue 17 item 4): the library's numbers, the model-3 form, usage errors, help.</summary>
public sealed class TestCommandTests
{
    private static JsonElement Json(params string[] args) => JsonDocument.Parse(CliRunner.AssertSuccess(args)).RootElement.Clone();

    /// <summary>The set the tool runs a test on: the condition's preset, in its model-3 form when it is model 2.</summary>
    private static ParameterSet ModelThree(Condition condition) =>
        ParameterSet.For(condition) is var p && p.CarrierModel == PlasmaCarrierModel.FreeCapacity ? p : p.WithFreeCapacity();

    [Theory]
    [InlineData("healthy", Condition.Healthy, false)]
    [InlineData("pernicious-anemia", Condition.PerniciousAnemia, false)]
    [InlineData("pernicious-anemia", Condition.PerniciousAnemia, true)]
    [InlineData("ileal-resection", Condition.IlealResection, true)]
    public void Schilling_prints_the_librarys_share_and_reading(string name, Condition condition, bool withIf)
    {
        var expected = (SchillingTest.Standard with { WithIntrinsicFactor = withIf }).Run(ModelThree(condition));
        string[] args = withIf ? ["test", "schilling", "--condition", name, "--with-intrinsic-factor"] : ["test", "schilling", "--condition", name];
        var json = Json([.. args, "--json"]);
        Assert.Equal(expected.ExcretedFraction, json.GetProperty("excreted_fraction").GetDouble());
        Assert.Equal(expected.UrineWithOralDose.Micrograms, json.GetProperty("urine_with_oral_dose_ug").GetDouble());
        Assert.Equal(expected.UrineWithoutOralDose.Micrograms, json.GetProperty("urine_without_oral_dose_ug").GetDouble());
        Assert.Equal(expected.Reading.ToString().ToLowerInvariant(), json.GetProperty("reading").GetString());
        Assert.Equal("difference_of_two_runs", json.GetProperty("method").GetString());
        Assert.Equal(withIf, json.GetProperty("with_intrinsic_factor").GetBoolean());
        Assert.Equal("free_capacity", json.GetProperty("carrier_model").GetProperty("model").GetString());
        Assert.Equal(ParameterSet.For(condition).CarrierModel != PlasmaCarrierModel.FreeCapacity, json.GetProperty("carrier_model").GetProperty("model_three_form_of_preset").GetBoolean());

        var text = CliRunner.AssertSuccess(args);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"Schilling test{(withIf ? " with intrinsic factor" : string.Empty)} (on the model), {name}: {expected.ExcretedFraction:0.0%} of the oral dose in the 24-h urine: {expected.Reading.ToString().ToLowerInvariant()} "), text, StringComparison.Ordinal);
        Assert.Contains("the difference of two runs", text, StringComparison.Ordinal);
        Assert.Contains("not medical advice", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Schilling_reads_low_without_intrinsic_factor_and_normal_with_it()
    {
        Assert.Equal("low", Json("test", "schilling", "--condition", "pernicious-anaemia", "--json").GetProperty("reading").GetString());
        Assert.Equal("normal", Json("test", "schilling", "--condition", "pernicious-anaemia", "--with-intrinsic-factor", "--json").GetProperty("reading").GetString());
        Assert.Equal("normal", Json("test", "schilling", "--json").GetProperty("reading").GetString());
    }

    [Fact]
    public void Set_changes_the_model_3_set_and_is_recorded()
    {
        var json = Json("test", "schilling", "--set", "IntrinsicFactorTransit=6 h", "--json");
        var recorded = json.GetProperty("parameters").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetDouble());
        Assert.Equal(6, recorded["IntrinsicFactorTransit"], 12);
        var expected = SchillingTest.Standard.Run(ModelThree(Condition.Healthy).With("IntrinsicFactorTransit", 6));
        Assert.Equal(expected.ExcretedFraction, json.GetProperty("excreted_fraction").GetDouble());
    }

    [Theory]
    [InlineData("healthy", Condition.Healthy, "9 µg", 2500)]
    [InlineData("pernicious-anemia", Condition.PerniciousAnemia, "9 µg", 2500)]
    [InlineData("healthy", Condition.Healthy, "1.5 µg", 1000)]
    public void CobaSorb_prints_the_librarys_holoTC_and_rise(string name, Condition condition, string dose, double stores)
    {
        var expected = (CobaSorbTest.Standard with { Dose = QuantityText(dose), InitialStores = Mass.FromMicrograms(stores) }).Run(ModelThree(condition));
        string[] args = ["test", "cobasorb", "--condition", name, "--dose", dose, "--initial-stores", $"{stores} µg"];
        var json = Json([.. args, "--json"]);
        Assert.Equal(expected.Before.PicomolesPerLiter, json.GetProperty("holotc_before_pmol_per_l").GetDouble());
        Assert.Equal(expected.After.PicomolesPerLiter, json.GetProperty("holotc_after_pmol_per_l").GetDouble());
        Assert.Equal(expected.Rise.PicomolesPerLiter, json.GetProperty("rise_pmol_per_l").GetDouble());
        Assert.Equal(new[] { 0.0, 6, 12, 24, 30, 36 }, json.GetProperty("dose_times_h").EnumerateArray().Select(e => e.GetDouble()));
        var text = CliRunner.AssertSuccess(args);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"CobaSorb test (on the model), {name}: holoTC {expected.Before.PicomolesPerLiter:0.0} pmol/L before the first dose, {expected.After.PicomolesPerLiter:0.0} pmol/L at 48 h: rise {expected.Rise.PicomolesPerLiter:0.0} pmol/L"), text, StringComparison.Ordinal);

        // The published rise is shown beside the model's for the doses Greibe 2018 gave, in health.
        var published = json.GetProperty("published").EnumerateArray().ToList();
        Assert.Equal(condition == Condition.Healthy, published.Count == 1);
        Assert.Equal(condition == Condition.Healthy, text.Contains("published for comparison: Greibe 2018", StringComparison.Ordinal));
    }

    private static Mass QuantityText(string text) => B12Dosing.Quantities.QuantityText.ParseMass(text, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("test")]
    [InlineData("test", "schiling")]
    [InlineData("test", "schilling", "--condition", "sick")]
    [InlineData("test", "schilling", "--initial-stores", "2 g")]
    [InlineData("test", "schilling", "--initial-stores", "lots")]
    [InlineData("test", "schilling", "--set", "Nope=1")]
    [InlineData("test", "schilling", "--with-intrinsic-factor", "yes please")]
    [InlineData("test", "cobasorb", "--dose", "0 µg")]
    [InlineData("test", "cobasorb", "--dose", "x")]
    [InlineData("test", "cobasorb", "--with-intrinsic-factor")]
    public void Bad_input_is_one_line_with_exit_code_2(params string[] args) => CliRunner.AssertUsageError(args);

    [Theory]
    [InlineData("--initial-stores 2 g", "b12: --initial-stores: InitialStores must be from 0 to 1 g")]
    [InlineData("--dose x", "b12: --dose: 'x' does not start with a number")]
    [InlineData("--dose 0 µg", "b12: --dose: Dose must be more than zero")]
    [InlineData("schiling", "Did you mean 'schilling'?")]
    public void Usage_errors_name_the_option(string arguments, string expected)
    {
        var split = arguments.Split(' ', 2);
        string[] args = split[0] == "schiling" ? ["test", "schiling"] : ["test", split[0] == "--dose" ? "cobasorb" : "schilling", split[0], split[1]];
        Assert.Contains(expected, CliRunner.AssertUsageError(args), StringComparison.Ordinal);
    }

    [Fact]
    public void Help_names_the_tests_the_method_and_the_options()
    {
        var help = CliRunner.AssertSuccess("test", "--help");
        Assert.Contains("schilling", help, StringComparison.Ordinal);
        Assert.Contains("cobasorb", help, StringComparison.Ordinal);
        var schilling = CliRunner.AssertSuccess("test", "schilling", "--help");
        Assert.Contains("--with-intrinsic-factor", schilling, StringComparison.Ordinal);
        Assert.Contains("difference of two runs", schilling, StringComparison.Ordinal);
        var cobasorb = CliRunner.AssertSuccess("test", "cobasorb", "--help");
        Assert.Contains("--dose", cobasorb, StringComparison.Ordinal);
        Assert.Contains("Greibe 2018", cobasorb, StringComparison.Ordinal);
    }
}

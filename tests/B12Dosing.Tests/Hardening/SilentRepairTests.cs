using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Tests.Hardening;

/// <summary>
/// No silent repairs, no invalid state accepted (issue 12, classes 3 and 4): the library does exactly what was written
/// or refuses it where it enters; every <c>default</c> value is valid or refused.
/// </summary>
public class SilentRepairTests
{
    [Fact]
    public void A_dose_at_the_largest_time_counts_in_a_series()
    {
        var dose = Dose.Oral(Mass.FromMicrograms(10));
        var outcome = AbsorptionModel.EvaluateSeries([new(TimeSpan.Zero, dose), new(TimeSpan.MaxValue, dose)], ParameterSet.Healthy);
        Assert.Equal(20, outcome.DoseMicrograms);
        Assert.Equal(2 * AbsorptionModel.Evaluate(dose, ParameterSet.Healthy).AbsorbedMicrograms, outcome.AbsorbedMicrograms, 1e-12);
    }

    [Fact]
    public void A_duration_is_read_exactly_as_written_never_rounded_to_whole_seconds()
    {
        Assert.Throws<FormatException>(() => Regimen.Parse("1 mg im q1.0000001s"));
        Assert.Equal(TimeSpan.FromSeconds(1.5 * 86400), Regimen.Parse("1 mg im q1.5d x2").Events(TimeSpan.FromDays(10))[1].Time);
        Assert.Equal(TimeSpan.FromSeconds(360), Regimen.Parse("1 mg im q0.1h x2").Events(TimeSpan.FromDays(1))[1].Time);
        Assert.Equal("1 mg im q6min", Regimen.Parse("1 mg im q0.1h").ToString());
    }

    [Fact]
    public void Default_doses_are_refused_where_a_regimen_is_built()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Regimen.Start(default));
        Assert.Throws<ArgumentOutOfRangeException>(() => Regimen.Parse("1 mg im daily x1").Then(default));
    }

    [Fact]
    public void Every_regimen_the_builder_accepts_prints_text_that_parses_back_to_it()
    {
        var dose = Dose.Intramuscular(Mass.FromMilligrams(1), CobalaminForm.Hydroxocobalamin);
        var built = Regimen.Start(dose).Every(TimeSpan.FromDays(2)).Times(3).Then(dose).Monthly().Indefinitely();
        Assert.Equal(built, Regimen.Parse(built.ToString()));
        var parsedThenBuilt = Regimen.Parse("1 mg im daily x7").Then(dose).Weekly().Times(4);
        Assert.Equal(Regimen.Parse("1 mg im daily x7 then 1 mg ohcbl im weekly x4"), parsedThenBuilt);
        Assert.Equal(parsedThenBuilt, Regimen.Parse(parsedThenBuilt.ToString()));
    }

    [Fact]
    public void A_population_model_whose_patients_would_be_clamped_is_refused_with_the_condition_named()
    {
        var model = PopulationModel.Default with { PassiveFraction = new Variation(0.15, 0.5, 100) };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PopulationSettings(10, TimeSpan.FromDays(10), 1) { Model = model });
        Assert.Contains("healthy patient", e.Message, StringComparison.Ordinal);
        Assert.Contains("PassiveFraction", e.Message, StringComparison.Ordinal);
    }
}

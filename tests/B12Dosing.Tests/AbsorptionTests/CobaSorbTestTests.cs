using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Absorption.Calibration;
using B12Dosing.AbsorptionTests;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Tests.Shared;
using Xunit.Abstractions;

namespace B12Dosing.Tests.AbsorptionTests;

/// <summary>The virtual CobaSorb test (<see cref="CobaSorbTest"/>, issue 17 item 4): exact behaviour, refusals, and Greibe 2018's rises.</summary>
public class CobaSorbTestTests(ITestOutputHelper output)
{
    [Fact]
    public void The_standard_design_is_three_9_microgram_doses_a_day_6_h_apart_on_two_days_sampled_at_48_h()
    {
        var t = CobaSorbTest.Standard;
        Assert.Equal(9, t.Dose.Micrograms, 12);
        Assert.Equal(new[] { 0.0, 6, 12, 24, 30, 36 }, t.DoseTimes.Select(d => d.TotalHours));
        Assert.Equal(TimeSpan.FromHours(48), t.SampleTime);
        Assert.Equal(2500, t.InitialStores.Micrograms, 12);
        Assert.Equal(new CobaSorbTest { DoseTimes = [.. new[] { 0, 6, 12, 24, 30, 36 }.Select(h => TimeSpan.FromHours(h))] }, t);
        Assert.NotEqual(t with { DoseTimes = [TimeSpan.Zero] }, t);
        Assert.Equal("CobaSorbTest { Dose = 9 µg, DoseTimes = [0 h, 6 h, 12 h, 24 h, 30 h, 36 h], SampleTime = 48 h, InitialStores = 2500 µg }", t.ToString());
    }

    [Fact]
    public void Before_and_after_are_the_simulators_holoTC_at_0_and_48_h()
    {
        var p = ParameterSet.Healthy.WithFreeCapacity();
        var doses = new[] { 0, 6, 12, 24, 30, 36 }.Select(h => new DoseEvent(TimeSpan.FromHours(h), Dose.Oral(Mass.FromMicrograms(9))));
        var rows = Simulator.Run(doses, new SimulationSettings(TimeSpan.FromHours(48)) { ParameterSet = p, Step = TimeSpan.FromHours(48) }).Series;
        var r = CobaSorbTest.Standard.Run(p);
        Assert.Equal(rows[0].HoloTranscobalamin.PicomolesPerLiter, r.Before.PicomolesPerLiter, 12);
        Assert.Equal(rows[^1].HoloTranscobalamin.PicomolesPerLiter, r.After.PicomolesPerLiter, 12);
        Assert.Equal(r.After.PicomolesPerLiter - r.Before.PicomolesPerLiter, r.Rise.PicomolesPerLiter, 12);
        Assert.Equal(r.Rise.PicomolesPerLiter / r.Before.PicomolesPerLiter, r.RelativeRise, 12);
        Assert.False(r.RanOnModelThreeForm);
    }

    [Fact]
    public void A_model_2_set_runs_on_its_model_3_form_and_says_so()
    {
        var model2 = ParameterSet.Healthy with { CarrierModel = PlasmaCarrierModel.BindingCapacity };
        var r = CobaSorbTest.Standard.Run(model2);
        Assert.True(r.RanOnModelThreeForm);
        Assert.Equal(model2.WithFreeCapacity(), r.ParameterSet);
        Assert.Equal(CobaSorbTest.Standard.Run(model2.WithFreeCapacity()).Rise.PicomolesPerLiter, r.Rise.PicomolesPerLiter);
        Assert.Contains("model-3 form of a model-2 set", r.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Greibe 2018 (CobaSorb): the median rises of holoTC in <see cref="PublishedData.OralCarriers"/>, with their stores and the band each point states there.</summary>
    public static TheoryData<string> Greibe2018 => [.. PublishedData.OralCarriers.Where(p => p.Measure == PublishedMeasure.CobaSorbHoloTranscobalaminRise).Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(Greibe2018))]
    public void Rises_of_Greibe2018(string id)
    {
        var point = PublishedData.OralCarriers.Single(p => p.Id == id);
        var r = (CobaSorbTest.Standard with { Dose = point.Dose, InitialStores = point.InitialStores }).Run(ParameterSet.For(point.Condition));
        output.WriteLine($"{r} (published median rise {point.Value} pmol/L)");
        Assert.InRange(r.Rise.PicomolesPerLiter / point.Value, 1 / point.Band, point.Band);
    }

    [Fact]
    public void Bad_designs_are_refused_naming_the_property()
    {
        Assert.Equal("Dose", Assert.Throws<ArgumentOutOfRangeException>(() => CobaSorbTest.Standard with { Dose = Mass.FromMicrograms(-9) }).ParamName);
        Assert.Equal("DoseTimes", Assert.Throws<ArgumentOutOfRangeException>(() => CobaSorbTest.Standard with { DoseTimes = [] }).ParamName);
        Assert.Equal("DoseTimes", Assert.Throws<ArgumentOutOfRangeException>(() => CobaSorbTest.Standard with { DoseTimes = [TimeSpan.FromHours(-6)] }).ParamName);
        Assert.Equal("SampleTime", Assert.Throws<ArgumentOutOfRangeException>(() => CobaSorbTest.Standard with { SampleTime = TimeSpan.FromDays(8) }).ParamName);
        Assert.Equal("DoseTimes", Assert.Throws<ArgumentException>(() => (CobaSorbTest.Standard with { SampleTime = TimeSpan.FromHours(36) }).Run(ParameterSet.Healthy)).ParamName);
        Assert.Contains("(36 h) must be before the sample (30.5 h)", GermanCulture.MessageOf(() => (CobaSorbTest.Standard with { SampleTime = TimeSpan.FromHours(30.5) }).Run(ParameterSet.Healthy)), StringComparison.Ordinal);
        Assert.Equal("physiology", Assert.Throws<ArgumentNullException>(() => CobaSorbTest.Standard.Run(null!)).ParamName);
    }

    [Fact]
    public void Prints_in_the_invariant_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Matches(@"^CobaSorb test: holoTC \d+\.\d pmol/L before the first dose, \d+\.\d pmol/L at 48 h: rise \d+\.\d pmol/L \(\+\d+%\); 6 oral doses of 9 µg at 0, 6, 12, 24, 30, 36 h(; run on the model-3 form of a model-2 set)?\.$", CobaSorbTest.Standard.Run(ParameterSet.Healthy).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}

using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.AbsorptionTests;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Tests.Properties;
using B12Dosing.Tests.Shared;
using FsCheck.Xunit;
using Xunit.Abstractions;

namespace B12Dosing.Tests.AbsorptionTests;

/// <summary>
/// The virtual Schilling test (<see cref="SchillingTest"/>, issue 17 item 4): its exact behaviour (the difference of two
/// runs, the model-3 form of a model-2 set, intrinsic factor given), its refusals, and the published bands.
/// </summary>
public class SchillingTestTests(ITestOutputHelper output)
{
    /// <summary>The urine of one run of <see cref="Simulator"/>: the test's definition, written again from the simulator.</summary>
    private static double Urine(ParameterSet p, params DoseEvent[] events) =>
        Simulator.Run(events, new SimulationSettings(TimeSpan.FromHours(24)) { ParameterSet = p }).Summary.TotalUrinaryLoss.Micrograms;

    [Fact]
    public void The_standard_design_is_1_microgram_oral_1000_IM_at_2_h_and_24_h_urine()
    {
        var t = SchillingTest.Standard;
        Assert.Equal(1, t.OralDose.Micrograms, 12);
        Assert.Equal(1000, t.FlushDose.Micrograms, 12);
        Assert.Equal(TimeSpan.FromHours(2), t.FlushTime);
        Assert.Equal(TimeSpan.FromHours(24), t.Collection);
        Assert.Equal(2500, t.InitialStores.Micrograms, 12);
        Assert.False(t.WithIntrinsicFactor);
        Assert.Equal(new SchillingTest { OralDose = Mass.FromMilligrams(0.001) }, t);
    }

    [Fact]
    public void The_share_is_the_difference_of_two_runs_with_and_without_the_oral_dose()
    {
        var p = ParameterSet.Healthy.WithFreeCapacity();
        var flush = new DoseEvent(TimeSpan.FromHours(2), Dose.Intramuscular(Mass.FromMicrograms(1000)));
        var with = Urine(p, new DoseEvent(TimeSpan.Zero, Dose.Oral(Mass.FromMicrograms(1))), flush);
        var without = Urine(p, flush);
        var r = SchillingTest.Standard.Run(p);
        Assert.Equal(with, r.UrineWithOralDose.Micrograms, 12);
        Assert.Equal(without, r.UrineWithoutOralDose.Micrograms, 12);
        Assert.Equal(with - without, r.OralDoseInUrine.Micrograms, 12);
        Assert.Equal(with - without, r.ExcretedFraction, 12);
        Assert.False(r.RanOnModelThreeForm);
        Assert.Same(p, r.ParameterSet);
    }

    [Fact]
    public void A_model_2_set_runs_on_its_model_3_form_and_says_so()
    {
        var model2 = ParameterSet.PerniciousAnemia with { CarrierModel = PlasmaCarrierModel.BindingCapacity };
        var r = SchillingTest.Standard.Run(model2);
        Assert.True(r.RanOnModelThreeForm);
        Assert.Equal(PlasmaCarrierModel.FreeCapacity, r.ParameterSet.CarrierModel);
        Assert.Equal(model2.WithFreeCapacity(), r.ParameterSet);
        Assert.Equal(SchillingTest.Standard.Run(model2.WithFreeCapacity()).ExcretedFraction, r.ExcretedFraction);
        Assert.Contains("model-3 form of a model-2 set", r.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Intrinsic_factor_raises_the_capacity_to_the_healthy_one_and_leaves_the_ileum()
    {
        var pa = SchillingTest.Standard with { WithIntrinsicFactor = true };
        Assert.Equal(ParameterSet.Healthy.IntrinsicFactorCapacity.Micrograms, pa.Run(ParameterSet.PerniciousAnemia).ParameterSet.IntrinsicFactorCapacity.Micrograms, 12);
        var ileum = ParameterSet.IlealResection.WithFreeCapacity();
        var given = pa.Run(ileum);
        Assert.Equal(ileum, given.ParameterSet);
        Assert.Equal(SchillingTest.Standard.Run(ileum).ExcretedFraction, given.ExcretedFraction);
    }

    /// <summary>
    /// Section 8 of the published reference (Oxford Concise Medical Dictionary; Mosby's diagnostic manual; hospital
    /// nuclear-medicine protocols): in health at least 8 % of the oral dose in the 24-h urine (ranges quoted 8-40 %, the
    /// band's upper end); without IF (pernicious anaemia, total gastrectomy) under 5 %; normal again with IF given.
    /// </summary>
    [Theory]
    [InlineData(Condition.Healthy, false, 0.08, 0.40, SchillingReading.Normal)]
    [InlineData(Condition.AtrophicGastritis, false, 0.08, 0.40, SchillingReading.Normal)]
    [InlineData(Condition.PerniciousAnemia, false, 0, 0.05, SchillingReading.Low)]
    [InlineData(Condition.Gastrectomy, false, 0, 0.05, SchillingReading.Low)]
    [InlineData(Condition.PerniciousAnemia, true, 0.08, 0.40, SchillingReading.Normal)]
    [InlineData(Condition.Gastrectomy, true, 0.08, 0.40, SchillingReading.Normal)]
    public void Published_bands(Condition condition, bool withIntrinsicFactor, double low, double high, SchillingReading reading)
    {
        var r = (SchillingTest.Standard with { WithIntrinsicFactor = withIntrinsicFactor }).Run(ParameterSet.For(condition));
        output.WriteLine(r.ToString());
        Assert.InRange(r.ExcretedFraction, low, high);
        Assert.Equal(reading, r.Reading);
    }

    /// <summary>For any condition and stores: the share is within [0, 1] up to the solver's tolerance, reads as its bands say, and giving IF never lowers it.</summary>
    [Property(MaxTest = 30)]
    public bool The_share_is_a_share_and_intrinsic_factor_never_lowers_it(Condition condition, InitialStores stores)
    {
        var design = SchillingTest.Standard with { InitialStores = Mass.FromMicrograms(stores.Micrograms) };
        var without = design.Run(ParameterSet.For(condition));
        var with = (design with { WithIntrinsicFactor = true }).Run(ParameterSet.For(condition));
        var reads = without.Reading == (without.ExcretedFraction >= 0.08 ? SchillingReading.Normal : without.ExcretedFraction >= 0.05 ? SchillingReading.Borderline : SchillingReading.Low);
        return without.ExcretedFraction is >= -1e-6 and <= 1 + 1e-6 && reads && with.ExcretedFraction >= without.ExcretedFraction - 1e-9;
    }

    [Fact]
    public void Bad_designs_are_refused_naming_the_property()
    {
        Assert.Equal("OralDose", Assert.Throws<ArgumentOutOfRangeException>(() => SchillingTest.Standard with { OralDose = Mass.Zero }).ParamName);
        Assert.Equal("FlushDose", Assert.Throws<ArgumentOutOfRangeException>(() => SchillingTest.Standard with { FlushDose = Mass.FromGrams(6) }).ParamName);
        Assert.Equal("FlushTime", Assert.Throws<ArgumentOutOfRangeException>(() => SchillingTest.Standard with { FlushTime = TimeSpan.FromHours(-1) }).ParamName);
        Assert.Equal("Collection", Assert.Throws<ArgumentOutOfRangeException>(() => SchillingTest.Standard with { Collection = TimeSpan.Zero }).ParamName);
        Assert.Equal("Collection", Assert.Throws<ArgumentOutOfRangeException>(() => SchillingTest.Standard with { Collection = TimeSpan.FromDays(8) }).ParamName);
        Assert.Equal("InitialStores", Assert.Throws<ArgumentOutOfRangeException>(() => SchillingTest.Standard with { InitialStores = Mass.FromMicrograms(-1) }).ParamName);
        var late = Assert.Throws<ArgumentException>(() => (SchillingTest.Standard with { FlushTime = TimeSpan.FromHours(24) }).Run(ParameterSet.Healthy));
        Assert.Equal("FlushTime", late.ParamName);
        Assert.Equal("physiology", Assert.Throws<ArgumentNullException>(() => SchillingTest.Standard.Run(null!)).ParamName);
        Assert.Contains("(25.5 h) must be before the end of the collection (24 h)", GermanCulture.MessageOf(() => (SchillingTest.Standard with { FlushTime = TimeSpan.FromHours(25.5) }).Run(ParameterSet.Healthy)), StringComparison.Ordinal);
    }

    [Fact]
    public void Prints_in_the_invariant_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var text = SchillingTest.Standard.Run(ParameterSet.Healthy).ToString();
            Assert.Matches(@"^Schilling test: \d+\.\d% of the 1 µg oral dose in the 24-h urine \(normal; normal at least 8%, low below 5%\); flush 1000 µg IM at 2 h; the oral dose's urine read as the difference of two runs", text);
            Assert.Contains("OralDose = 1 µg", SchillingTest.Standard.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}

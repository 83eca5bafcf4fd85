using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Quantities;
using B12Dosing.Population;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using B12Dosing.Tests.Properties;
using B12Dosing.Tests.Shared;

namespace B12Dosing.Tests.Absorption;

/// <summary>
/// A physiology may not absorb more than a dose contains. The oral law c·E/(K+E) + p·E has slope Cmax/K + p at E = 0,
/// so the model accepts only physiologies with <see cref="ParameterSet.MaximumOralFraction"/> at most 1.
/// </summary>
public class ParameterSetConsistencyTests
{
    [Theory]
    [InlineData(Condition.Healthy)]
    [InlineData(Condition.PerniciousAnemia)]
    [InlineData(Condition.AtrophicGastritis)]
    [InlineData(Condition.Gastrectomy)]
    [InlineData(Condition.IlealResection)]
    public void Every_preset_absorbs_at_most_the_dose(Condition condition) =>
        Assert.InRange(ParameterSet.For(condition).MaximumOralFraction, 0, 1);

    [Fact]
    public void The_refit_stays_inside_the_physical_region() =>
        Assert.True(ParameterSet.Healthy.MaximumOralFraction < 1);

    /// <summary>IF capacity 0-5 µg, half-saturation 0.001-5 µg, passive fraction 0-1 (in thousandths), any oral amount (<see cref="AmountMicrograms"/>).</summary>
    [Property]
    public Property Absorbed_never_exceeds_the_dose_for_any_accepted_physiology(AmountMicrograms dose) => Prop.ForAll(
        Arbitraries.Between(0, 5000),
        Arbitraries.Between(1, 5000, toward: 1000),
        Arbitraries.Between(0, 1000),
        (capacity, halfSaturation, passive) =>
        {
            var p = ParameterSet.Healthy with
            {
                IntrinsicFactorCapacityMicrograms = capacity / 1000.0,
                IntrinsicFactorHalfSaturationMicrograms = halfSaturation / 1000.0,
                PassiveFraction = passive / 1000.0,
            };
            var oral = Dose.Oral(Mass.FromMicrograms(dose.Value));
            if (p.MaximumOralFraction > 1)
            {
                return Record.Exception(() => AbsorptionModel.Evaluate(oral, p)) is ArgumentException;
            }

            var outcome = AbsorptionModel.Evaluate(oral, p);
            return outcome.AbsorbedMicrograms <= dose.Value * (1 + 1e-12) && outcome.RetainedMicrograms <= outcome.AbsorbedMicrograms;
        });

    [Theory]
    [InlineData(Condition.Healthy)]
    [InlineData(Condition.AtrophicGastritis)]
    [InlineData(Condition.IlealResection)]
    // Before the half-saturation dose was scaled with the IF capacity, a healthy patient drawn with twice the capacity
    // had a maximum oral fraction of about 1.9.
    public void No_virtual_patient_absorbs_more_than_the_dose(Condition condition)
    {
        var model = PopulationModel.Default with { Conditions = ConditionMix.Only(condition) };
        var largest = Enumerable.Range(0, 5000).Max(i => model.Patient(42, i).ParameterSet.MaximumOralFraction);
        Assert.InRange(largest, 0, 1);
    }
}

using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Quantities;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using B12Dosing.Tests.Properties;
using B12Dosing.Tests.Shared;

namespace B12Dosing.Tests.Absorption;

public class AbsorptionPropertyTests
{
    private static DoseOutcome Eval(AmountMicrograms ug, Route route, CobalaminForm form, Condition c) => Eval(ug.Value, route, form, c);

    private static DoseOutcome Eval(double ug, Route route, CobalaminForm form, Condition c) =>
        AbsorptionModel.Evaluate(Dose.Create(Mass.FromMicrograms(ug), route, form), ParameterSet.For(c));

    [Property]
    public bool Retained_at_most_absorbed_at_most_dose(AmountMicrograms dose, Route route, CobalaminForm form, Condition condition)
    {
        var o = Eval(dose, route, form, condition);
        return o.RetainedMicrograms >= 0 && o.RetainedMicrograms <= o.AbsorbedMicrograms * (1 + 1e-15) && o.AbsorbedMicrograms <= o.DoseMicrograms; // the kept parts add up to the load to rounding
    }

    [Property]
    public bool Absorbed_never_falls_as_dose_rises(AmountMicrograms a, AmountMicrograms b, Route route, CobalaminForm form, Condition condition)
    {
        var (lo, hi) = a.Value <= b.Value ? (a, b) : (b, a);
        return Eval(lo, route, form, condition).AbsorbedMicrograms <= Eval(hi, route, form, condition).AbsorbedMicrograms
            && Eval(lo, route, form, condition).RetainedMicrograms <= Eval(hi, route, form, condition).RetainedMicrograms;
    }

    [Property]
    public bool Oral_fraction_never_rises_with_dose(AmountMicrograms a, AmountMicrograms b, Condition condition)
    {
        var (lo, hi) = a.Value <= b.Value ? (a, b) : (b, a);
        // Equal fractions (passive only) may differ in the last bit: allow 1e-12 relative.
        return Eval(hi, Route.Oral, CobalaminForm.Cyanocobalamin, condition).FractionAbsorbed
            <= Eval(lo, Route.Oral, CobalaminForm.Cyanocobalamin, condition).FractionAbsorbed * (1 + 1e-12);
    }

    [Property]
    public bool Pernicious_anaemia_never_absorbs_more_than_health(AmountMicrograms dose, Route route, CobalaminForm form) =>
        Eval(dose, route, form, Condition.PerniciousAnemia).AbsorbedMicrograms <= Eval(dose, route, form, Condition.Healthy).AbsorbedMicrograms
        && AbsorptionModel.Evaluate(Dose.Food(Mass.FromMicrograms(dose.Value)), ParameterSet.PerniciousAnemia).AbsorbedMicrograms
           <= AbsorptionModel.Evaluate(Dose.Food(Mass.FromMicrograms(dose.Value)), ParameterSet.Healthy).AbsorbedMicrograms;

    [Property]
    public Property Hydroxocobalamin_never_kept_less_than_cyanocobalamin(AmountMicrograms dose) => Prop.ForAll(
        B12Arbitraries.InjectedRoute,
        route => Eval(dose, route, CobalaminForm.Hydroxocobalamin, Condition.Healthy).RetainedMicrograms >= Eval(dose, route, CobalaminForm.Cyanocobalamin, Condition.Healthy).RetainedMicrograms);

    /// <summary>Splitting an oral amount into 2-6 doses at least 6 h apart never absorbs less than taking it at once.</summary>
    [Property]
    public Property Splitting_six_hours_apart_never_absorbs_less(AmountMicrograms dose, Condition condition) => Prop.ForAll(
        Arbitraries.ArrayOf(Arbitraries.Between(360, 2880), 2, 6),
        gaps =>
        {
            var p = ParameterSet.For(condition);
            var once = AbsorptionModel.Evaluate(Dose.Oral(Mass.FromMicrograms(dose.Value)), p).AbsorbedMicrograms;
            var t = 0.0;
            var events = new List<DoseEvent>();
            foreach (var gap in gaps)
            {
                events.Add(new(TimeSpan.FromMinutes(t), Dose.Oral(Mass.FromMicrograms(dose.Value / gaps.Length))));
                t += gap;
            }

            return AbsorptionModel.EvaluateSeries(events, p).AbsorbedMicrograms >= once * (1 - 1e-12);
        });
}

using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Quantities;
using FsCheck;
using FsCheck.Fluent;

namespace B12Dosing.Tests.Absorption;

public class AbsorptionPropertyTests
{
    /// <summary>Doses from 0.01 µg to 100 mg, log-uniform.</summary>
    private static readonly Gen<double> DoseGen = Gen.Choose(0, 70000).Select(i => Math.Pow(10, -2 + (i / 10000.0)));

    private static readonly Gen<Route> RouteGen = Gen.Elements(Routes.All.ToArray());

    private static readonly Gen<CobalaminForm> FormGen = Gen.Elements(CobalaminForms.All.ToArray());

    private static readonly Gen<Condition> ConditionGen = Gen.Elements(Conditions.All.ToArray());

    private static DoseOutcome Eval(double ug, Route route, CobalaminForm form, Condition c) =>
        AbsorptionModel.Evaluate(Dose.Create(Mass.FromMicrograms(ug), route, form), Physiology.For(c));

    [Fact]
    public void Retained_at_most_absorbed_at_most_dose() => Prop.ForAll(
        (from d in DoseGen from r in RouteGen from f in FormGen from c in ConditionGen select (d, r, f, c)).ToArbitrary(),
        x =>
        {
            var o = Eval(x.d, x.r, x.f, x.c);
            return o.RetainedMicrograms >= 0 && o.RetainedMicrograms <= o.AbsorbedMicrograms * (1 + 1e-15) && o.AbsorbedMicrograms <= o.DoseMicrograms; // the kept parts add up to the load to rounding
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Absorbed_never_falls_as_dose_rises() => Prop.ForAll(
        (from a in DoseGen from b in DoseGen from r in RouteGen from f in FormGen from c in ConditionGen select (a, b, r, f, c)).ToArbitrary(),
        x =>
        {
            var (lo, hi) = x.a <= x.b ? (x.a, x.b) : (x.b, x.a);
            return Eval(lo, x.r, x.f, x.c).AbsorbedMicrograms <= Eval(hi, x.r, x.f, x.c).AbsorbedMicrograms && Eval(lo, x.r, x.f, x.c).RetainedMicrograms <= Eval(hi, x.r, x.f, x.c).RetainedMicrograms;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Oral_fraction_never_rises_with_dose() => Prop.ForAll(
        (from a in DoseGen from b in DoseGen from c in ConditionGen select (a, b, c)).ToArbitrary(),
        x =>
        {
            var (lo, hi) = x.a <= x.b ? (x.a, x.b) : (x.b, x.a);
            // Equal fractions (passive only) may differ in the last bit: allow 1e-12 relative.
            return Eval(hi, Route.Oral, CobalaminForm.Cyanocobalamin, x.c).FractionAbsorbed <= Eval(lo, Route.Oral, CobalaminForm.Cyanocobalamin, x.c).FractionAbsorbed * (1 + 1e-12);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Pernicious_anaemia_never_absorbs_more_than_health() => Prop.ForAll(
        (from d in DoseGen from r in RouteGen from f in FormGen select (d, r, f)).ToArbitrary(),
        x => Eval(x.d, x.r, x.f, Condition.PerniciousAnemia).AbsorbedMicrograms <= Eval(x.d, x.r, x.f, Condition.Healthy).AbsorbedMicrograms
            && AbsorptionModel.Evaluate(Dose.Food(Mass.FromMicrograms(x.d)), Physiology.PerniciousAnemia).AbsorbedMicrograms
               <= AbsorptionModel.Evaluate(Dose.Food(Mass.FromMicrograms(x.d)), Physiology.Healthy).AbsorbedMicrograms).QuickCheckThrowOnFailure();

    [Fact]
    public void Hydroxocobalamin_never_kept_less_than_cyanocobalamin() => Prop.ForAll(
        (from d in DoseGen from r in Gen.Elements(Route.Intramuscular, Route.Subcutaneous, Route.Intravenous) select (d, r)).ToArbitrary(),
        x => Eval(x.d, x.r, CobalaminForm.Hydroxocobalamin, Condition.Healthy).RetainedMicrograms >= Eval(x.d, x.r, CobalaminForm.Cyanocobalamin, Condition.Healthy).RetainedMicrograms)
        .QuickCheckThrowOnFailure();

    /// <summary>Splitting an oral amount into 2-6 doses at least 6 h apart never absorbs less than taking it at once.</summary>
    [Fact]
    public void Splitting_six_hours_apart_never_absorbs_less() => Prop.ForAll(
        (from d in DoseGen
         from n in Gen.Choose(2, 6)
         from gaps in Gen.ArrayOf(Gen.Choose(360, 2880), n)
         from c in ConditionGen
         select (d, n, gaps, c)).ToArbitrary(),
        x =>
        {
            var p = Physiology.For(x.c);
            var once = AbsorptionModel.Evaluate(Dose.Oral(Mass.FromMicrograms(x.d)), p).AbsorbedMicrograms;
            var t = 0.0;
            var events = new List<DoseEvent>();
            for (var i = 0; i < x.n; i++)
            {
                events.Add(new(TimeSpan.FromMinutes(t), Dose.Oral(Mass.FromMicrograms(x.d / x.n))));
                t += x.gaps[i];
            }

            return AbsorptionModel.EvaluateSeries(events, p).AbsorbedMicrograms >= once * (1 - 1e-12);
        }).QuickCheckThrowOnFailure();
}

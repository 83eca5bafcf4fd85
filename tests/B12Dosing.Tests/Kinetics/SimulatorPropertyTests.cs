using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using FsCheck;
using FsCheck.Fluent;
using static B12Dosing.Tests.Kinetics.KineticsTestData;

namespace B12Dosing.Tests.Kinetics;

public class SimulatorPropertyTests
{
    private static readonly Gen<Condition> ConditionGen = Gen.Elements(Conditions.All.ToArray());

    private static SimulationResult Run(DoseEvent[] events, Condition c, double initial = 2500, double days = 90) =>
        Simulator.Run(events, new SimulationSettings(TimeSpan.FromDays(days)) { Physiology = Physiology.For(c), InitialStores = Mass.FromMicrograms(initial) });

    [Fact]
    public void Mass_balance_closes_and_no_pool_is_negative() => Prop.ForAll(
        (from e in EventsGen from c in ConditionGen from s in Gen.Choose(0, 5000) select (e, c, s)).ToArbitrary(),
        x =>
        {
            var r = Run(x.e, x.c, x.s);
            var scale = Math.Max(r.Summary.TotalDoseMicrograms, r.Summary.InitialBodyMicrograms);
            return Math.Abs(r.Summary.MassBalanceErrorMicrograms) <= 1e-9 * Math.Max(scale, 1)
                && r.Series.All(row => row.StoresMicrograms >= 0 && row.PlasmaMicrograms >= 0 && row.CumulativeUrineMicrograms >= 0 && row.CumulativeFaecesMicrograms >= 0);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void With_no_intake_stores_only_fall() => Prop.ForAll(
        (from c in ConditionGen from s in Gen.Choose(1, 100000) select (c, s)).ToArbitrary(),
        x =>
        {
            var rows = Run([], x.c, x.s, 3650).Series;
            return rows.Zip(rows.Skip(1)).All(pair => pair.Second.StoresMicrograms < pair.First.StoresMicrograms);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_larger_dose_never_leaves_less_in_the_body() => Prop.ForAll(
        (from e in EventsGen.Where(a => a.Length > 0) from i in Gen.Choose(0, 100) from f in Gen.Choose(101, 400) from c in ConditionGen select (e, i, f / 100.0, c)).ToArbitrary(),
        x =>
        {
            var (events, index, factor, c) = x;
            var k = index % events.Length;
            var bigger = (DoseEvent[])events.Clone();
            var d = events[k].Dose;
            var amount = Mass.FromMicrograms(Math.Min(d.Amount.Micrograms * factor, 5e6));
            bigger[k] = new(events[k].Time, d.Vehicle == DoseVehicle.FoodBound ? Dose.Food(amount) : Dose.Create(amount, d.Route, d.Form));
            var before = Run(events, c).Series;
            var after = Run(bigger, c).Series;
            return before.Zip(after).All(p => p.Second.BodyMicrograms >= p.First.BodyMicrograms * (1 - 1e-12));
        }).QuickCheckThrowOnFailure();

    /// <summary>Listing the same events in another order (here reversed and rotated) gives exactly the same result.</summary>
    [Fact]
    public void Doses_at_the_same_time_commute() => Prop.ForAll(
        (from e in EventsGen from t in Gen.Choose(0, 20) from c in ConditionGen select (e, t, c)).ToArbitrary(),
        x =>
        {
            // Put some doses at one instant on purpose.
            var events = x.e.Select((ev, i) => i % 2 == 0 ? new DoseEvent(TimeSpan.FromDays(x.t), ev.Dose) : ev).ToArray();
            var reordered = events.Reverse().Skip(1).Concat(events.Reverse().Take(1)).ToArray();
            var a = Run(events, x.c);
            var b = Run(reordered, x.c);
            return a.Summary == b.Summary && a.Series.SequenceEqual(b.Series);
        }).QuickCheckThrowOnFailure();

    /// <summary>
    /// A dose repeated every T days for 80 years reaches the analytic steady state (the slowest mode decays at about
    /// 0.13-0.2 %/day, so after 80 years what is left of the start is below 1e-16): the trough agrees within 1e-6.
    /// </summary>
    [Fact]
    public void Repeated_regimen_reaches_the_analytic_steady_state() => Prop.ForAll(
        (from d in DoseGen from t in Gen.Choose(1, 60) from c in ConditionGen select (d, t, c)).ToArbitrary(),
        x =>
        {
            var (dose, interval, c) = x;
            var p = Physiology.For(c);
            var periods = 29220 / interval;
            var events = Enumerable.Range(0, periods).Select(i => new DoseEvent(TimeSpan.FromDays(i * interval), dose)).ToArray();
            var settings = new SimulationSettings(TimeSpan.FromDays(periods * interval)) { Physiology = p, Step = TimeSpan.FromDays(interval) };
            var last = Simulator.Run(events, settings).Series[^1];
            var (stores, plasma) = Simulator.SteadyStateTroughMicrograms(dose, TimeSpan.FromDays(interval), p);
            return Math.Abs(last.StoresMicrograms - stores) <= 1e-6 * stores && Math.Abs(last.PlasmaMicrograms - plasma) <= 1e-6 * Math.Max(plasma, 1e-6);
        }).QuickCheckThrowOnFailure();
}

using B12Dosing.Dosing;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using FsCheck;
using FsCheck.Fluent;

namespace B12Dosing.Tests.Regimens;

public class RegimenPropertyTests
{
    /// <summary>A phase as plain data, so that properties can compute what it should give independently.</summary>
    public sealed record PhaseSpec(Dose Dose, int DelayHours, int IntervalHours, int[] OffsetHours, bool Split, int Limit, int Count, int ForHours, int[] AtHours)
    {
        public override string ToString() => $"{Dose} after {DelayHours}h q{IntervalHours}h on [{string.Join(',', OffsetHours)}] split={Split} limit={Limit} x{Count} for {ForHours}h at [{string.Join(',', AtHours)}]";
    }

    private static readonly Gen<Dose> Doses =
        from micrograms in Gen.Choose(1, 5000)
        from inMilligrams in Gen.Elements(true, false)
        from form in Gen.Elements(CobalaminForms.All.ToArray())
        from route in Gen.Elements(Routes.All.ToArray())
        from food in Gen.Choose(0, 9)
        select food == 0 ? Dose.Food(Mass.FromMicrograms(micrograms / 10.0))
            : Dose.Create(inMilligrams ? Mass.FromMilligrams(micrograms / 1000.0) : Mass.FromMicrograms(micrograms), route, form);

    private static readonly Gen<PhaseSpec> Phases =
        from dose in Doses
        from delay in Gen.Elements(0, 0, 0, 5, 24, 24 * 14)
        from interval in Gen.Elements(1, 6, 12, 24, 48, 84, 24 * 7, 24 * 30, 24 * 90, 37)
        from offsets in Gen.ArrayOf(Gen.Choose(0, interval - 1)).Select(o => o.Length == 0 ? [0] : o.Distinct().Order().Take(4).ToArray())
        from split in Gen.Elements(true, false)
        from limit in Gen.Choose(0, 3)
        from count in Gen.Choose(1, 20)
        from extra in Gen.Choose(1, 24 * 60)
        from at in Gen.ArrayOf(Gen.Choose(0, 24 * 200)).Select(a => a.Length == 0 ? [0] : a)
        select new PhaseSpec(dose, delay, interval, offsets, split, limit, count, offsets[0] + extra, at);

    private static TimeSpan H(int hours) => TimeSpan.FromHours(hours);

    /// <summary>Builds a sequence: an irregular first phase when <see cref="PhaseSpec.Limit"/> is 3 on the first phase,
    /// otherwise repeating phases ending by count, duration or time (the last one may stay open).</summary>
    private static Regimen Build(IReadOnlyList<PhaseSpec> specs)
    {
        Regimen? regimen = null;
        for (var i = 0; i < specs.Count; i++)
        {
            var s = specs[i];
            var step = (regimen is null ? Regimen.Start(s.Dose) : regimen.Then(s.Dose)).After(H(s.DelayHours));
            if (i == 0 && s.Limit == 3)
            {
                regimen = step.At(s.AtHours.Select(H));
                continue;
            }

            var repeat = s.Split ? step.Every(H(s.IntervalHours)).SplitAt(s.OffsetHours.Select(H)) : step.Every(H(s.IntervalHours)).On(s.OffsetHours.Select(H));
            regimen = s.Limit switch
            {
                0 when i == specs.Count - 1 => repeat.Indefinitely(),
                2 => repeat.For(H(s.ForHours)),
                _ => repeat.Times(s.Count),
            };
        }

        return regimen!;
    }

    private static readonly Gen<Regimen> Sequences =
        Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Phases, n)).Select(Build);

    private static readonly Gen<Regimen> Regimens =
        from parts in Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Sequences, n))
        from shift in Gen.Elements(0, 0, 7, 24 * 3)
        from adherence in Gen.Elements(1.0, 1.0, 0.5, 0.8, 0.95)
        from seed in Gen.Choose(-1000, 1000)
        select Regimen.Combine(parts).Offset(H(shift)).WithAdherence(adherence, seed);

    private static readonly Gen<TimeSpan> Horizons = Gen.Choose(0, 24 * 800).Select(H);

    private static bool SameEvents(IEnumerable<DoseEvent> a, IEnumerable<DoseEvent> b) => a.SequenceEqual(b);

    [Fact]
    public void The_notation_round_trips_for_generated_regimens() =>
        Prop.ForAll(Regimens.ToArbitrary(), r =>
        {
            var text = r.ToString();
            var parsed = Regimen.Parse(text);
            return parsed.Equals(r) && parsed.ToString() == text && parsed.GetHashCode() == r.GetHashCode();
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Expansion_is_sorted_and_within_the_horizon() =>
        Prop.ForAll(Regimens.ToArbitrary(), Horizons.ToArbitrary(), (r, horizon) =>
        {
            var events = r.Events(horizon);
            return events.Zip(events.Skip(1)).All(p => p.First.Time <= p.Second.Time) && events.All(e => e.Time <= horizon);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_shorter_horizon_gives_a_prefix_of_a_longer_one_even_with_adherence() =>
        Prop.ForAll(Regimens.ToArbitrary(), Horizons.ToArbitrary(), Horizons.ToArbitrary(), (r, a, b) =>
        {
            var (shorter, longer) = a <= b ? (a, b) : (b, a);
            return SameEvents(r.Events(shorter), r.Events(longer).TakeWhile(e => e.Time <= shorter));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Combining_a_regimen_with_itself_keeps_every_same_time_event() =>
        Prop.ForAll(Sequences.ToArbitrary(), Horizons.ToArbitrary(), (r, horizon) =>
        {
            var single = r.Events(horizon);
            var doubled = r.And(r).Events(horizon);
            return doubled.Length == 2 * single.Length
                && SameEvents(doubled.Where((_, i) => i % 2 == 0), single)
                && SameEvents(doubled.Where((_, i) => i % 2 == 1), single);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void The_union_holds_the_events_of_both_regimens() =>
        Prop.ForAll(Sequences.ToArbitrary(), Sequences.ToArbitrary(), Horizons.ToArbitrary(), (a, b, horizon) =>
        {
            var union = a.And(b).Events(horizon);
            var expected = a.Events(horizon).Concat(b.Events(horizon)).OrderBy(e => e.Time).ToArray();
            return union.Length == expected.Length && union.Select(e => e.Time).SequenceEqual(expected.Select(e => e.Time));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Offset_shifts_every_event() =>
        Prop.ForAll(Regimens.ToArbitrary(), Horizons.ToArbitrary(), Gen.Choose(0, 24 * 400).ToArbitrary(), (r, horizon, shiftHours) =>
        {
            var shift = H(shiftHours);
            var shifted = r.Offset(shift).Events(horizon + shift);
            return SameEvents(shifted, r.Events(horizon).Select(e => new DoseEvent(e.Time + shift, e.Dose)));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_single_phase_gives_the_number_of_doses_its_definition_implies() =>
        Prop.ForAll(Phases.ToArbitrary(), s =>
        {
            var regimen = Build([s]);
            var events = regimen.Events(TimeSpan.FromDays(2000));
            var perCycle = s.OffsetHours.Length;

            // Counted independently of the implementation: cycles that start before the end, offsets that fall before it.
            var expected = s.Limit switch
            {
                1 => s.Count * perCycle,
                2 => s.OffsetHours.Where(o => o < s.ForHours).Sum(o => (int)Math.Ceiling((s.ForHours - o) / (double)s.IntervalHours)),
                3 => s.AtHours.Length,
                _ => s.OffsetHours.Sum(o => ((((2000 * 24) - s.DelayHours - o) / s.IntervalHours) + 1)),
            };
            var amounts = s.Split ? s.Dose.Amount.Micrograms / perCycle : s.Dose.Amount.Micrograms;
            return events.Length == expected
                && events.All(e => Math.Abs(e.Dose.Amount.Micrograms - (s.Limit == 3 ? s.Dose.Amount.Micrograms : amounts)) < 1e-9 * amounts)
                && (events.Length == 0 || events[0].Time >= H(s.DelayHours));
        }).QuickCheckThrowOnFailure();

    private static readonly string[] Vocabulary =
    [
        "1", "0", "-2", "2.4", "1e400", "mg", "ug", "µg", "IU", "g", "5000", "1mg", "ohcbl", "im", "oral", "food", "iv", "sl",
        "daily", "weekly", "monthly", "tiw", "q2d", "q0h", "q1.5d", "q", "qd", "x7", "x", "x0", "for", "until", "2w", "3mo",
        "d1", "d0", "d99999999999", "36h", "at", "once", "on", "split", "3", "then", "after", "+", ",", "with", "adherence",
        "80%", "seed", "none", "0.5", "1y", "200y", "9999y",
    ];

    [Fact]
    public void Any_sequence_of_notation_words_parses_or_throws_a_format_exception() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements(Vocabulary)).Select(words => string.Join(' ', words)).ToArbitrary(), text =>
        {
            try
            {
                var regimen = Regimen.Parse(text);
                return Regimen.Parse(regimen.ToString()).Equals(regimen);
            }
            catch (FormatException)
            {
                return true;
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(3000));

    [Fact]
    public void Well_formed_random_notation_always_parses() =>
        Prop.ForAll(
            (from amount in Gen.Elements("1 mg", "1000 ug", "2.4 mcg", "500µg")
             from route in Gen.Elements("im", "ohcbl im", "oral", "food", "intranasal", "mecbl sc")
             from interval in Gen.Elements("daily", "weekly", "monthly", "tiw", "q2d", "q12h", "q3mo")
             from limit in Gen.Elements("x3", "for 3w", "until d100")
             from last in Gen.Elements("daily", "q1y", "at d1,d5")
             select $"{amount} {route} {interval} {limit} then {amount} {route} {(last == "at d1,d5" ? "weekly x2" : last)} + {amount} {route} {last}").ToArbitrary(),
            text => Regimen.Parse(text).Events(TimeSpan.FromDays(400)).Length > 0).QuickCheckThrowOnFailure();
}

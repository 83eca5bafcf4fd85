using B12Dosing.Dosing;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using B12Dosing.Tests.Properties;
using B12Dosing.Tests.Shared;

namespace B12Dosing.Tests.Regimens;

public class RegimenPropertyTests
{
    private static TimeSpan H(int hours) => TimeSpan.FromHours(hours);

    private static bool SameEvents(IEnumerable<DoseEvent> a, IEnumerable<DoseEvent> b) => a.SequenceEqual(b);

    [Property]
    public bool The_notation_round_trips_for_generated_regimens(Regimen r)
    {
        var text = r.ToString();
        var parsed = Regimen.Parse(text);
        return parsed.Equals(r) && parsed.ToString() == text && parsed.GetHashCode() == r.GetHashCode();
    }

    [Property]
    public bool Expansion_is_sorted_and_within_the_horizon(Regimen r, Horizon horizon)
    {
        var events = r.Events(horizon.Value);
        return events.Zip(events.Skip(1)).All(p => p.First.Time <= p.Second.Time) && events.All(e => e.Time <= horizon.Value);
    }

    [Property]
    public bool Enumerating_the_events_gives_the_expansion_every_time_it_is_read(Regimen r, Horizon horizon)
    {
        var streamed = r.EnumerateEvents(horizon.Value);
        return SameEvents(streamed, r.Events(horizon.Value)) && SameEvents(streamed, r.Events(horizon.Value));
    }

    [Property]
    public bool A_shorter_horizon_gives_a_prefix_of_a_longer_one_even_with_adherence(Regimen r, Horizon a, Horizon b)
    {
        var (shorter, longer) = a.Value <= b.Value ? (a.Value, b.Value) : (b.Value, a.Value);
        return SameEvents(r.Events(shorter), r.Events(longer).TakeWhile(e => e.Time <= shorter));
    }

    [Property]
    public Property Combining_a_regimen_with_itself_keeps_every_same_time_event(Horizon horizon) =>
        Prop.ForAll(B12Arbitraries.Sequences, r =>
        {
            var single = r.Events(horizon.Value);
            var doubled = r.And(r).Events(horizon.Value);
            return doubled.Length == 2 * single.Length
                && SameEvents(doubled.Where((_, i) => i % 2 == 0), single)
                && SameEvents(doubled.Where((_, i) => i % 2 == 1), single);
        });

    [Property]
    public Property The_union_holds_the_events_of_both_regimens(Horizon horizon) =>
        Prop.ForAll(B12Arbitraries.Sequences, B12Arbitraries.Sequences, (a, b) =>
        {
            var union = a.And(b).Events(horizon.Value);
            var expected = a.Events(horizon.Value).Concat(b.Events(horizon.Value)).OrderBy(e => e.Time).ToArray();
            return union.Length == expected.Length && union.Select(e => e.Time).SequenceEqual(expected.Select(e => e.Time));
        });

    [Property]
    public Property Offset_shifts_every_event(Regimen r, Horizon horizon) =>
        Prop.ForAll(Arbitraries.Between(0, 24 * 400), shiftHours =>
        {
            var shift = H(shiftHours);
            var shifted = r.Offset(shift).Events(horizon.Value + shift);
            return SameEvents(shifted, r.Events(horizon.Value).Select(e => new DoseEvent(e.Time + shift, e.Dose)));
        });

    [Property]
    public bool A_single_phase_gives_the_number_of_doses_its_definition_implies(PhaseSpec s)
    {
        var regimen = PhaseSpec.Build([s]);
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
    }

    private static readonly string[] Vocabulary =
    [
        "1", "0", "-2", "2.4", "1e400", "mg", "ug", "µg", "IU", "g", "5000", "1mg", "ohcbl", "im", "oral", "food", "iv", "sl",
        "daily", "weekly", "monthly", "tiw", "q2d", "q0h", "q1.5d", "q", "qd", "x7", "x", "x0", "for", "until", "2w", "3mo",
        "d1", "d0", "d99999999999", "36h", "at", "once", "on", "split", "3", "then", "after", "+", ",", "with", "adherence",
        "80%", "seed", "none", "0.5", "1y", "200y", "9999y",
    ];

    [Property(MaxTest = 3000)]
    public Property Any_sequence_of_notation_words_parses_or_throws_a_format_exception() =>
        Prop.ForAll(Arbitraries.ArrayOf(Arbitraries.OneOf(Vocabulary), 0, 30), words =>
        {
            var text = string.Join(' ', words);
            try
            {
                var regimen = Regimen.Parse(text);
                return Regimen.Parse(regimen.ToString()).Equals(regimen);
            }
            catch (FormatException)
            {
                return true;
            }
        });

    [Property]
    public Property Well_formed_random_notation_always_parses() =>
        Prop.ForAll(
            Arbitraries.Pair(Arbitraries.OneOf("1 mg", "1000 ug", "2.4 mcg", "500µg"), Arbitraries.OneOf("im", "ohcbl im", "oral", "food", "intranasal", "mecbl sc")),
            Arbitraries.Pair(Arbitraries.OneOf("daily", "weekly", "monthly", "tiw", "q2d", "q12h", "q3mo"), Arbitraries.OneOf("x3", "for 3w", "until d100")),
            Arbitraries.OneOf("daily", "q1y", "at d1,d5"),
            (dose, schedule, last) =>
            {
                var ((amount, route), (interval, limit)) = (dose, schedule);
                var text = $"{amount} {route} {interval} {limit} then {amount} {route} {(last == "at d1,d5" ? "weekly x2" : last)} + {amount} {route} {last}";
                return Regimen.Parse(text).Events(TimeSpan.FromDays(400)).Length > 0;
            });
}

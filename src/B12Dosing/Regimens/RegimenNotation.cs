using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using B12Dosing.Dosing;
using B12Dosing.Quantities;

namespace B12Dosing.Regimens;

/// <summary>
/// Reads and writes the compact regimen notation documented (with its grammar) in <c>docs/regimens.md</c>,
/// for example <c>1 mg ohcbl im tiw for 2w then 1 mg ohcbl im q3mo</c> or
/// <c>2.4 µg food daily split at 8h,13h,19h</c>. Keywords are case-insensitive.
/// </summary>
internal static class RegimenNotation
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1), Week = TimeSpan.FromDays(7), Month = TimeSpan.FromDays(30);
    private static readonly ImmutableArray<TimeSpan> ThreeTimesWeekly = [TimeSpan.Zero, TimeSpan.FromDays(2), TimeSpan.FromDays(4)];

    /// <summary>Prints a regimen in the notation.</summary>
    public static string Format(Regimen regimen)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(" + ", regimen.Parts.Select(part => string.Join(" then ", part.Select(FormatPhase))));
        if (sb.Length == 0)
        {
            sb.Append("none");
        }

        if (regimen.AdherenceProbability < 1)
        {
            sb.Append(CultureInfo.InvariantCulture, $" with adherence {Positional(regimen.AdherenceProbability)} seed {regimen.AdherenceSeed}");
        }

        return sb.ToString();
    }

    /// <summary>
    /// The shortest round-trip digits of <paramref name="value"/> (not negative) without an exponent, which the notation
    /// reads (issue 21: an adherence of 1e-5 printed as <c>1E-05</c>, which <see cref="Parse"/> refused).
    /// </summary>
    internal static string Positional(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text;
        }

        var mantissa = text[..e];
        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var point = (dot < 0 ? mantissa.Length : dot) + exponent;
        return point <= 0 ? string.Concat("0.", new string('0', -point), digits)
            : point >= digits.Length ? digits + new string('0', point - digits.Length)
            : string.Concat(digits.AsSpan(0, point), ".", digits.AsSpan(point));
    }

    /// <summary>Parses the notation.</summary>
    /// <exception cref="FormatException">The text is not a regimen; the message gives the bad token and its position.</exception>
    public static Regimen Parse(string text) => new Parser(text).Regimen();

    private static string FormatPhase(Phase phase)
    {
        var sb = new StringBuilder();
        if (phase.Delay > TimeSpan.Zero)
        {
            sb.Append("after ").Append(RegimenTime.FormatDuration(phase.Delay)).Append(' ');
        }

        var dose = phase.Dose;
        sb.Append(QuantityText.Format(dose.Amount));
        sb.Append(dose.Vehicle == DoseVehicle.FoodBound ? " food"
            : dose.Form == CobalaminForm.Cyanocobalamin ? $" {dose.Route.ShortName()}"
            : $" {ShortName(dose.Form)} {dose.Route.ShortName()}");

        if (phase.IsIrregular)
        {
            return sb.Append(" at ").AppendJoin(',', phase.Times.Select(RegimenTime.FormatPoint)).ToString();
        }

        var tiw = phase.Interval == Week && !phase.Split && phase.Times.SequenceEqual(ThreeTimesWeekly);
        sb.Append(' ').Append(tiw ? "tiw" : phase.Interval == Day ? "daily" : phase.Interval == Week ? "weekly" : phase.Interval == Month ? "monthly" : "q" + RegimenTime.FormatDuration(phase.Interval));
        var n = phase.Times.Length;
        if (phase.Split && phase.Times.Select((t, i) => t == phase.Interval / n * i).All(even => even))
        {
            sb.Append(CultureInfo.InvariantCulture, $" split {n}");
        }
        else if (!tiw && (phase.Split || n > 1 || phase.Times[0] != TimeSpan.Zero))
        {
            sb.Append(phase.Split ? " split at " : " on ").AppendJoin(',', phase.Times.Select(RegimenTime.FormatDuration));
        }

        return phase.Limit switch
        {
            PhaseLimit.Count => sb.Append(CultureInfo.InvariantCulture, $" x{phase.Count}").ToString(),
            PhaseLimit.For => sb.Append(" for ").Append(RegimenTime.FormatDuration(phase.LimitTime)).ToString(),
            PhaseLimit.Until => sb.Append(" until ").Append(RegimenTime.FormatPoint(phase.LimitTime)).ToString(),
            _ => sb.ToString(),
        };
    }

    private static string ShortName(CobalaminForm form) => form switch
    {
        CobalaminForm.Hydroxocobalamin => "ohcbl",
        CobalaminForm.Methylcobalamin => "mecbl",
        CobalaminForm.Adenosylcobalamin => "adocbl",
        _ => "cncbl",
    };

    private readonly record struct Token(string Text, int Position)
    {
        public bool Is(string keyword) => Text.Equals(keyword, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A recursive-descent parser over whitespace-, comma- and plus-separated tokens.</summary>
    private sealed class Parser
    {
        private const string When = "when the dose is given: 'at', 'once', 'daily', 'weekly', 'monthly', 'tiw' or 'q' and an interval (such as q2d)";
        private readonly string _text;
        private readonly List<Token> _tokens = [];
        private int _next;
        private Token _limit;

        public Parser(string text)
        {
            _text = text;
            for (var i = 0; i < text.Length;)
            {
                if (char.IsWhiteSpace(text[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                if (text[i] is ',' or '+')
                {
                    i++;
                }
                else
                {
                    while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not (',' or '+'))
                    {
                        i++;
                    }
                }

                _tokens.Add(new Token(text[start..i], start + 1));
            }
        }

        private Token Peek => _next < _tokens.Count ? _tokens[_next] : new Token(string.Empty, _text.Length + 1);

        public Regimen Regimen()
        {
            var parts = ImmutableArray.CreateBuilder<ImmutableArray<Phase>>();
            if (!Accept("none"))
            {
                do
                {
                    parts.Add(Sequence());
                }
                while (Accept("+"));
            }

            var regimen = new Regimen(parts.ToImmutable());
            if (Accept("with"))
            {
                Expect("adherence");
                var at = Peek;
                var probability = Number(Next(), "an adherence from 0 to 1, such as 0.8 or 80%");
                Expect("seed");
                var seed = Integer(Next(), "a seed (a whole number)", int.MinValue);
                regimen = Build(at, () => regimen.WithAdherence(probability, seed));
            }

            return Peek.Text.Length == 0 ? regimen : throw Error(Peek, "'then', '+', 'with adherence' or the end of the text");
        }

        /// <summary>Phases joined by <c>then</c>, each checked against the one before as it is read: linear in their number.</summary>
        private ImmutableArray<Phase> Sequence()
        {
            var phases = ImmutableArray.CreateBuilder<Phase>();
            var origin = TimeSpan.Zero;
            var then = Peek;
            while (true)
            {
                var start = Peek;
                var phase = Phase();
                if (phases.Count > 0 && (phases[^1].Limit == PhaseLimit.Open || phase.IsIrregular))
                {
                    _ = Build(then, () => PhaseChain.NextOrigin(phases[^1], origin, phase));
                }

                origin = Build(_limit.Text is { Length: > 0 } ? _limit : start, () => phases.Count == 0 ? PhaseChain.FirstOrigin(phase) : PhaseChain.NextOrigin(phases[^1], origin, phase));
                phases.Add(phase);
                then = Peek;
                if (!Accept("then"))
                {
                    return phases.ToImmutable();
                }
            }
        }

        private Phase Phase()
        {
            _limit = default;
            var delay = Accept("after") ? Duration(Next()) : TimeSpan.Zero;
            var dose = Dose();
            var when = Next();
            if (when.Is("at") || when.Is("once"))
            {
                var times = when.Is("once") ? [TimeSpan.Zero] : List(Point);
                return Build(when, () => Regimens.Phase.At(delay, dose, times));
            }

            var (interval, offsets) = when.Text.ToLowerInvariant() switch
            {
                "daily" => (Day, [TimeSpan.Zero]),
                "weekly" => (Week, [TimeSpan.Zero]),
                "monthly" => (Month, [TimeSpan.Zero]),
                "tiw" => (Week, ThreeTimesWeekly),
                _ when when.Text.Length > 1 && (when.Text[0] is 'q' or 'Q') => (Duration(when with { Text = when.Text[1..], Position = when.Position + 1 }), ImmutableArray.Create(TimeSpan.Zero)),
                _ => throw Error(when, When),
            };
            var shape = when;
            var split = false;
            if (!when.Is("tiw") && (Peek.Is("on") || Peek.Is("split")))
            {
                shape = Next();
                split = shape.Is("split");
                offsets = !split || Accept("at") ? [.. List(Duration)] : EvenSplit(interval, Next());
            }

            var phase = Build(shape, () => Regimens.Phase.Repeat(delay, dose, interval, offsets, split));
            var limit = _limit = Peek;
            if (limit.Text.Length > 1 && (limit.Text[0] is 'x' or 'X') && char.IsAsciiDigit(limit.Text[1]))
            {
                _next++;
                return Cycles(phase, limit, limit with { Text = limit.Text[1..] });
            }

            return Accept("x") ? Cycles(phase, limit, Next())
                : Accept("for") ? Build(limit, () => phase.WithLimit(PhaseLimit.For, 0, Duration(Next())))
                : Accept("until") ? Build(limit, () => phase.WithLimit(PhaseLimit.Until, 0, Point(Next())))
                : phase;
        }

        /// <summary>The phase ended after the count of cycles in <paramref name="count"/> (<c>x7</c> or <c>x 7</c>).</summary>
        private Phase Cycles(Phase phase, Token limit, Token count)
        {
            var cycles = Integer(count, "a count of cycles after 'x', such as x7", 1);
            return Build(limit, () => phase.WithLimit(PhaseLimit.Count, cycles, TimeSpan.Zero));
        }

        private Dose Dose()
        {
            var amountToken = Next();
            var amountText = amountToken.Text;
            if (double.TryParse(amountText, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                amountText += " " + Next().Text;
            }

            if (!QuantityText.TryParse(amountText, CultureInfo.InvariantCulture, out Mass amount))
            {
                var reason = amountText.Trim().Length == 0 ? "nothing" : $"'{amountText}'";
                throw Error(amountToken, $"an amount with a unit, such as '1 mg' or '1000 µg', not {reason} ({(amountText.Contains(',', StringComparison.Ordinal) ? "a comma in a number is ambiguous (a thousands separator or a decimal comma?): write '1000 µg' or '1.5 mg'" : MassError(amountText))})");
            }

            if (Accept("food"))
            {
                _ = Accept("oral") || Accept("po");
                return Build(amountToken, () => B12Dosing.Dosing.Dose.Food(amount));
            }

            var form = CobalaminForm.Cyanocobalamin;
            if (CobalaminForms.TryParse(Peek.Text, out var named))
            {
                form = named;
                _next++;
            }

            var routeToken = Next();
            return Routes.TryParse(routeToken.Text, out var route)
                ? Build(amountToken, () => B12Dosing.Dosing.Dose.Create(amount, route, form))
                : throw Error(routeToken, "a form (cncbl, ohcbl, mecbl, adocbl) or a route (oral, sublingual, intranasal, im, sc, iv), or 'food'");
        }

        private static string MassError(string text)
        {
            try
            {
                _ = QuantityText.ParseMass(text, CultureInfo.InvariantCulture);
                return "a dose must be more than zero";
            }
            catch (FormatException e)
            {
                return e.Message.TrimEnd('.');
            }
        }

        private ImmutableArray<TimeSpan> EvenSplit(TimeSpan interval, Token countToken)
        {
            var parts = Integer(countToken, "a number of equal parts after 'split' (or 'split at' and times)", 1);
            return Build(countToken, () => Regimens.Phase.EvenTimes(interval, parts, "parts"));
        }

        private List<TimeSpan> List(Func<Token, TimeSpan> item)
        {
            var items = new List<TimeSpan> { item(Next()) };
            while (Accept(","))
            {
                items.Add(item(Next()));
            }

            return items;
        }

        private TimeSpan Duration(Token token) =>
            RegimenTime.TryParseDuration(token.Text, out var value, out var expected) ? value : throw Error(token, expected);

        private TimeSpan Point(Token token) =>
            RegimenTime.TryParsePoint(token.Text, out var value, out var expected) ? value : throw Error(token, expected);

        private double Number(Token token, string expected)
        {
            var percent = token.Text.EndsWith('%');
            return double.TryParse(percent ? token.Text[..^1] : token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? (percent ? value / 100 : value)
                : throw Error(token, expected);
        }

        private int Integer(Token token, string expected, int minimum) =>
            int.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum
                ? value
                : throw Error(token, expected);

        private T Build<T>(Token at, Func<T> build)
        {
            try
            {
                return build();
            }
            catch (ArgumentException e)
            {
                throw Error(at, null, e.Message.Split(" (Parameter")[0].TrimEnd('.'));
            }
        }

        private Token Next()
        {
            var token = Peek;
            _next++;
            return token;
        }

        private bool Accept(string keyword)
        {
            if (Peek.Is(keyword))
            {
                _next++;
                return true;
            }

            return false;
        }

        private void Expect(string keyword)
        {
            if (!Accept(keyword))
            {
                throw Error(Peek, $"'{keyword}'");
            }
        }

        private FormatException Error(Token at, string? expected, string? problem = null)
        {
            var where = at.Text.Length == 0 ? $"at the end (character {at.Position})" : $"at character {at.Position}, '{at.Text}'";
            var what = expected is null ? problem : $"expected {expected}";
            return new FormatException($"Regimen notation {where}: {what}. In: \"{_text}\". See docs/regimens.md for the notation.");
        }
    }
}

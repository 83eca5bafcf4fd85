namespace B12Dosing.Charts;

/// <summary>The range of an axis and its tick values, chosen to be "nice" (round numbers).</summary>
/// <param name="Min">The lowest value on the axis.</param>
/// <param name="Max">The highest value on the axis.</param>
/// <param name="Ticks">The labelled tick values, ascending, all within [Min, Max].</param>
internal sealed record AxisRange(double Min, double Max, IReadOnlyList<double> Ticks)
{
    /// <summary>Unlabelled minor grid values (2 to 9 times each decade on a log axis that shows every decade).</summary>
    public IReadOnlyList<double> Minor { get; init; } = [];

    /// <summary>The most labelled ticks a linear axis may have; a candidate step that would give more is skipped.</summary>
    private const int MaximumTicks = 50;

    /// <summary>
    /// A linear range that covers [<paramref name="min"/>, <paramref name="max"/>] with 4 to 8 ticks at 1, 2 or 5 times a
    /// power of ten, choosing the step that wastes the least space (then the one nearest six ticks). Always finishes and
    /// gives finite values (issue 12): a degenerate or almost flat range (equal to 9 digits, or within 1e-290 of zero) is
    /// padded first; spans near <see cref="double.MaxValue"/> are computed in halves; if no nice step fits in a double,
    /// the ticks are the ends (and zero between them).
    /// </summary>
    public static AxisRange Linear(double min, double max)
    {
        (min, max) = Padded(min, max);

        // Halves keep the span finite for data near ±double.MaxValue (scaling by 2 is exact).
        var halfSpan = (max / 2) - (min / 2);
        var candidates = Enumerable.Range(4, 5)
            .Select(n => NiceStep(halfSpan / (n - 1) * 2))
            .Select(step => (Step: step, First: Math.Floor(min / step), Last: Math.Ceiling(max / step)))
            .Where(c => double.IsFinite(c.Step) && c.Step > 0 && c.Last - c.First <= MaximumTicks
                && double.IsFinite(c.First * c.Step) && double.IsFinite(c.Last * c.Step))
            .OrderBy(c => ((c.Last / 2) - (c.First / 2)) * c.Step)
            .ThenBy(c => Math.Abs(c.Last - c.First - 5))
            .ToList();
        if (candidates.Count == 0)
        {
            return new AxisRange(min, max, min < 0 && max > 0 ? [min, 0, max] : [min, max]);
        }

        var best = candidates[0];
        var ticks = new List<double>();
        for (var k = 0; k <= (int)(best.Last - best.First); k++)
        {
            // Multiply rather than accumulate, so that rounding errors do not build up; count with an integer, so that
            // the loop ends whatever the size of First.
            ticks.Add((best.First + k) * best.Step);
        }

        return new AxisRange(best.First * best.Step, best.Last * best.Step, ticks);
    }

    /// <summary>
    /// The range to lay ticks on: [<paramref name="min"/>, <paramref name="max"/>] itself, or, when it is degenerate or
    /// almost flat (the ends equal to 9 digits: two values differing in the last bits, a single point), its centre ± a
    /// tenth of its magnitude (±1 around zero); values within 1e-290 of zero (subnormal ones too) are padded to ±1e-290,
    /// where steps and ticks are normal numbers. The padding stays within ±<see cref="double.MaxValue"/>.
    /// </summary>
    private static (double Min, double Max) Padded(double min, double max)
    {
        const double Tiny = 1e-290;
        var scale = Math.Max(Math.Abs(min), Math.Abs(max));
        if (scale == 0)
        {
            return (-1, 1);
        }

        if (scale >= Tiny && (max / 2) - (min / 2) > scale * 0.5e-9)
        {
            return (min, max);
        }

        var centre = (min / 2) + (max / 2);
        var pad = Math.Max(scale * 0.1, Tiny);
        return (Math.Max(-double.MaxValue, centre - pad), Math.Min(double.MaxValue, centre + pad));
    }

    /// <summary>The smallest and largest decades a log axis may show: 1e-323 (10^-324 is 0 in a double) and 1e308.</summary>
    private const int LowestDecade = -323, HighestDecade = 308;

    /// <summary>The most labelled ticks a log axis gets from the 1-2-5 pattern (8 from 1-2-3-5); more means ticks at decades only.</summary>
    public const int MaximumLogTicks = 11;

    /// <summary>Within these decades a log axis may label 1-2-3-5 or 1-2-5 values (all normal doubles, well clear of the limits).</summary>
    private const int LowestPatternDecade = -300, HighestPatternDecade = 300;

    /// <summary>The labelled values within a decade, finest first, and the most ticks each may give: 1-2-3-5 (up to 8 ticks, about
    /// two decades), then 1-2-5 (up to 11, three decades); fewer on the finer pattern keep its closest labels apart.</summary>
    private static readonly (int[] Values, int MaximumTicks)[] LogPatterns = [([1, 2, 3, 5], 8), ([1, 2, 5], MaximumLogTicks)];

    /// <summary>
    /// A base-10 log range covering [<paramref name="min"/>, <paramref name="max"/>] (both positive and finite). Ticks at 1,
    /// 2, 3 and 5 times each power of ten if that gives at most 8 ticks (about two decades), else at 1, 2 and 5 times if that
    /// gives at most <see cref="MaximumLogTicks"/> (three decades), the range running from the labelled value at or below <paramref name="min"/>
    /// to the one at or above <paramref name="max"/>, with unlabelled minor grid values at the other whole multiples;
    /// else a tick at each decade (every second or third decade if there are many, at most 11) from the decade at or below
    /// <paramref name="min"/> to the one at or above <paramref name="max"/>, with minor grid values 2 to 9 times each decade
    /// when every decade is labelled. A single value (or two equal to 9 digits) is padded to the labelled values on either
    /// side of it, as a linear axis pads a flat range. Decades stay within 1e-323 to 1e308, so that every tick is a finite
    /// positive double; data beyond them widen the axis to the smallest positive double or to <see cref="double.MaxValue"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not a positive finite number, or <paramref name="max"/> is below <paramref name="min"/>.</exception>
    public static AxisRange Log10(double min, double max)
    {
        if (!(min > 0) || !double.IsFinite(min))
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, "A log axis needs positive finite values.");
        }

        if (!(max >= min) || !double.IsFinite(max))
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, "A log axis needs positive finite values, the upper at least the lower.");
        }

        if (min >= Math.Pow(10, LowestPatternDecade) && max <= Math.Pow(10, HighestPatternDecade))
        {
            foreach (var (pattern, maximumTicks) in LogPatterns)
            {
                if (Patterned(min, max, pattern, maximumTicks) is { } range)
                {
                    return range;
                }
            }
        }

        return Decades(min, max);
    }

    /// <summary>The range on the values of <paramref name="pattern"/> times powers of ten, or null if it would have more than <paramref name="maximumTicks"/> ticks.</summary>
    private static AxisRange? Patterned(double min, double max, int[] pattern, int maximumTicks)
    {
        // Two values equal to 9 digits are one point: pad it to the pattern values either side, as Linear pads.
        var flat = (max / min) - 1 < 1e-9;
        var low = Notch(min, pattern, down: true, strict: flat);
        var high = Notch(max, pattern, down: false, strict: flat);
        var ticks = new List<double>();
        var minor = new List<double>();
        for (var e = (int)Math.Floor(Math.Log10(low)) - 1; e <= (int)Math.Floor(Math.Log10(high)) + 1; e++)
        {
            var power = Math.Pow(10, e);
            for (var m = 1; m <= 9; m++)
            {
                // Computed as Notch computes them, so the ends compare exactly.
                var v = m * power;
                if (v < low || v > high)
                {
                    continue;
                }

                if (Array.IndexOf(pattern, m) < 0)
                {
                    minor.Add(v);
                }
                else if (ticks.Count == maximumTicks)
                {
                    return null;
                }
                else
                {
                    ticks.Add(v);
                }
            }
        }

        return new AxisRange(Math.Min(low, min), Math.Max(high, max), ticks) { Minor = minor };
    }

    /// <summary>
    /// The value <c>m·10^e</c> (<c>m</c> in <paramref name="pattern"/>) nearest <paramref name="value"/> at or below it (at or
    /// above it when <paramref name="down"/> is false); strictly below or above with <paramref name="strict"/>. A value equal
    /// to it to 12 digits counts as on it (Math.Log10 and Math.Pow round in the last bits).
    /// </summary>
    private static double Notch(double value, int[] pattern, bool down, bool strict)
    {
        var decade = (int)Math.Floor(Math.Log10(value));
        var best = down ? 0 : double.PositiveInfinity;
        for (var e = decade - 1; e <= decade + 2; e++)
        {
            foreach (var m in pattern)
            {
                var v = m * Math.Pow(10, e);
                var same = Math.Abs(v - value) <= value * 1e-12;
                var beyond = down ? v < value : v > value;
                if ((strict ? beyond && !same : beyond || same) && (down ? v > best : v < best))
                {
                    best = v;
                }
            }
        }

        return best;
    }

    /// <summary>Ticks at decades (every second or third if there are many) from the decade at or below <paramref name="min"/> to the one at or above <paramref name="max"/>.</summary>
    private static AxisRange Decades(double min, double max)
    {
        var lo = Math.Clamp((int)Math.Floor(Math.Log10(min)), LowestDecade, HighestDecade - 1);
        var hi = Math.Clamp((int)Math.Ceiling(Math.Log10(max)), LowestDecade + 1, HighestDecade);
        if (hi <= lo)
        {
            hi = lo + 1;
        }

        var every = (hi - lo + 9) / 10;
        var ticks = new List<double>();
        for (var e = lo; e <= hi; e += every)
        {
            ticks.Add(Math.Pow(10, e));
        }

        var minor = every == 1
            ? Enumerable.Range(lo, hi - lo).SelectMany(e => Enumerable.Range(2, 8).Select(m => m * Math.Pow(10, e))).ToArray()
            : [];
        return new AxisRange(Math.Min(Math.Pow(10, lo), min), Math.Max(Math.Pow(10, hi), max), ticks) { Minor = minor };
    }

    /// <summary>The nice step (1, 2 or 5 times a power of ten) nearest above <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}

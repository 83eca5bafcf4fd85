namespace B12Dosing.Charts;

/// <summary>The range of an axis and its tick values, chosen to be "nice" (round numbers).</summary>
/// <param name="Min">The lowest value on the axis.</param>
/// <param name="Max">The highest value on the axis.</param>
/// <param name="Ticks">The labelled tick values, ascending, all within [Min, Max].</param>
internal sealed record AxisRange(double Min, double Max, IReadOnlyList<double> Ticks)
{
    /// <summary>Unlabelled minor grid values (2 to 9 times each decade on a log axis that shows every decade).</summary>
    public IReadOnlyList<double> Minor { get; init; } = [];

    /// <summary>A linear range that covers [<paramref name="min"/>, <paramref name="max"/>] with 4 to 8 ticks at
    /// 1, 2 or 5 times a power of ten, choosing the step that wastes the least space (then the one nearest six ticks).</summary>
    public static AxisRange Linear(double min, double max)
    {
        if (min == max)
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = (min - pad, max + pad);
        }

        var best = Enumerable.Range(4, 5)
            .Select(n => NiceStep((max - min) / (n - 1)))
            .Select(step => (Step: step, First: Math.Floor(min / step), Last: Math.Ceiling(max / step)))
            .OrderBy(c => (c.Last - c.First) * c.Step)
            .ThenBy(c => Math.Abs(c.Last - c.First - 5))
            .First();
        var ticks = new List<double>();
        for (var i = best.First; i <= best.Last; i++)
        {
            // Multiply rather than accumulate, so that rounding errors do not build up.
            ticks.Add(i * best.Step);
        }

        return new AxisRange(best.First * best.Step, best.Last * best.Step, ticks);
    }

    /// <summary>A base-10 log range from the decade at or below <paramref name="min"/> to the decade at or
    /// above <paramref name="max"/>, with a tick at each decade (every second or third decade if there are many).</summary>
    public static AxisRange Log10(double min, double max)
    {
        var lo = (int)Math.Floor(Math.Log10(min));
        var hi = (int)Math.Ceiling(Math.Log10(max));
        if (hi == lo)
        {
            hi++;
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
        return new AxisRange(Math.Pow(10, lo), Math.Pow(10, hi), ticks) { Minor = minor };
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

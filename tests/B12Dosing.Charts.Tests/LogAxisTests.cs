using System.Globalization;
using System.Xml.Linq;
using B12Dosing.Tests.Shared;

namespace B12Dosing.Charts.Tests;

/// <summary>
/// The base-10 log axis: 1-2-3-5 or 1-2-5 ticks over a few decades (serum after an injection spans two or three),
/// decades beyond; ticks ascending, inside the range, bounded in number; flat ranges padded, bad bounds refused.
/// </summary>
public class LogAxisTests
{
    [Theory]
    [InlineData(150, 20000, new[] { 100.0, 200, 500, 1000, 2000, 5000, 10000, 20000 })]
    [InlineData(120, 900, new[] { 100.0, 200, 300, 500, 1000 })]
    [InlineData(0.3, 90, new[] { 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100 })]
    [InlineData(30, 60, new[] { 30.0, 50, 100 })]
    public void A_few_decades_get_ticks_at_1_2_3_5_or_1_2_5(double min, double max, double[] expected)
    {
        var range = AxisRange.Log10(min, max);
        Assert.Equal(expected.Length, range.Ticks.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], range.Ticks[i], expected[i] * 1e-12);
        }

        Assert.Equal(expected[0], range.Min, expected[0] * 1e-12);
        Assert.Equal(expected[^1], range.Max, expected[^1] * 1e-12);
    }

    [Fact]
    public void The_other_whole_multiples_are_minor_grid_lines()
    {
        var range = AxisRange.Log10(150, 2000);
        Assert.Equal([100, 200, 300, 500, 1000, 2000], range.Ticks);
        Assert.Equal([400, 600, 700, 800, 900], range.Minor.Select(v => Math.Round(v, 6)));
    }

    [Fact]
    public void More_than_three_decades_fall_back_to_a_tick_at_each_decade()
    {
        var range = AxisRange.Log10(2, 40000);
        Assert.Equal([1, 10, 100, 1000, 10000, 100000], range.Ticks);
        Assert.Equal(8 * 5, range.Minor.Count);
    }

    [Theory]
    [InlineData(100, 100, new[] { 50.0, 100, 200 })]
    [InlineData(150, 150, new[] { 100.0, 200 })]
    [InlineData(7e-5, 7e-5, new[] { 5e-5, 1e-4 })]
    public void A_single_value_is_padded_to_the_ticks_either_side(double min, double max, double[] expected)
    {
        var range = AxisRange.Log10(min, Math.BitIncrement(max));
        Assert.Equal(expected.Length, range.Ticks.Count);
        Assert.True(range.Min < min && range.Max > max, $"{range.Min:R} … {range.Max:R}");
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], range.Ticks[i], expected[i] * 1e-12);
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-1, 1)]
    [InlineData(double.NaN, 1)]
    [InlineData(1, double.NaN)]
    [InlineData(1, double.PositiveInfinity)]
    [InlineData(10, 1)]
    public void Bounds_that_are_not_positive_finite_and_ordered_are_refused(double min, double max)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => AxisRange.Log10(min, max));
        Assert.Contains("positive finite", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_ranges_give_ascending_bounded_ticks_on_1_2_3_5_or_decades()
    {
        // 20 000 ranges from 1e-320 to 1e308, of every width from one point to hundreds of decades (seeded, so a failure replays).
        var random = new Random(1961);
        TimeBound.Run(TimeSpan.FromSeconds(20), () =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var a = Math.Pow(10, (random.NextDouble() * 628) - 320);
                var b = random.Next(4) switch
                {
                    0 => a,
                    1 => a * (1 + (random.NextDouble() * 1e-9)),
                    2 => a * Math.Pow(10, random.NextDouble() * 4),
                    _ => Math.Pow(10, (random.NextDouble() * 628) - 320),
                };
                b = double.IsFinite(b) ? b : double.MaxValue;
                var (low, high) = (Math.Min(a, b), Math.Max(a, b));
                var range = AxisRange.Log10(low, high);
                var what = $"[{low:R}, {high:R}]";
                Assert.True(range.Min > 0 && range.Min <= low && range.Max >= high && double.IsFinite(range.Max) && range.Min < range.Max, what);
                Assert.InRange(range.Ticks.Count, 2, 11);
                for (var k = 0; k < range.Ticks.Count; k++)
                {
                    var t = range.Ticks[k];
                    Assert.True(t >= range.Min && t <= range.Max && (k == 0 || t > range.Ticks[k - 1]), $"{what}: tick {k} = {t:R}");
                    Assert.True(range.Ticks.Count == 2 || IsPatternValue(t), $"{what}: tick {t:R} is not 1, 2, 3 or 5 times a power of ten");
                }
            }

            return 0;
        }, "20 000 random log ranges");
    }

    [Fact]
    public void A_log_chart_labels_its_serum_axis_1_2_5()
    {
        var chart = new SvgChart("serum", new ChartAxis("Time (days)"), new ChartAxis("Serum B12 (pg/mL)", AxisScale.Log10),
            [new ChartSeries("s", [new ChartPoint(0, 180), new ChartPoint(1, 21000), new ChartPoint(56, 460)])]);
        var root = XDocument.Parse(chart.ToSvg()).Root!;
        var yTicks = root.Descendants().Where(e => (string?)e.Attribute("class") == "tick" && (string?)e.Attribute("text-anchor") == "end")
            .Select(e => double.Parse(e.Value, CultureInfo.InvariantCulture));
        Assert.Equal([100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000], yTicks);
    }

    /// <summary>Whether <paramref name="t"/> is 1, 2, 3 or 5 times a power of ten (to 9 digits; subnormal powers are inexact).</summary>
    private static bool IsPatternValue(double t)
    {
        var mantissa = t / Math.Pow(10, Math.Floor(Math.Log10(t) + 1e-12));
        return new[] { 1.0, 2, 3, 5, 10 }.Any(m => Math.Abs(mantissa - m) < 1e-9 * m) || t < 1e-300;
    }
}

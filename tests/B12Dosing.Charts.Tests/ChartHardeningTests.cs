using System.Xml.Linq;
using B12Dosing.Charts;
using B12Dosing.Tests.Shared;

namespace B12Dosing.Charts.Tests;

/// <summary>
/// Charts of degenerate data (issue 12, class 1): tick generation always finishes (checked with a time bound that fails
/// instead of hanging) and writes only finite numbers; charts hand out read-only views (class 5).
/// </summary>
public class ChartHardeningTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    /// <summary>Data ranges that hung or wrote NaN: flat to the last bit, a single subnormal point, ±1e308 and beyond.</summary>
    public static TheoryData<double, double> Ranges => new()
    {
        { 5, 5 },
        { 0, 0 },
        { 1, Math.BitIncrement(1.0) },
        { 1e300, Math.BitIncrement(1e300) },
        { -1e-5, Math.BitIncrement(-1e-5) },
        { double.Epsilon, double.Epsilon },
        { double.Epsilon, 3 * double.Epsilon },
        { 0, double.Epsilon },
        { -1e308, 1e308 },
        { -double.MaxValue, double.MaxValue },
        { double.MaxValue, double.MaxValue },
        { Math.BitDecrement(double.MaxValue), double.MaxValue },
        { 1e-300, 1e308 },
        { 12345.678, 12345.678000001 },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Ticks_finish_and_every_number_in_the_svg_is_finite(double low, double high)
    {
        var svg = TimeBound.Run(Limit, () => Chart(new ChartAxis("y"), low, high).ToSvg(), $"A chart of [{low:R}, {high:R}]");
        AssertFinite(svg);
        var range = AxisRange.Linear(low, high);
        Assert.True(range.Min <= low && range.Max >= high && range.Min < range.Max, $"{range.Min:R} … {range.Max:R} for [{low:R}, {high:R}]");
        Assert.InRange(range.Ticks.Count, 2, 51);
        Assert.All(range.Ticks, t => Assert.True(double.IsFinite(t) && t >= range.Min && t <= range.Max));
    }

    [Theory]
    [InlineData(double.Epsilon, double.Epsilon)]
    [InlineData(double.Epsilon, double.MaxValue)]
    [InlineData(double.MaxValue, double.MaxValue)]
    [InlineData(1, 1)]
    [InlineData(100, 100)]
    [InlineData(1e-310, 2e-310)]
    public void Log_axes_finish_and_stay_finite_from_the_smallest_to_the_largest_double(double low, double high)
    {
        var svg = TimeBound.Run(Limit, () => Chart(new ChartAxis("y", AxisScale.Log10), low, high).ToSvg(), $"A log chart of [{low:R}, {high:R}]");
        AssertFinite(svg);
        var range = AxisRange.Log10(low, high);
        Assert.True(range.Min > 0 && range.Min <= low && range.Max >= high && double.IsFinite(range.Max));
        Assert.All(range.Ticks.Concat(range.Minor), t => Assert.True(double.IsFinite(t) && t > 0));
    }

    [Fact]
    public void Random_ranges_at_every_scale_finish_and_stay_finite()
    {
        // 20 000 ranges: both ends drawn from random bit patterns (every exponent, subnormals included) or near each other.
        var random = new Random(12);
        TimeBound.Run(Limit, () =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var a = RandomFinite(random);
                var b = random.Next(3) == 0 ? a + (a * Math.ScaleB(1, -random.Next(1, 60))) : RandomFinite(random);
                b = double.IsFinite(b) ? b : a;
                var range = AxisRange.Linear(Math.Min(a, b), Math.Max(a, b));
                Assert.True(double.IsFinite(range.Min) && double.IsFinite(range.Max) && range.Min < range.Max && range.Ticks.Count is >= 2 and <= 51, $"[{a:R}, {b:R}]");
                var log = AxisRange.Log10(Math.Abs(Math.Min(a, b)) + double.Epsilon, Math.Abs(Math.Max(a, b)) + double.Epsilon);
                Assert.True(log.Min > 0 && double.IsFinite(log.Max), $"log [{a:R}, {b:R}]");
            }

            return 0;
        }, "20 000 random axis ranges");
    }

    [Fact]
    public void Charts_hand_out_read_only_views()
    {
        var chart = Chart(new ChartAxis("y"), 1, 2).WithBand(new ThresholdBand("low", 0, 1));
        Assert.True(ReadOnlyViews.AssertAll(chart) >= 2);
        Assert.True(ReadOnlyViews.AssertAll(chart.Series[0]) >= 1);
        Assert.True(ReadOnlyViews.AssertAll(new SvgFigure([chart])) >= 1);
        Assert.True(ReadOnlyViews.AssertAll(new CsvTable<double>([CsvColumn.Number<double>("x", "µg", x => x)])) >= 1);
    }

    private static double RandomFinite(Random random)
    {
        while (true)
        {
            var x = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (double.IsFinite(x))
            {
                return x;
            }
        }
    }

    private static SvgChart Chart(ChartAxis y, double low, double high) =>
        new("degenerate", new ChartAxis("x"), y, [new ChartSeries("s", [new ChartPoint(0, low), new ChartPoint(1, high)])]);

    private static void AssertFinite(string svg)
    {
        Assert.DoesNotContain("NaN", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("∞", svg, StringComparison.Ordinal);
        _ = XDocument.Parse(svg);
    }
}

using B12Dosing.Population;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using B12Dosing.Tests.Shared;

namespace B12Dosing.Tests.Population;

public class LogHistogramsTests
{
    /// <summary>A value across the 38 decades the bins cover (1e-19 to 1e19), log-uniform, shrinking toward 1.</summary>
    private static readonly Arbitrary<double> Value = Arbitraries.LogUniform(1e-19, 1e19, 1);

    /// <summary>For any 1-400 values and any percentile (in tenths), the quantile is within 2^−8 of the exact nearest-rank value.</summary>
    [Property]
    public Property Quantile_is_within_the_bound_of_the_exact_order_statistic() => Prop.ForAll(
        Arbitraries.ArrayOf(Value, 1, 400),
        Arbitraries.Between(0, 1000, toward: 500),
        (values, tenths) =>
        {
            var percentile = tenths / 10.0;
            var h = new LogHistograms(1);
            foreach (var value in values)
            {
                h.Add(0, value);
            }

            var sorted = values.Order().ToArray();
            var exact = sorted[Math.Max(1, (int)Math.Ceiling(percentile * sorted.Length / 100)) - 1];
            return Math.Abs(h.Quantile(0, percentile, sorted.Length) - exact) <= LogHistograms.RelativeError * exact;
        });

    /// <summary>Splitting the values over several histograms in any way and merging them gives the same quantiles as one histogram.</summary>
    [Property]
    public Property Merging_parts_equals_the_whole() => Prop.ForAll(
        Arbitraries.ArrayOf(Arbitraries.Pair(Value, Arbitraries.Between(0, 4)), 1, 400),
        Arbitraries.Between(1, 5),
        (values, count) =>
        {
            var whole = new LogHistograms(2);
            var parts = Enumerable.Range(0, count).Select(_ => new LogHistograms(2)).ToArray();
            foreach (var (value, part) in values)
            {
                whole.Add(1, value);
                parts[part % count].Add(1, value);
            }

            foreach (var part in parts.Skip(1).Reverse())
            {
                parts[0].Merge(part);
            }

            return Enumerable.Range(0, 21).All(k => whole.Quantile(1, k * 5.0, values.Length) == parts[0].Quantile(1, k * 5.0, values.Length))
                && parts[0].Quantile(0, 50, 1) == 0;
        });

    [Fact]
    public void Zero_tiny_and_huge_values()
    {
        var h = new LogHistograms(1);
        h.Add(0, 0);
        h.Add(0, 1e-30);
        h.Add(0, 1e30);
        h.Add(0, 1);
        Assert.Equal(0, h.Quantile(0, 25, 4));
        Assert.Equal(0, h.Quantile(0, 50, 4));
        Assert.Equal(1, h.Quantile(0, 75, 4), 1.0 / 256);
        Assert.Equal(Math.ScaleB(1, 64), h.Quantile(0, 100, 4), Math.ScaleB(1, 64) / 256);
        Assert.Throws<InvalidOperationException>(() => h.Quantile(0, 100, 5));
    }

    /// <summary>
    /// Nearest rank of a whole percentile P of n values is ⌈P·n/100⌉, in integers. Every P for every n up to 300, on
    /// values 1.1^i (neighbours 10 % apart, far beyond the 2^−8 of a bin): reading P as the fraction 0.07 gave
    /// 0.07 × 100 = 7.000000000000001 and rank 8 instead of 7 (and 55 gave 56).
    /// </summary>
    [Fact]
    public void Whole_percentiles_take_the_exact_nearest_rank()
    {
        for (var n = 1; n <= 300; n++)
        {
            var h = new LogHistograms(1);
            for (var i = 1; i <= n; i++)
            {
                h.Add(0, Math.Pow(1.1, i));
            }

            for (var p = 0; p <= 100; p++)
            {
                var exact = Math.Pow(1.1, Math.Max(1, ((p * n) + 99) / 100));
                Assert.True(Math.Abs(h.Quantile(0, p, n) - exact) <= LogHistograms.RelativeError * exact, $"{p}th percentile of {n}");
            }
        }
    }
}

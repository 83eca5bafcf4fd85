using B12Dosing.Population;
using FsCheck;
using FsCheck.Fluent;

namespace B12Dosing.Tests.Population;

public class LogHistogramsTests
{
    private static readonly Gen<double[]> Values =
        from n in Gen.Choose(1, 400)
        from exponents in Gen.ArrayOf(Gen.Choose(-190_000, 190_000), n)
        select exponents.Select(e => Math.Pow(10, e / 10_000.0)).ToArray();

    /// <summary>For any values across the 38 decades the bins cover (1e-19 to 1e19) and any fraction, the quantile is within 2^−8 of the exact nearest-rank value.</summary>
    [Fact]
    public void Quantile_is_within_the_bound_of_the_exact_order_statistic() => Prop.ForAll(
        (from v in Values from p in Gen.Choose(0, 1000) select (v, p / 1000.0)).ToArbitrary(),
        x =>
        {
            var h = new LogHistograms(1);
            foreach (var value in x.v)
            {
                h.Add(0, value);
            }

            var sorted = x.v.Order().ToArray();
            var exact = sorted[Math.Max(1, (int)Math.Ceiling(x.Item2 * sorted.Length)) - 1];
            return Math.Abs(h.Quantile(0, x.Item2, sorted.Length) - exact) <= LogHistograms.RelativeError * exact;
        }).QuickCheckThrowOnFailure();

    /// <summary>Splitting the values over several histograms in any way and merging them gives the same quantiles as one histogram.</summary>
    [Fact]
    public void Merging_parts_equals_the_whole() => Prop.ForAll(
        (from v in Values from parts in Gen.Choose(1, 5) from assign in Gen.ArrayOf(Gen.Choose(0, 4), v.Length) select (v, parts, assign)).ToArbitrary(),
        x =>
        {
            var whole = new LogHistograms(2);
            var parts = Enumerable.Range(0, x.parts).Select(_ => new LogHistograms(2)).ToArray();
            for (var i = 0; i < x.v.Length; i++)
            {
                whole.Add(1, x.v[i]);
                parts[x.assign[i] % x.parts].Add(1, x.v[i]);
            }

            foreach (var part in parts.Skip(1).Reverse())
            {
                parts[0].Merge(part);
            }

            return Enumerable.Range(0, 21).All(k => whole.Quantile(1, k / 20.0, x.v.Length) == parts[0].Quantile(1, k / 20.0, x.v.Length))
                && parts[0].Quantile(0, 0.5, 1) == 0;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Zero_tiny_and_huge_values()
    {
        var h = new LogHistograms(1);
        h.Add(0, 0);
        h.Add(0, 1e-30);
        h.Add(0, 1e30);
        h.Add(0, 1);
        Assert.Equal(0, h.Quantile(0, 0.25, 4));
        Assert.Equal(0, h.Quantile(0, 0.5, 4));
        Assert.Equal(1, h.Quantile(0, 0.75, 4), 1.0 / 256);
        Assert.Equal(Math.ScaleB(1, 64), h.Quantile(0, 1, 4), Math.ScaleB(1, 64) / 256);
        Assert.Throws<InvalidOperationException>(() => h.Quantile(0, 1, 5));
    }
}

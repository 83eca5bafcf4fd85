using B12Dosing.Tests.Shared;

namespace B12Dosing.Charts.Tests;

/// <summary>Chart exception messages quote numbers in the invariant culture (see B12Dosing.Tests.InvariantMessageTests).</summary>
public sealed class InvariantMessageTests
{
    [Fact]
    public void Chart_series_with_a_non_finite_point_quotes_it_with_a_decimal_point() =>
        Assert.Contains("(1.5, NaN)", GermanCulture.MessageOf(() => _ = new ChartSeries("s", [new ChartPoint(1.5, double.NaN)])), StringComparison.Ordinal);

    [Fact]
    public void Empty_threshold_band_quotes_its_lower_bound_with_a_decimal_point() =>
        Assert.Contains("(2.5)", GermanCulture.MessageOf(() => _ = new ThresholdBand("b", 2.5, 1)), StringComparison.Ordinal);
}

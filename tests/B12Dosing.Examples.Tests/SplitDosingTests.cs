using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Quantities;

namespace B12Dosing.Examples.Tests;

/// <summary>docs/examples/split-dosing.cs: an oral daily amount in 1-4 doses, and the spacing of 3 × 2 µg.</summary>
public sealed class SplitDosingTests
{
    private static ExampleRun Run => ExampleRun.Of("split-dosing");

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(25)]
    [InlineData(100)]
    [InlineData(1000)]
    public void Prints_the_absorbed_amount_for_each_split(double total)
    {
        var printed = Run.Row($"{total} µg ");
        var absorbed = new[] { 1, 2, 3, 4 }.Select(n => Absorbed(total, n, 24.0 / n)).ToArray();
        Assert.Equal(5, printed.Length);
        for (var i = 0; i < 4; i++)
        {
            ExampleRun.AssertRounded(absorbed[i], printed[i], 2, $"{total} µg in {i + 1} doses");
        }

        ExampleRun.AssertRounded(absorbed[2] / absorbed[0], printed[4], 2, $"{total} µg, gain of 3 doses");
        Assert.True(printed[3] > printed[0], "splitting must absorb more");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(6)]
    public void Prints_the_absorbed_amount_by_spacing(double hours)
    {
        var printed = Run.Row($"{hours} h ");
        ExampleRun.AssertRounded(Absorbed(6, 3, hours), printed[0], 2, $"3 × 2 µg, {hours} h apart");
    }

    private static double Absorbed(double total, int n, double hoursApart) =>
        AbsorptionModel.EvaluateSeries(
            Enumerable.Range(0, n).Select(i => new DoseEvent(TimeSpan.FromHours(hoursApart * i), Dose.Oral(Mass.FromMicrograms(total / n)))),
            ParameterSet.Healthy).Absorbed.Micrograms;
}

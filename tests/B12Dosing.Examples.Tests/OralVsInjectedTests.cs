using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Quantities;

namespace B12Dosing.Examples.Tests;

/// <summary>docs/examples/oral-vs-injected.cs: 1000 µg by every route, healthy and without IF.</summary>
public sealed class OralVsInjectedTests
{
    private static readonly Mass Amount = Mass.FromMicrograms(1000);

    public static TheoryData<Dose> Doses() =>
    [
        Dose.Oral(Amount), Dose.Sublingual(Amount), Dose.Intranasal(Amount), Dose.Intramuscular(Amount),
        Dose.Intramuscular(Amount, CobalaminForm.Hydroxocobalamin), Dose.Subcutaneous(Amount), Dose.Intravenous(Amount),
    ];

    private static ExampleRun Run => ExampleRun.Of("oral-vs-injected");

    [Theory]
    [MemberData(nameof(Doses))]
    public void Prints_what_the_library_gives_for_each_route(Dose dose)
    {
        var printed = Run.Row(dose.ToString());
        var healthy = AbsorptionModel.Evaluate(dose, ParameterSet.Healthy);
        var noIf = AbsorptionModel.Evaluate(dose, ParameterSet.PerniciousAnemia);
        double[] expected = [healthy.Absorbed.Micrograms, healthy.Retained.Micrograms, noIf.Absorbed.Micrograms, noIf.Retained.Micrograms];
        Assert.Equal(expected.Length, printed.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            ExampleRun.AssertRounded(expected[i], printed[i], 1, $"{dose}, column {i + 1}");
        }
    }

    [Fact]
    public void Prints_how_many_times_more_an_injection_keeps()
    {
        var printed = Run.Row("An IM injection keeps ");
        var oral = AbsorptionModel.Evaluate(Dose.Oral(Amount), ParameterSet.Healthy).Retained.Micrograms;
        var im = AbsorptionModel.Evaluate(Dose.Intramuscular(Amount), ParameterSet.Healthy).Retained.Micrograms;
        var hydroxo = AbsorptionModel.Evaluate(Dose.Intramuscular(Amount, CobalaminForm.Hydroxocobalamin), ParameterSet.Healthy).Retained.Micrograms;
        ExampleRun.AssertRounded(im / oral, printed[0], 0, "IM / oral");
        ExampleRun.AssertRounded(hydroxo / oral, printed[1], 0, "IM hydroxocobalamin / oral");
    }
}

using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using B12Dosing.Regimens;
using B12Dosing.Targets;

namespace B12Dosing.Examples.Tests;

/// <summary>docs/examples/target-attainment.cs: the attainment curve against the interval and the solver's answer, recomputed from the library.</summary>
public sealed class TargetAttainmentTests
{
    private static readonly TargetSettings Settings = TargetSettings.ForCondition(Condition.PerniciousAnemia) with
    {
        InitialStores = Mass.FromMicrograms(300), From = TimeSpan.FromDays(180), Span = TimeSpan.FromDays(365), Share = 0.9, Patients = 100, Seed = 1,
    };

    private static readonly Dose Injection = Dose.Intramuscular(Mass.FromMilligrams(1));

    private static readonly TargetLine Nice = TargetLine.FromGuideline(SerumGuidelines.NiceTotal);

    private static ExampleRun Run => ExampleRun.Of("target-attainment");

    /// <summary>The share of the same people (the population's patients 0-99) whose lowest serum stays above the line, by the public simulator.</summary>
    private static double Share(int days)
    {
        var model = Settings.Population with { MedianInitialStores = Settings.InitialStores };
        var regimen = Regimen.Start(Injection).Every(TimeSpan.FromDays(days)).Indefinitely();
        return Enumerable.Range(0, Settings.Patients).Select(i => model.Patient(Settings.Seed, i)).AsParallel()
            .Count(p => Simulator.Run(regimen, new SimulationSettings(Settings.From + Settings.Span) { ParameterSet = p.ParameterSet, InitialStores = p.InitialStores, SamplesAfterDose = [TimeSpan.Zero] })
                .Series.Where(r => r.Time >= Settings.From).Min(r => r.SerumMolarity.PicomolesPerLiter) >= Nice.Level.PicomolesPerLiter) / (double)Settings.Patients;
    }

    [Fact]
    public void Prints_the_solver_answer_and_one_day_longer()
    {
        Assert.True(Run.ExitCode == 0, Run.Stderr);
        var answer = TargetSolver.LongestInterval(Injection, Nice, Settings);
        var printed = Run.Row("Longest interval keeping 90 % above the line: ");
        Assert.Equal(answer.Answer.Interval.TotalDays, printed[0]);
        ExampleRun.AssertRounded(100 * answer.Answer.Share, printed[1], 0, "share at the answer");
        var beyond = Run.Row("one day longer (");
        Assert.Equal(answer.Beyond[0].Interval.TotalDays, beyond[0]);
        ExampleRun.AssertRounded(100 * answer.Beyond[0].Share, beyond[1], 0, "share one day longer");
        Assert.True(answer.Answer.Share >= 0.9 && answer.Beyond[0].Share < 0.9, answer.Note);
    }

    /// <summary>The curve falls (never rises) with the interval, and its ends are the shares the simulator gives.</summary>
    [Fact]
    public void Prints_an_attainment_curve_that_falls_with_the_interval()
    {
        var curve = Run.Lines.Where(l => l.StartsWith("every ", StringComparison.Ordinal)).Select(ExampleRun.Numbers).ToArray();
        Assert.Equal(10, curve.Length);
        Assert.All(curve.Zip(curve.Skip(1)), pair => Assert.True(pair.Second[1] <= pair.First[1], $"share at {pair.Second[0]} days above that at {pair.First[0]}"));
        ExampleRun.AssertRounded(100 * Share((int)curve[0][0]), curve[0][1], 0, "share at the shortest interval");
        ExampleRun.AssertRounded(100 * Share((int)curve[^1][0]), curve[^1][1], 0, "share at the longest interval");
    }
}

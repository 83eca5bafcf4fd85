using System.Text.RegularExpressions;
using B12Dosing.Dosing;
using B12Dosing.Regimens;
using B12Dosing.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace B12Dosing.Tests.Properties;

/// <summary>
/// What a failing property reports (issue 11, item 3): deliberately false properties run through FsCheck's runner
/// (not as failing tests) must fail with a shrunk counterexample, the simplest value the arbitraries reach, and a
/// replay seed that reproduces the failure. CONTRIBUTING.md says how to replay one.
/// </summary>
public partial class ShrinkAndReplayTests(ITestOutputHelper output)
{
    /// <summary>False from 300 µg up: every dose below 300 µg.</summary>
    private static Property DosesAreBelow300Micrograms() =>
        Prop.ForAll(B12Arbitraries.AnyDose(), dose => dose.Amount.Micrograms < 300);

    private string FailureOf(Property property, Config config)
    {
        var e = Assert.ThrowsAny<Exception>(() => Check.One(config, property));
        output.WriteLine(e.Message);
        return e.Message;
    }

    /// <summary>FsCheck's first line: "Falsifiable, after 6 tests (2 shrinks) (7111500728654719746,4962642748540973941)." The pair is the seed to replay.</summary>
    [GeneratedRegex(@"Falsifiable, after \d+ tests? \(\d+ shrinks?\) \((?<seed>\d+),(?<gamma>\d+)\)")]
    private static partial Regex ReplayPattern();

    [Fact]
    public void A_failing_dose_property_shrinks_to_a_plain_oral_300_microgram_dose_and_prints_a_replay_seed()
    {
        var message = FailureOf(DosesAreBelow300Micrograms(), Config.QuickThrowOnFailure.WithMaxTest(1000));

        // Shrinking takes food to plain oral, every route to oral, every form to cyanocobalamin, and the amount down to
        // the roundest failing value: 300 µg exactly (the shrinker keeps at most three significant digits).
        Assert.Contains("Shrunk", message, StringComparison.Ordinal);
        Assert.Contains(Dose.Oral(Mass.FromMicrograms(300)).ToString(), message, StringComparison.Ordinal);
        Assert.Matches(ReplayPattern(), message);
    }

    [Fact]
    public void The_replay_seed_of_a_failure_reproduces_it()
    {
        var first = FailureOf(DosesAreBelow300Micrograms(), Config.QuickThrowOnFailure.WithMaxTest(1000));
        var match = ReplayPattern().Match(first);
        Assert.True(match.Success, first);
        var replay = new Replay(new Rnd(ulong.Parse(match.Groups["seed"].Value), ulong.Parse(match.Groups["gamma"].Value)), Microsoft.FSharp.Core.FSharpOption<int>.None);

        var again = FailureOf(DosesAreBelow300Micrograms(), Config.QuickThrowOnFailure.WithMaxTest(1000).WithReplay(replay));
        var second = FailureOf(DosesAreBelow300Micrograms(), Config.QuickThrowOnFailure.WithMaxTest(1000).WithReplay(replay));
        Assert.Equal(OriginalOf(again), OriginalOf(second));
        Assert.Equal(OriginalOf(first), OriginalOf(again));
    }

    /// <summary>The "Original:" counterexample of a failure message (the shrunk one is the same for many seeds).</summary>
    private static string OriginalOf(string message)
    {
        var start = message.IndexOf("Original:", StringComparison.Ordinal);
        var end = message.IndexOf("Shrunk", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, message);
        return message[start..end];
    }

    [Fact]
    public void A_failing_regimen_property_shrinks_to_a_single_daily_phase()
    {
        // False for any regimen with a dose of 2 µg or more in its first year: the simplest such regimen has one phase.
        var message = FailureOf(
            Prop.ForAll(B12Arbitraries.AnyRegimen(), r => r.Events(TimeSpan.FromDays(365)).All(e => e.Dose.Amount.Micrograms < 2)),
            Config.QuickThrowOnFailure.WithMaxTest(1000));
        var shrunk = message[message.IndexOf("Shrunk", StringComparison.Ordinal)..];
        Assert.DoesNotContain(" + ", shrunk, StringComparison.Ordinal);
        Assert.DoesNotContain("then", shrunk, StringComparison.Ordinal);
        Assert.DoesNotContain("adherence", shrunk, StringComparison.Ordinal);
        Assert.Matches(ReplayPattern(), message);
    }

    [Fact]
    public void Shrinkers_move_toward_their_target_through_round_values_and_keep_arrays_long_enough()
    {
        Assert.Equal([3, 7, 9], Shrink.Toward(10, 3).Take(3));
        Assert.Empty(Shrink.Toward(3, 3));
        Assert.All(Shrink.Array([5, 6, 7], 2, x => Shrink.Toward(x, 0)), a => Assert.True(a.Length >= 2));
        var candidates = Shrink.Toward(2345.678, 1, 0.1, 5000, logScale: true).ToArray();
        Assert.Equal(1, candidates[0]);
        Assert.All(candidates, c => Assert.True(c >= 0.1 && c < 2345.678 && Shrink.Significant(c, 3) == c, $"{c}")); // closer to 1, at most 3 digits
    }
}

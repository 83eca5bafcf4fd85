using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using B12Dosing.Tests.Properties;
using B12Dosing.Tests.Shared;
using static B12Dosing.Tests.Kinetics.KineticsTestData;

namespace B12Dosing.Tests.Kinetics;

/// <summary>Samples at explicit times and after each dose (issue 13): the output grid, not the pools.</summary>
public class SamplingTests
{
    private static readonly SimulationSettings Year = new(TimeSpan.FromDays(60)) { ParameterSet = ParameterSet.PerniciousAnemia, InitialStores = Mass.FromMicrograms(300) };

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    /// <summary>Explicit times equal to the old fixed-step grid give the old rows bit for bit.</summary>
    [Property]
    public Property Explicit_times_on_the_grid_give_the_fixed_step_rows_bit_for_bit(DoseEvent[] events) => Prop.ForAll(
        Arbitraries.OneOf(24, 6, 7),
        hours =>
        {
            var grid = Year with { Step = TimeSpan.FromHours(hours) };
            var old = Simulator.Run(events, grid).Series;
            var times = old.Select(r => TimeSpan.FromTicks((long)Math.Round(r.Day * TimeSpan.TicksPerDay))).ToArray();
            var rows = Simulator.Run(events, Year with { SampleTimes = times }).Series;
            return rows.SequenceEqual(old);
        });

    /// <summary>
    /// Independent check: a sample at any time T equals the end of a run whose horizon is T (the summary, computed by
    /// another path: no sample, the run advanced to its horizon), and a subset of the grid equals those grid rows.
    /// </summary>
    [Property]
    public Property A_sample_at_any_time_equals_a_run_that_ends_then(DoseEvent[] events) => Prop.ForAll(
        Arbitraries.ArrayOf(Arbitraries.Between(1, 60 * 24 * 60), 3, 3),
        minutes =>
        {
            var times = minutes.Distinct().Select(m => TimeSpan.FromMinutes(m)).ToArray();
            var rows = Simulator.Run(events, Year with { SampleTimes = times }).Series;
            return times.Order().Select((t, i) =>
            {
                var end = Simulator.Run(events, Year with { Horizon = t }).Summary;
                return rows[i].Day == t.TotalDays && Close(rows[i].StoresMicrograms, end.FinalStoresMicrograms)
                    && Close(rows[i].PlasmaMicrograms, end.FinalPlasmaMicrograms) && Close(rows[i].SerumPicogramsPerMilliliter, end.FinalSerumPicogramsPerMilliliter);
            }).All(ok => ok);
        });

    /// <summary>The summary is at the horizon whatever the samples: times that end early still simulate the doses after them.</summary>
    [Fact]
    public void The_summary_is_at_the_horizon_when_the_samples_end_early()
    {
        var events = KuzminskiIm();
        var grid = Simulator.Run(events, Year).Summary;
        var early = Simulator.Run(events, Year with { SampleTimes = [TimeSpan.Zero, TimeSpan.FromDays(2)] });
        Assert.Equal(2, early.Series.Count);
        Assert.Equal(grid.TotalDoseMicrograms, early.Summary.TotalDoseMicrograms);
        Assert.True(Close(grid.FinalStoresMicrograms, early.Summary.FinalStoresMicrograms));
        Assert.True(Math.Abs(early.Summary.MassBalanceErrorMicrograms) < 1e-9);
    }

    /// <summary>
    /// q84h (twice a week) sampled daily shows the day-to-day swings of a grid that meets the doses at different times
    /// after them; the time since the last dose says which.
    /// </summary>
    [Fact]
    public void Every_row_has_its_dose_number_and_time_since_the_last_dose()
    {
        var result = Simulator.Run(Regimen.Parse("1 mg im q84h"), new SimulationSettings(TimeSpan.FromDays(7)));
        var rows = result.Series;
        Assert.Equal(0, rows[0].DoseNumber);
        Assert.Null(rows[0].TimeSinceLastDose);
        Assert.Equal([0, 1, 1, 1, 2, 2, 2, 2], rows.Select(r => r.DoseNumber));
        Assert.Equal([null, 24, 48, 72, 12, 36, 60, 84], rows.Select(r => r.TimeSinceLastDose?.TotalHours));
    }

    /// <summary>An after-dose sample at 0 is taken just after the dose; the trough just before it is sampled too.</summary>
    [Fact]
    public void Samples_after_each_dose_come_with_the_trough_before_it()
    {
        var settings = new SimulationSettings(TimeSpan.FromDays(15)) { Step = TimeSpan.FromDays(100), SamplesAfterDose = [TimeSpan.Zero, TimeSpan.FromHours(2)] };
        var result = Simulator.Run(Regimen.Parse("1 mg im weekly"), settings);
        var rows = result.Series;
        // Grid 0 and 15; doses at 0, 7, 14: trough, just after, 2 h after each.
        Assert.Equal([0, 0, 2.0 / 24, 7, 7, 7 + (2.0 / 24), 14, 14, 14 + (2.0 / 24), 15], rows.Select(r => r.Day));
        Assert.Equal([0, 1, 1, 1, 2, 2, 2, 3, 3, 3], rows.Select(r => r.DoseNumber));
        Assert.Equal([null, 0, 2, 168, 0, 2, 168, 0, 2, 24], rows.Select(r => r.TimeSinceLastDose?.TotalHours));
        // Just after the dose the body holds what the dose left in it (mass balance, whatever the pools): all of the
        // absorbed amount, since the part bound for the urine leaves over hours.
        var retained = new SimulationPlan(Regimen.Parse("1 mg im weekly").Events(settings.Horizon).AsSpan(), settings.Horizon, settings.Step)
            .IntakeOutcomes(settings.ParameterSet)[1].Outcome.AbsorbedMicrograms;
        Assert.True(Close(rows[4].BodyMicrograms - rows[3].BodyMicrograms, retained));
        // An after-dose sample equals the same time on a fine grid (another path to that instant).
        var fine = Simulator.Run(Regimen.Parse("1 mg im weekly"), settings with { SamplesAfterDose = [], Step = TimeSpan.FromHours(1) }).Series;
        Assert.True(Close(rows[5].StoresMicrograms, fine[(7 * 24) + 2].StoresMicrograms));
        Assert.True(Close(rows[5].PlasmaMicrograms, fine[(7 * 24) + 2].PlasmaMicrograms));
    }

    [Fact]
    public void After_dose_samples_beyond_the_horizon_are_not_taken_and_duplicates_merge()
    {
        var settings = new SimulationSettings(TimeSpan.FromDays(1)) { SamplesAfterDose = [TimeSpan.FromHours(12), TimeSpan.FromDays(2)] };
        var rows = Simulator.Run([At(0, Im(1000))], settings).Series;
        Assert.Equal([0, 0.5, 1], rows.Select(r => r.Day));
    }

    [Fact]
    public void Bad_sample_times_are_refused_naming_the_setting()
    {
        var settings = new SimulationSettings(TimeSpan.FromDays(10));
        Assert.Throws<ArgumentOutOfRangeException>("SampleTimes", () => settings with { SampleTimes = [TimeSpan.FromDays(-1)] });
        Assert.Throws<ArgumentOutOfRangeException>("SampleTimes", () => settings with { SampleTimes = [TimeSpan.FromDays(1), TimeSpan.FromDays(1)] });
        Assert.Throws<ArgumentOutOfRangeException>("SamplesAfterDose", () => settings with { SamplesAfterDose = [TimeSpan.FromHours(-2)] });
        var beyond = Assert.Throws<ArgumentOutOfRangeException>("SampleTimes", () => Simulator.Run([], settings with { SampleTimes = [TimeSpan.FromDays(11)] }));
        Assert.Contains("11 days is beyond the horizon (10 days)", beyond.Message, StringComparison.Ordinal);
        var many = Enumerable.Range(0, 300_000).Select(i => At(i / 10.0, Oral(1))).ToArray();
        var big = new SimulationSettings(TimeSpan.FromDays(30000)) { SamplesAfterDose = [.. Enumerable.Range(1, 7).Select(h => TimeSpan.FromHours(h))] };
        Assert.Throws<ArgumentOutOfRangeException>("SamplesAfterDose", () => Simulator.Run(many, big));
    }

    [Fact]
    public void Settings_with_the_same_times_are_equal()
    {
        var a = new SimulationSettings(TimeSpan.FromDays(10)) { SampleTimes = [TimeSpan.FromDays(2), TimeSpan.FromDays(1)] };
        var b = new SimulationSettings(TimeSpan.FromDays(10)) { SampleTimes = [TimeSpan.FromDays(1), TimeSpan.FromDays(2)] };
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal([TimeSpan.FromDays(1), TimeSpan.FromDays(2)], a.SampleTimes);
        Assert.NotEqual(a, b with { SampleTimes = [TimeSpan.FromDays(1)] });
        Assert.Equal(new SimulationSettings(TimeSpan.FromDays(10)), new SimulationSettings(TimeSpan.FromDays(10)));
    }

    /// <summary>Per-interval metrics against a brute-force reading of a fine grid: weekly IM, sampled hourly and after each dose.</summary>
    [Fact]
    public void Dosing_interval_metrics_match_a_brute_force_reading()
    {
        var settings = new SimulationSettings(TimeSpan.FromDays(21)) { Step = TimeSpan.FromHours(1), SamplesAfterDose = [TimeSpan.Zero] };
        var result = Simulator.Run(Regimen.Parse("1 mg im weekly"), settings);
        const double Threshold = 500;
        var intervals = result.DosingIntervals(r => r.SerumPicogramsPerMilliliter, Threshold);
        Assert.Equal(3, intervals.Count);
        Assert.Equal([true, true, false], intervals.Select(i => i.IsComplete));
        foreach (var interval in intervals)
        {
            var rows = result.Series.Where(r => r.DoseNumber == interval.DoseNumber).ToArray();
            var serum = rows.Select(r => r.SerumPicogramsPerMilliliter).ToArray();
            Assert.Equal(7 * (interval.DoseNumber - 1), interval.StartDay, 12);
            Assert.Equal(rows.Length, interval.Samples);
            Assert.Equal(serum.Max(), interval.Peak);
            Assert.Equal(interval.StartDay, interval.PeakDay, 12);   // an injection peaks at once
            Assert.Equal(serum.Min(), interval.Trough);
            // Brute force: the average and the time above, on a 1000-fold finer linear interpolation of the samples.
            double area = 0, above = 0;
            for (var i = 1; i < rows.Length; i++)
            {
                for (var k = 0; k < 1000; k++)
                {
                    var width = (rows[i].Day - rows[i - 1].Day) / 1000;
                    var v = serum[i - 1] + ((serum[i] - serum[i - 1]) * (k + 0.5) / 1000);
                    area += v * width;
                    above += v > Threshold ? width : 0;
                }
            }

            var span = rows[^1].Day - rows[0].Day;
            Assert.Equal(area / span, interval.Average, 6);
            Assert.Equal(above, interval.DaysAbove, 3);   // within a thousandth of an hour's sample
        }

        Assert.Equal(7, intervals[0].EndDay, 12);
        Assert.Equal(21, intervals[2].EndDay, 12);
        Assert.Throws<ArgumentOutOfRangeException>("threshold", () => result.DosingIntervals(r => r.Day, double.NaN));
        Assert.Throws<ArgumentException>("value", () => result.DosingIntervals(r => double.NaN, 0));
    }
}

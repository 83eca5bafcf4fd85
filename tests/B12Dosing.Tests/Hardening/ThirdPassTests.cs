using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.EventTables;
using B12Dosing.Kinetics;
using B12Dosing.Population;
using B12Dosing.Quantities;
using B12Dosing.Regimens;
using B12Dosing.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit.Abstractions;

namespace B12Dosing.Tests.Hardening;

/// <summary>
/// Issue 21, the third hardening pass (event tables, sampled results, the output): one test per class of the issue's
/// library side, each failing on the code before the fix. <c>docs/reliability.md</c> lists them (<see cref="HardeningClasses.ThirdPass"/>).
/// </summary>
public class ThirdPassTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // ---- Class 1: bad input is refused where it enters, with the documented exception only ----

    /// <summary>Event table lines with TIME, II and ADDL from ordinary to the edges of the types (200 years, int.MaxValue).</summary>
    private static readonly Gen<string> DoseLines =
        from time in Gen.Elements("0", "1", "36", "1000000", "1752000", "1751999")
        from interval in Gen.Elements("0", "1", "24", "8760", "1752000", "0.5")
        from additional in Gen.Elements("0", "1", "10", "9999999", "10000000", "2147483647", "1000")
        from evid in Gen.Frequency((4, Gen.Constant("1")), (1, Gen.Constant("0")))
        select evid == "1" ? $"1,{time},1000,1,im,{interval},{additional}" : $"1,{time},0,0,.,0,0";

    [Property(MaxTest = 1000)]
    public Property An_event_table_refuses_what_would_overflow_and_then_throws_only_documented_exceptions() =>
        Prop.ForAll(Arb.From(Gen.ListOf(DoseLines).Select(lines => "ID,TIME,AMT,EVID,ROUTE,II,ADDL\n" + string.Join('\n', lines.OrderBy(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture))))), text =>
        {
            EventTable table;
            try
            {
                table = EventTable.Parse(text);
            }
            catch (FormatException e)
            {
                Assert.Matches("^Line [0-9]+", e.Message);
                return;
            }

            // A table that was read expands without OverflowException (issue 21: LastTime, Events and ToRegimen threw it).
            foreach (var id in table.Ids)
            {
                var events = table.Events(id);
                _ = table.SampleTimes(id);
                var last = table.LastTime(id);
                Assert.True(events.IsEmpty || events[^1].Time <= last);
                Assert.True(last <= Regimen.MaximumHorizon);
                Assert.Equal(events.Length, table.ToRegimen(id).Events(Regimen.MaximumHorizon).Length);
            }
        });

    [Fact]
    public void An_addl_beyond_two_hundred_years_or_the_event_limit_is_refused_at_its_line_and_column()
    {
        var far = Assert.Throws<FormatException>(() => EventTable.Parse("ID,TIME,AMT,EVID,ROUTE,II,ADDL\n1,0,1000,1,im,1752000,2147483647\n"));
        Assert.StartsWith("Line 2, column ADDL is 2147483647", far.Message, StringComparison.Ordinal);
        var many = Assert.Throws<FormatException>(() => EventTable.Parse("ID,TIME,AMT,EVID,ROUTE,II,ADDL\n1,0,1000,1,im,0.0025,5000000\n1,0,1000,1,oral,0.0025,5000000\n"));
        Assert.StartsWith("Line 3, column ADDL is 5000000", many.Message, StringComparison.Ordinal);
    }

    // ---- Class 2: a dosing interval's metrics come from samples inside it, or the call says what is missing ----

    [Fact]
    public void Dosing_intervals_come_from_samples_inside_each_interval_or_the_call_names_the_doses_without_one()
    {
        var regimen = Regimen.Parse("1 mg im q12h");
        var daily = Simulator.Run(regimen, new SimulationSettings(TimeSpan.FromDays(10)));
        var refused = Assert.Throws<InvalidOperationException>(() => daily.DosingIntervals(r => r.Serum.PicogramsPerMilliliter, 300));
        Assert.Contains("dose 1, 3, 5, 7, 9, …", refused.Message, StringComparison.Ordinal);

        var sampled = Simulator.Run(regimen, new SimulationSettings(TimeSpan.FromDays(10)) { SamplesAfterDose = [TimeSpan.Zero, TimeSpan.FromHours(6)] });
        var intervals = sampled.DosingIntervals(r => r.Serum.PicogramsPerMilliliter, 300);
        Assert.Equal(Enumerable.Range(1, 20), intervals.Select(i => i.DoseNumber));
        foreach (var interval in intervals)
        {
            Assert.Equal((interval.DoseNumber - 1) * 0.5, interval.Start.TotalDays, 12);
            Assert.Equal(interval.DoseNumber * 0.5, interval.End.TotalDays, 12);
            Assert.InRange(interval.PeakTime.TotalDays, interval.Start.TotalDays, interval.End.TotalDays);
            Assert.InRange(interval.TroughTime.TotalDays, interval.Start.TotalDays, interval.End.TotalDays);
        }
    }

    // ---- Class 3: costs linear in the input ----

    /// <summary>
    /// The fastest of five batches of <paramref name="work"/>, in nanoseconds of the thread's CPU time a run
    /// (<see cref="ThreadCpuTime"/>: waiting for a core on a loaded machine is not counted): each batch repeats the work
    /// on its own thread until it has used at least 2 ms (so a run shorter than the clock's resolution still measures)
    /// and is bounded in time, so that a regression fails instead of hanging.
    /// </summary>
    private static double Fastest(Action work, string what)
    {
        var best = double.PositiveInfinity;
        for (var batch = 0; batch < 5; batch++)
        {
            var perRun = TimeBound.Run(Limit, () =>
            {
                var start = ThreadCpuTime.Nanoseconds();
                var runs = 0;
                long used;
                do
                {
                    work();
                    runs++;
                    used = ThreadCpuTime.Nanoseconds() - start;
                }
                while (used < 2_000_000);
                return (double)used / runs;
            }, what);
            best = Math.Min(best, perRun);
        }

        Assert.True(best > 0, $"{what}: no time measured");
        return best;
    }

    private static EventTable Subjects(int count)
    {
        var text = new StringBuilder("ID,TIME,AMT,EVID,ROUTE,II,ADDL\n");
        for (var id = 1; id <= count; id++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{id},0,0,0,.,.,.\n{id},0,1000,1,im,24,6\n");
        }

        return EventTable.Parse(text.ToString());
    }

    [Fact]
    public void Iterating_the_subjects_of_an_event_table_costs_each_subject_its_own_records()
    {
        // Each subject's records were found by scanning the whole table: subjects × records (12 000 subjects, 16 s).
        // Per subject, 10 000 subjects must cost about what 1 000 do (the scan: 10 times as much).
        var small = Subjects(1_000);
        var large = Subjects(10_000);
        void Iterate(EventTable table)
        {
            foreach (var id in table.Ids)
            {
                _ = table.Events(id);
                _ = table.SampleTimes(id);
                _ = table.LastTime(id);
                _ = table.ToRegimen(id);
            }
        }

        _ = Fastest(() => Iterate(small), "warm-up"); // the first batches run the JIT's first tier, the later ones its optimised code
        var perSmall = Fastest(() => Iterate(small), "1 000 subjects") / 1e3 / 1_000;
        var perLarge = Fastest(() => Iterate(large), "10 000 subjects") / 1e3 / 10_000;
        var ratio = perLarge / perSmall;
        output.WriteLine(Invariant($"per subject: 1 000 subjects {perSmall:0.0} µs, 10 000 subjects {perLarge:0.0} µs; ratio {ratio:0.00} (quadratic: 10)"));
        Assert.InRange(ratio, 0, 5); // linear: about 1; the old quadratic cost: about 10 (ten times the width and the lines)
    }

    /// <summary>A table with a header of <paramref name="width"/> columns and as many lines of one cell each.</summary>
    private static string WideHeaderShortLines(int width) =>
        "TIME," + string.Join(',', Enumerable.Range(1, width - 1).Select(i => Invariant($"C{i}"))) + "\n" + string.Concat(Enumerable.Repeat("0\n", width));

    /// <summary>A table with a header of <paramref name="width"/> columns and <paramref name="rows"/> full lines.</summary>
    private static string WideTable(int width, int rows) =>
        "TIME," + string.Join(',', Enumerable.Range(1, width - 1).Select(i => Invariant($"C{i}"))) + "\n"
        + string.Concat(Enumerable.Repeat("0" + new string(',', width - 1) + "\n", rows));

    private static void ReadOrRefuse(string text)
    {
        try
        {
            _ = EventTable.Parse(text);
        }
        catch (FormatException)
        {
            // A refusal is a cost too: what matters is how it grows.
        }
    }

    [Fact]
    public void Reading_an_event_table_costs_its_length_not_header_width_times_lines()
    {
        // Each line cost the header's width (a crafted 2.2 MB file: 45 s). Per character read, a table ten times as wide
        // and long must cost about what the smaller one does, for short lines (now refused at the first) and full ones.
        // Counted in bytes allocated on this thread (what the reader builds: cells, records), which a loaded machine
        // cannot disturb, as it did the timed ratio (6.9 and 7.3 under load against 1 when quiet).
        foreach (var (name, small, large) in new[]
        {
            ("short lines under a wide header", WideHeaderShortLines(2_000), WideHeaderShortLines(20_000)),
            ("full lines", WideTable(100, 2_000), WideTable(1_000, 2_000)),
        })
        {
            ReadOrRefuse(small); // first use (static data, the JIT) is not the reader's cost per character
            var perSmall = TimeBound.Allocated(Limit, () => ReadOrRefuse(small), name) / (double)small.Length;
            var perLarge = TimeBound.Allocated(Limit, () => ReadOrRefuse(large), name) / (double)large.Length;
            var ratio = perLarge / perSmall;
            output.WriteLine(Invariant($"{name}: per character {perSmall:0.00} B ({small.Length} characters), {perLarge:0.00} B ({large.Length}); ratio {ratio:0.00}"));
            Assert.InRange(ratio, 0, 2); // linear: about 1; a reader whose every line builds what the header's width needs: about 10
        }
    }

    [Fact]
    public void Writing_an_event_table_of_a_regimen_keeps_the_records_not_copies_of_the_events()
    {
        // FromEvents grouped, indexed and copied every event (a one-line export of 10 million events peaked at 3 GB).
        // Events in time order are read once: per event, 1 000 000 events allocate no more than 100 000 do, and little.
        var perEvent = new List<double>();
        foreach (var count in new[] { 100_000, 1_000_000 })
        {
            var events = Regimen.Parse("1 µg im q1min").Events(TimeSpan.FromMinutes(count - 1));
            Assert.Equal(count, events.Length);
            EventTable? table = null;
            var bytes = TimeBound.Allocated(Limit, () => table = EventTable.FromEvents(events), "FromEvents");
            Assert.Equal(1, table!.RecordCount);
            perEvent.Add(bytes / (double)count);
        }

        output.WriteLine(Invariant($"allocated per event: {perEvent[0]:0.000} B (100 000 events), {perEvent[1]:0.000} B (1 000 000)"));
        Assert.True(perEvent[1] <= perEvent[0] && perEvent[1] < 1, Invariant($"{perEvent[1]} B per event"));
    }

    [Fact]
    public void A_regimen_s_table_is_written_from_its_events_one_at_a_time()
    {
        // `b12 regimens --export "1 µg im q1s" --events --days 115` held all ten million events (Regimen.Events), 511 MB
        // against 91 MB for a tenth of them. FromRegimen reads them one at a time: the bytes allocated do not grow with the
        // number of events: under 1 B per event at both sizes (about 0.002 B at a million; holding the events took over
        // 32 B each), not a ratio of two small counts, which a tier-up of the JIT on this thread can upset.
        var bytes = new List<long>();
        foreach (var count in new[] { 100_000, 1_000_000 })
        {
            EventTable? table = null;
            var regimen = Regimen.Parse("1 µg im q1min + 2 µg im q1min");
            bytes.Add(TimeBound.Allocated(Limit, () => table = EventTable.FromRegimen(regimen, TimeSpan.FromMinutes(count - 1)), "FromRegimen"));
            Assert.Equal(2, table!.RecordCount);
            Assert.Equal(2 * count, table.Events(1).Length);
        }

        output.WriteLine(Invariant($"allocated: {bytes[0]} B (2 x 100 000 events), {bytes[1]} B (2 x 1 000 000)"));
        Assert.True(bytes[0] < 200_000 && bytes[1] < 2_000_000, Invariant($"{bytes[0]} B for 200 000 events, {bytes[1]} B for 2 000 000"));
    }

    [Fact]
    public void Rows_handed_out_as_they_are_made_are_the_result_s_rows_and_write_the_same_csv()
    {
        // The tool's --csv and --json write the rows as the simulation makes them, keeping none (memory flat in the
        // output's length): they must be the result's rows, bit for bit, with the same summary and the same CSV text.
        var events = Regimen.Parse("1 mg ohcbl im q3d x5 then 1 mg im monthly + 500 µg oral daily").Events(TimeSpan.FromDays(200));
        var settings = new SimulationSettings(TimeSpan.FromDays(200)) { Step = TimeSpan.FromHours(7), SamplesAfterDose = [TimeSpan.Zero, TimeSpan.FromHours(2)] };
        var result = Simulator.Run(events, settings);
        var handed = new List<SimulationRow>();
        using var csv = new StringWriter(CultureInfo.InvariantCulture);
        SimulationResult.WriteCsvHeader(csv);
        var summary = Simulator.Run(events.AsSpan(), settings, row =>
        {
            handed.Add(row);
            SimulationResult.WriteCsvRow(csv, row);
        });
        Assert.Equal(result.Summary, summary);
        Assert.Equal(result.Series, handed);
        Assert.Equal(result.ToCsv(), csv.ToString());
        Assert.Equal(result.Records().Select(r => string.Join(',', r)), handed.Select(r => string.Join(',', SimulationResult.Record(r))));
    }

    // ---- Class 4: no silent repair ----

    [Fact]
    public void Nothing_is_rounded_cut_or_hidden_without_a_word()
    {
        // A duration of more significant digits than decimal holds was rounded: q0.99999999999999999999999999999s became q1s.
        var rounded = Assert.Throws<FormatException>(() => Regimen.Parse("1 mg im q0.99999999999999999999999999999s"));
        Assert.Contains("28 significant digits", rounded.Message, StringComparison.Ordinal);
        Assert.Equal("1 mg im q1s", Regimen.Parse("1 mg im q1.000000000000000000000000000000s").ToString());

        // A dose line cut after TIME became a sample.
        var cut = Assert.Throws<FormatException>(() => EventTable.Parse("ID,TIME,AMT,EVID,ROUTE\n1,0,1000,1,im\n1,24\n"));
        Assert.StartsWith("Line 3: the record has 2 cells but the header has 5", cut.Message, StringComparison.Ordinal);

        // A byte-order mark hid the ID column: every record was subject 1.
        var marked = EventTable.Parse("\uFEFFID,TIME,AMT,EVID,ROUTE\n1,0,1000,1,im\n2,0,500,1,im\n");
        Assert.Equal([1, 2], marked.Ids);

        // Subject -1 collided with the sentinel of "no dose yet": its first sample at 0 h was refused as after a dose.
        var minusOne = EventTable.Parse("ID,TIME,AMT,EVID,ROUTE\n-1,0,0,0,.\n-1,0,1000,1,im\n");
        Assert.Equal([TimeSpan.Zero], minusOne.SampleTimes(-1).ToArray());
    }

    // ---- Class 5: what the library writes, it reads ----

    private static readonly Gen<double> Adherence = Gen.Frequency(
        (1, Gen.Elements(0.0, 1e-5, 9.99e-5, 1e-4, 5e-324, double.Epsilon * 3, 1e-300, 0.999999999999)),
        (3, Gen.Choose(-320, -1).Select(k => Math.Pow(10, k))),
        (3, Gen.Choose(0, int.MaxValue - 1).Select(k => k / (double)int.MaxValue)));

    private static readonly Gen<TimeSpan> AnyTime = Gen.Frequency(
        (1, Gen.Elements(TimeSpan.Zero, Regimen.MaximumHorizon, Regimen.MaximumHorizon - TimeSpan.FromSeconds(1), Regimen.MaximumHorizon - TimeSpan.FromDays(1))),
        (3, Gen.Choose(0, 73_000).Select(d => TimeSpan.FromDays(d))),
        (3, Gen.Choose(0, int.MaxValue).Select(s => TimeSpan.FromSeconds(s * 2.9368))),
        (1, Gen.Choose(0, 50 * 365).Select(d => Regimen.MaximumHorizon + TimeSpan.FromDays(d + 1))));

    [Property(MaxTest = 500)]
    public Property The_notation_a_regimen_prints_parses_back_to_it() =>
        Prop.ForAll(Arb.From(Gen.Zip(Adherence, AnyTime.Where(t => t <= Regimen.MaximumHorizon).Select(t => TimeSpan.FromSeconds(Math.Floor(t.TotalSeconds))))), pair =>
        {
            var (adherence, time) = pair;
            var regimen = Regimen.Start(Dose.Intramuscular(Mass.FromMilligrams(1))).At([time]);
            var withAdherence = regimen.WithAdherence(adherence, 7);
            foreach (var r in new[] { regimen, withAdherence })
            {
                Assert.Equal(r, Regimen.Parse(r.ToString()));
            }
        });

    private static readonly Dose[] Kinds =
    [
        Dose.Intramuscular(Mass.FromMilligrams(1)),
        Dose.Oral(Mass.FromMicrograms(0.1 + 0.2)),
        Dose.Food(Mass.FromMicrograms(1.2)),
        Dose.Create(Mass.FromMicrograms(5e-320), Route.Intravenous, CobalaminForm.Hydroxocobalamin),
        Dose.Create(Mass.FromGrams(5), Route.Sublingual, CobalaminForm.Methylcobalamin),
    ];

    [Property(MaxTest = 300)]
    public Property What_an_event_table_writes_it_reads() =>
        Prop.ForAll(
            Arb.From(
                from doses in Gen.ListOf(Gen.Zip(AnyTime, Gen.Choose(0, Kinds.Length - 1)))
                from samples in Gen.ListOf(AnyTime)
                from repeats in Gen.Choose(0, 3)
                select (doses, samples, repeats)),
            input =>
            {
                var (doses, samples, repeats) = input;
                var times = doses.Select(d => TimeSpan.FromSeconds(Math.Floor(d.Item1.TotalSeconds))).ToArray();
                var events = doses.Select((d, i) => new DoseEvent(times[i], Kinds[d.Item2]))
                    .Concat(Enumerable.Range(0, repeats).Select(k => new DoseEvent(TimeSpan.FromHours(6 * k), Kinds[0])))
                    .ToArray();
                var sampleTimes = samples.Select(t => TimeSpan.FromSeconds(Math.Floor(t.TotalSeconds))).ToArray();
                EventTable written;
                try
                {
                    written = EventTable.FromEvents(events, sampleTimes, 3);
                }
                catch (ArgumentException e)
                {
                    // Only what Read would refuse: a time beyond 200 years.
                    Assert.True(events.Any(x => x.Time > Regimen.MaximumHorizon) || sampleTimes.Any(x => x > Regimen.MaximumHorizon), e.Message);
                    return;
                }

                var read = EventTable.Parse(written.ToCsv());
                Assert.Equal(written.ToCsv(), read.ToCsv());
                if (events.Length == 0 && sampleTimes.Length == 0)
                {
                    Assert.Empty(read.Ids);
                    return;
                }

                Assert.Equal(events.OrderBy(e => e.Time).Select(e => (e.Time, e.Dose.Micrograms, e.Dose.Route, e.Dose.Form, e.Dose.Vehicle)).Order(), read.Events(3).Select(e => (e.Time, e.Dose.Micrograms, e.Dose.Route, e.Dose.Form, e.Dose.Vehicle)).Order());
                Assert.Equal(sampleTimes.Distinct().Order(), read.SampleTimes(3));
            });

    // ---- Class 6: every pool and tally is in the output; the balance is stated on a scale that holds ----

    [Fact]
    public void Every_pool_and_tally_is_in_the_output_and_the_balance_closes_from_it()
    {
        // A year of 1 mg IM daily: the labile excess (about 9 mg) was in neither the CSV nor the JSON.
        var result = Simulator.Run(Regimen.Parse("1 mg im daily"), new SimulationSettings(TimeSpan.FromDays(365)));
        var lines = result.ToCsv().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        double Cell(string line, string column) => double.Parse(line.Split(',')[Array.IndexOf(header, column)], CultureInfo.InvariantCulture);
        foreach (var column in new[] { "stores_ug", "labile_ug", "holotc_ug", "holohc_ug", "protein_bound_ug", "free_ug", "plasma_ug", "body_ug", "cumulative_urine_ug", "cumulative_faeces_ug" })
        {
            Assert.Contains(column, header);
        }

        var (first, last) = (lines[1], lines[^1]);
        Assert.True(Cell(last, "labile_ug") > 1000, last);
        Assert.Equal(Cell(last, "stores_ug") + Cell(last, "labile_ug") + Cell(last, "plasma_ug"), Cell(last, "body_ug"), 1e-6);
        Assert.Equal(
            Cell(last, "plasma_ug"),
            Cell(last, "holotc_ug") + Cell(last, "holohc_ug") + Cell(last, "protein_bound_ug") + Cell(last, "free_ug"),
            1e-9);

        // dosed = Δbody + excreted + not absorbed, from the output alone (the summary's dose and not-absorbed, the rows' pools).
        var s = result.Summary;
        var fromOutput = s.TotalDose.Micrograms - (Cell(last, "body_ug") - Cell(first, "body_ug") + Cell(last, "cumulative_urine_ug") + Cell(last, "cumulative_faeces_ug") + s.TotalUnabsorbed.Micrograms);
        Assert.True(Math.Abs(fromOutput) <= 1e-9 * s.MassBalanceScale.Micrograms, Invariant($"unaccounted {fromOutput} µg"));

        // The bound is relative to the amounts carried: 1 ng on 1 g of stores balances to 1e-9 of the gram, not of the nanogram.
        var tiny = Simulator.Run(Regimen.Parse("1 ng oral daily"), new SimulationSettings(TimeSpan.FromDays(3650)) { InitialStores = Mass.FromGrams(1) }).Summary;
        Assert.Equal(tiny.InitialBody.Micrograms + tiny.TotalDose.Micrograms, tiny.MassBalanceScale.Micrograms);
        Assert.InRange(Math.Abs(tiny.MassBalanceRelativeError), 0, 1e-9);
    }

    // ---- Class 7: no state leaks between calls on one thread ----

    [Fact]
    public void A_simulation_inside_a_population_progress_callback_gives_what_it_gives_anywhere()
    {
        var regimen = Regimen.Parse("1 mg im daily x10 then 1 mg im monthly");
        var settings = new SimulationSettings(TimeSpan.FromDays(120));
        var alone = Simulator.Run(regimen, settings);
        var inside = new List<SimulationResult>();
        var progress = new SynchronousProgress(() =>
        {
            lock (inside)
            {
                inside.Add(Simulator.Run(regimen, settings));
            }
        });
        _ = PopulationSimulator.Run(regimen, new PopulationSettings(200, TimeSpan.FromDays(120), 5), progress);
        Assert.NotEmpty(inside);
        foreach (var result in inside)
        {
            Assert.Equal(alone.Series.Select(r => BitConverter.DoubleToInt64Bits(r.Stores.Micrograms)), result.Series.Select(r => BitConverter.DoubleToInt64Bits(r.Stores.Micrograms)));
            Assert.Equal(alone.Series.Select(r => BitConverter.DoubleToInt64Bits(r.Serum.PicogramsPerMilliliter)), result.Series.Select(r => BitConverter.DoubleToInt64Bits(r.Serum.PicogramsPerMilliliter)));
        }
    }

    /// <summary>Progress that runs its action on the reporting thread (<see cref="Progress{T}"/> would post it elsewhere).</summary>
    private sealed class SynchronousProgress(Action report) : IProgress<PopulationProgress>
    {
        public void Report(PopulationProgress value) => report();
    }

    // ---- Class 8: messages that say what is wrong, in one short line ----

    [Fact]
    public void Messages_name_the_problem_in_a_short_line_without_a_minus_zero()
    {
        // The message for a missing subject listed every ID of the table: 200 000 subjects, a 1.5 MB line.
        var many = Subjects(200_000);
        var missing = Assert.Throws<ArgumentOutOfRangeException>(() => many.Events(999_999));
        Assert.Contains("its 200000 IDs begin 1, 2, 3", missing.Message, StringComparison.Ordinal);
        Assert.True(missing.Message.Length < 300, missing.Message);

        // A refusal that wraps the library's own sentence ended in "..".
        var wrapped = Assert.Throws<FormatException>(() => EventTable.Parse("TIME,AMT,EVID,ROUTE\n0,6000000,1,im\n"));
        Assert.DoesNotContain("..", wrapped.Message, StringComparison.Ordinal);

        // DoseOutcome printed "-0 µg" where rounding left a tiny negative amount.
        foreach (var route in Routes.All)
        {
            foreach (var micrograms in new[] { 5e-324, 1e-300, 1e-20, 1e-9, 1e-4, 1, 1000, 5e6 })
            {
                var text = AbsorptionModel.Evaluate(Dose.Create(Mass.FromMicrograms(micrograms), route), ParameterSet.Healthy).ToString();
                Assert.DoesNotContain("-0 ", text, StringComparison.Ordinal);
                Assert.DoesNotContain("-0%", text, StringComparison.Ordinal);
            }
        }
    }
}

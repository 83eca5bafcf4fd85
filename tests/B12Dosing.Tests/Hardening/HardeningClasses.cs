namespace B12Dosing.Tests.Hardening;

/// <summary>
/// One class of failure of issue 12 and what holds it fixed: the input that showed it, what happened before, what the
/// user gets now, and the test (file and method) that fails if it comes back. <c>docs/reliability.md</c> lists them.
/// </summary>
/// <param name="Class">The class, numbered as in the issue.</param>
/// <param name="Input">The reproduction.</param>
/// <param name="Before">What happened.</param>
/// <param name="Now">What the user gets now.</param>
/// <param name="TestFile">The test file, from the repository root.</param>
/// <param name="TestMethod">The test method in it.</param>
internal sealed record HardeningClass(string Class, string Input, string Before, string Now, string TestFile, string TestMethod);

/// <summary>The classes of issue 12 (data, one row per reproduction).</summary>
internal static class HardeningClasses
{
    private const string Cost = "tests/B12Dosing.Tests/Hardening/CostTests.cs";
    private const string Bounds = "tests/B12Dosing.Tests/Hardening/ModelBoundsTests.cs";
    private const string Repairs = "tests/B12Dosing.Tests/Hardening/SilentRepairTests.cs";
    private const string Edges = "tests/B12Dosing.Cli.Tests/Hardening/ToolEdgeTests.cs";
    private const string Charts = "tests/B12Dosing.Charts.Tests/ChartHardeningTests.cs";
    private const string Monotone = "tests/B12Dosing.Tests/Hardening/MonotonicityTests.cs";

    public static IReadOnlyList<HardeningClass> All { get; } =
    [
        new("1 hangs", "a chart of `[1, 1 + 1 ulp]`, of one subnormal point, of `±1e308`", "tick loop never ended; `NaN` in the SVG", "a padded range with 2-50 finite ticks; every number in the SVG finite (time-bounded test, 20 000 random ranges)", Charts, "Ticks_finish_and_every_number_in_the_svg_is_finite"),
        new("1 hangs", "a log axis from 4.9e-324 to 1.7e308", "decades `1e-324` (0) and `1e309` (∞): `NaN` coordinates", "decades within 1e-323…1e308, the axis widened to the data", Charts, "Log_axes_finish_and_stay_finite_from_the_smallest_to_the_largest_double"),
        new("1 hangs", "20 000 `+` parts (500 KB), 2.2 million events", "merge cost events × parts: minutes", "k-way heap merge, events · log parts: per event, 20 000 parts cost at most 10 times (log ratio 1.9) what 200 parts cost over as many events", Cost, "A_regimen_of_many_plus_parts_merges_in_near_linear_time"),
        new("1 hangs", "a `then` chain of 30 000 phases, parsed or built", "quadratic: 10 000 phases 2.6 s and 0.8 GB, 30 000 over 5 minutes", "linear: 30 000 phases 40 MB parsed, 15 MB built, about 1 s", Cost, "A_long_then_chain_parses_in_linear_time_and_memory"),
        new("1 hangs", "the fluent builder, 30 000 `Then` steps", "each step copied the sequence and re-checked every phase", "a persistent chain, each step O(1)", Cost, "A_long_then_chain_builds_in_linear_time_and_memory"),
        new("1 hangs", "`Regimen.Combine` of 20 000 regimens", "quadratic (one `And` at a time)", "one pass", Cost, "Combining_many_regimens_is_linear"),
        new("1 hangs", "`MaxDegreeOfParallelism = 200`", "200 workers with a full accumulator each (24 GB at the most rows)", "at most one thread per processor and per chunk: memory of the threads used", Cost, "A_population_never_uses_more_threads_than_processors_whatever_it_asks"),
        new("2 NaN", "`RenalRetentionCapacityMicrograms = 1e-310`, `IntravenousRenalFactor = 1e308`, `PlasmaTransitHalfLifeHours = 1e-160`, `PlasmaVolumeLiters = 1e-310`", "accepted; infinite or NaN retained amounts, stores and serum", "`ArgumentOutOfRangeException` naming the value and the documented range", Bounds, "The_extremes_the_issue_names_are_refused_where_they_enter"),
        new("2 NaN", "any dose with every physiology parameter anywhere in its range (often at an end)", "—", "finite, `0 ≤ retained ≤ absorbed ≤ dose` (property)", Bounds, "Every_dose_outcome_is_finite_and_bounded_for_every_legal_physiology"),
        new("2 NaN", "simulations with random legal physiology, dose, interval, horizon and stores", "a slow transit broke the 1e-9 mass balance; plasma −1e-32 µg after a long step (found by this property)", "finite, non-negative, balanced within 1e-9 (property; the propagator's factors keep their signs)", Bounds, "Every_simulation_is_finite_and_balanced_for_every_legal_physiology"),
        new("3 repairs", "an event at `TimeSpan.MaxValue` in `EvaluateSeries`", "dropped; the total dose was wrong", "counted", Repairs, "A_dose_at_the_largest_time_counts_in_a_series"),
        new("3 repairs", "`1 mg im q1.0000001s`", "read as `q1s`", "`FormatException`: durations are exact as written (decimal)", Repairs, "A_duration_is_read_exactly_as_written_never_rounded_to_whole_seconds"),
        new("3 repairs", "`ConditionMix.Parse(\"pa=0.7,healthy=0.7\")`", "rescaled to 50 % / 50 % without a word", "`FormatException`: shares must add up to 1 (one condition may take the rest); `ConditionMix.Of` is for weights", "tests/B12Dosing.Tests/Population/PopulationModelTests.cs", "Condition_mix_parses_and_rejects"),
        new("3 repairs", "a population model whose largest factor gives a passive fraction of 1.25 or stores above 1 g", "clamped to 1 and to 1 g in every such patient", "`ArgumentOutOfRangeException` at `PopulationSettings.Model`, naming the condition and the value", Repairs, "A_population_model_whose_patients_would_be_clamped_is_refused_with_the_condition_named"),
        new("3 repairs", "`Mass.Parse(\"1e-400 mg\")` (issue 11's text layer)", "parsed as 0 mg", "`FormatException` naming the number as too small (catalogue rows `1e-400 mg`, `4.9e-324 mg`, `1e-305 g`)", "tests/B12Dosing.Tests/Quantities/QuantityTestsBase.cs", "EachBadNumberIsNamedInTheMessage"),
        new("4 invalid state", "`Regimen.Start(default(Dose))`", "built, printed text that `Regimen.Parse` refused", "`ArgumentOutOfRangeException`", Repairs, "Default_doses_are_refused_where_a_regimen_is_built"),
        new("4 invalid state", "a `SerumModel` with flat or inconsistent anchors", "accepted; `ToString()` threw", "first refused where it entered a run; since issue 10's model, serum follows from the carrier pools and the model has no anchor pair left to disagree (its one value, the low-stores reference line, is now the constant `SimulationSettings.LowStores`)", "tests/B12Dosing.Tests/Hardening/BadInputCatalogueTests.cs", "Bad_input_is_refused_with_the_documented_exception"),
        new("4 invalid state", "`default(SimulationRow)`", "`NullReferenceException` from its serum", "the empty row: day 0, every amount and serum 0", Bounds, "The_default_row_is_the_empty_row"),
        new("5 leaks", "`(SimulationRow[])result.Series`, `SerumGuideline.Bands`, percentiles, condition shares", "the arrays themselves: writing changed results for the whole process", "read-only views (`NotSupportedException` on write)", "tests/B12Dosing.Tests/Hardening/LeakTests.cs", "Writing_through_a_cast_cannot_change_a_result"),
        new("5 leaks", "chart points, series, bands, CSV columns", "the arrays themselves", "read-only views", Charts, "Charts_hand_out_read_only_views"),
        new("6 monotonicity", "one ulp more dose, every route and form, 1e-6 µg to 5 g", "less retained (the switch of `ln(1 + x)` at 1e-4 lost about 1e-12; `D/(K + D)` fell by one ulp)", "never less absorbed or retained (monotone `ln(1 + x)` and saturation; property over neighbours)", Monotone, "Neighbouring_doses_never_lose_absorbed_or_retained_B12"),
        new("6 monotonicity", "400 ulps across every joint of the law and every power of ten", "—", "monotone at every ulp", Monotone, "Every_ulp_across_the_joints_of_the_law_and_every_power_of_ten_is_monotone"),
        new("7 tool", "`b12 simulate … --svg --json`", "wrote a file called `--json` and dropped the JSON", "exit 2: `--svg needs a file name, not '--json'`", Edges, "Svg_does_not_take_the_next_option_as_its_file_name"),
        new("7 tool", "`b12 convert 'NaN mg' --to µg 2>&-`", "abort, exit 134 (EBADF surfaced as `UnauthorizedAccessException`)", "exit 2", Edges, "A_closed_standard_error_still_gives_exit_code_2_in_the_process"),
        new("7 tool", "an `ArgumentException` from inside the library", "reported as a usage error, exit 2", "exit 1, `b12: internal error, a bug in b12 …`; option values enter the library through `CliInput.Check`, which names the option", Edges, "An_argument_exception_from_inside_the_library_is_a_bug_not_a_usage_error"),
        new("7 tool", "Ctrl+C during `b12 population` on a terminal", "the progress bar stayed on the line", "the bar is cleared however the run ends", Edges, "Ctrl_C_clears_the_progress_bar"),
        new("7 tool", "a failed `--svg` write", "a half-written file, or the previous one deleted", "a temporary file moved into place: all or nothing, the previous file unchanged", Edges, "A_failed_write_leaves_the_previous_file_and_no_half_written_one"),
        new("7 tool", "`--svg` into a missing folder or onto a folder", "\"Could not find a part of the path\", \"Access to the path is denied\"", "`cannot write --svg '<path>': the folder '<folder>' does not exist …`", Edges, "A_file_that_cannot_be_written_is_named_with_the_reason"),
        new("7 tool", "`b12 simulte`, `--dyas`, `--regimen bnf-neuor`", "\"Unrecognized command or argument\"", "the same, plus `Did you mean 'simulate'?` (commands, options, catalogue names)", Edges, "A_mistyped_command_option_or_catalogue_name_gets_a_suggestion"),
        new("7 tool", "`--regimen 1 mg im daily` (unquoted)", "\"Unrecognized command or argument 'mg'\"", "plus `A regimen with spaces must be quoted: --regimen \"1 mg im daily\"`", Edges, "An_unquoted_regimen_gets_a_hint_to_quote_it"),
        new("7 tool", "`--days 1e300`, `--initial-stores \"2 g\"`, `--regimen \"1 µg im q1s\" --days 36500`", "\"TimeSpan overflowed\" and messages without the option", "the option, the value and the limit", Edges, "Messages_name_the_value_and_the_limit"),
        new("8 culture", "quantities printed in ar-SA or fa-IR (decimal separator U+066B, bidi marks around the minus) (issue 11's text layer)", "did not parse back in the same culture", "every culture .NET ships round-trips (checked for each), and the fuzzers parse in ar-SA and fa-IR too", "tests/B12Dosing.Tests/Quantities/QuantityTestsBase.cs", "FormatThenParseRoundTripsInEveryCulture"),
    ];

    private const string Third = "tests/B12Dosing.Tests/Hardening/ThirdPassTests.cs";
    private const string ToolThird = "tests/B12Dosing.Cli.Tests/Hardening/ToolThirdPassTests.cs";

    /// <summary>The classes of issue 21, the third pass (data, one row per reproduction).</summary>
    public static IReadOnlyList<HardeningClass> ThirdPass { get; } =
    [
        new("1 bad input", "`b12 simulate --events t.csv --id 99`; an `ADDL` past the event limit or past 200 years; `--times 99999999999999999999`", "exit 1, \"internal error\"; `EventTable.Events`, `LastTime`, `ToRegimen` threw `OverflowException`", "exit 2 naming the option (`--id: The table has no subject 99; …`) or the table's line and column (`Line 2, column ADDL is 2147483647: …`); `Read` refuses an `ADDL` whose last dose passes 200 years or whose subject passes `Regimen.MaximumEvents`, so a table read expands without overflow", ToolThird, "Bad_input_is_a_usage_error_naming_the_option_or_the_line_and_column"),
        new("1 bad input", "event tables with `TIME`, `II` and `ADDL` at the edges (200 years, `int.MaxValue`), 400 generated", "`OverflowException` from `LastTime`, `Events`, `ToRegimen`", "`Read` throws `FormatException` naming the line, or every subject expands (property)", Third, "An_event_table_refuses_what_would_overflow_and_then_throws_only_documented_exceptions"),
        new("2 wrong answer", "`DosingIntervals` on daily rows of `1 mg im q12h`", "24 h intervals with wrong ends; doses 1, 3, 5, … without an interval", "`InvalidOperationException` naming the doses without a sample (`dose 1, 3, 5, 7, 9, …`); sampled after each dose, 20 intervals of 12 h, each peak and trough inside its own interval", Third, "Dosing_intervals_come_from_samples_inside_each_interval_or_the_call_names_the_doses_without_one"),
        new("3 cost", "the subjects of an event table, each asked for its events, samples, last time and regimen", "each subject scanned the whole table: subjects × records (12 000 subjects: 16 s)", "each subject's records found by index: per subject, 10 000 subjects cost what 1 000 do (ratio at most 5; quadratic 10)", Third, "Iterating_the_subjects_of_an_event_table_costs_each_subject_its_own_records"),
        new("3 cost", "a header of 20 000 columns over 20 000 one-cell lines; wide full tables", "each line cost the header's width (a crafted 2.2 MB file: 45 s)", "the width is found once and a short line is refused (class 4): per character, ten times the size allocates the same (bytes on the reading thread, ratio at most 2: 0.90 and 0.75)", Third, "Reading_an_event_table_costs_its_length_not_header_width_times_lines"),
        new("3 cost", "`b12 regimens --export \"1 µg im q1s\" --events --days 115` (one line of output)", "`FromEvents` grouped, indexed and copied every event: 3 GB", "events in time order read once, keeping only the records: per event, 1 000 000 events allocate no more than 100 000, under 1 B", Third, "Writing_an_event_table_of_a_regimen_keeps_the_records_not_copies_of_the_events"),
        new("3 cost", "`b12 regimens --export \"1 µg im q1s\" --events --days 115` (10 million events) against `--days 11.5`", "`Regimen.Events` held every event before the table was written: peak 511 MB against 92 MB", "the regimen's events read one at a time (`Regimen.EnumerateEvents`, `EventTable.FromRegimen`): peak 45 MB at both sizes; under 1 B allocated per event at 200 000 and 2 000 000 events (3 944 B for either)", Third, "A_regimen_s_table_is_written_from_its_events_one_at_a_time"),
        new("3 cost", "`b12 simulate … --json` of 847 MB", "the document built as one string: 3.85 GB peak", "streamed as it is written: the largest single write is about one row (under 1 KB) at 2 000 and at 20 000 days alike; the text is the serializer's", ToolThird, "Json_output_is_streamed_in_pieces_that_do_not_grow_with_the_output"),
        new("3 cost", "`b12 simulate … --csv` or `--json`, 180 001 and 1 800 001 rows (44 MB and 443 MB of CSV, 113 MB and 1.14 GB of JSON)", "every row kept before the first was written: peak 84 and 278 MB (CSV), 93 and 283 MB (JSON) once the text itself was streamed; 3.85 GB for 847 MB of JSON before", "without `--svg` the rows are written as the simulation makes them (`Simulator.Run(events, settings, row => …)`, `SimulationResult.WriteCsvRow`, `Record`), bit for bit the result's: peak 70 and 95 MB (CSV), 75 and 128 MB (JSON), the rest the simulation's plan, 16 B a row (the output times and the steps; at most `SimulationSettings.MaximumRows`, 2 000 000 rows, 32 MB)", Third, "Rows_handed_out_as_they_are_made_are_the_result_s_rows_and_write_the_same_csv"),
        new("3 cost", "`b12 simulate … --csv` to standard output", "`Console.Out` flushed every write: 20 system calls a row", "a 64 KB buffer flushed once: under 0.05 write calls a row at 3 001 and 30 001 rows", ToolThird, "Csv_to_standard_output_makes_a_write_call_per_block_not_per_cell"),
        new("4 repairs", "`q0.99999999999999999999999999999s`; a dose line cut after `TIME`; a byte-order mark in `EventTable.Parse(string)`; subject ID -1", "read as `q1s`; read as a sample; the `ID` column hidden; -1 collided with the \"no dose yet\" sentinel", "`FormatException` (more than 28 significant digits; `Line 3: the record has 2 cells but the header has 5`); the mark dropped; no sentinel", Third, "Nothing_is_rounded_cut_or_hidden_without_a_word"),
        new("4 repairs", "`--id` without `--events`; `--initial-stores \"50 mg\"`; `--times`, `--after-dose`, `--step-hours` with the text output", "ignored in silence; run above the model's 11.1 mg", "`--id` refused; stores above `ParameterSet.MaximumStores` refused naming it; the text output prints the rows asked for (issue 22)", ToolThird, "Options_are_honoured_or_refused_never_ignored"),
        new("5 round trips", "an adherence below 1e-4; a time at exactly 200 years", "printed `1E-05` and `d73001`, which `Regimen.Parse` refused", "adherence printed without an exponent; `d73001` read (property over adherence and times)", Third, "The_notation_a_regimen_prints_parses_back_to_it"),
        new("5 round trips", "`EventTable.FromEvents` of random events and samples", "wrote times beyond 200 years that `Read` refused", "`FromEvents` refuses what `Read` would; what it writes reads back to the same events, samples and text (property)", Third, "What_an_event_table_writes_it_reads"),
        new("6 output", "a year of 1 mg IM daily, CSV", "the labile excess (9 058 µg) in neither CSV nor JSON; the balance bound stated on the dose", "columns `labile_ug`, `holotc_ug`, `holohc_ug`, `protein_bound_ug`, `free_ug`, `body_ug`; the balance closes from the output; `MassBalanceScale` (initial body + doses) and `MassBalanceRelativeError` (1 ng on 1 g: within 1e-9)", Third, "Every_pool_and_tally_is_in_the_output_and_the_balance_closes_from_it"),
        new("6 output", "a year of 1 mg IM daily, `--json`", "9 058 µg unaccounted while `mass_balance_error_ug` said 0", "the summary carries `initial_body_ug`, `final_labile_ug`, `final_plasma_ug`, `final_body_ug`, `mass_balance_scale_ug`, `mass_balance_relative_error`; the rows every pool", ToolThird, "Json_accounts_for_every_microgram"),
        new("7 leaks", "`Simulator.Run` inside a population's progress callback", "used the population's per-thread retention tables: differed by about 1e-11", "the tables serve the chunk's patients only: bit for bit the same as elsewhere", Third, "A_simulation_inside_a_population_progress_callback_gives_what_it_gives_anywhere"),
        new("8 messages", "a table sample beyond `--days`; `--times` with table samples; a mistyped option after `--regimen NAME`; `--events` on a folder; `--days 1e-12`; 200 000 subjects; a message ending in `..`", "reported under `--times`; under `--days`; \"must be quoted\"; \"Access denied\"; \"must be more than zero\"; a 1.5 MB line; `..`", "under `--events`; under `--times`; no hint; \"is a folder\"; \"at least one second\"; ten IDs and the count; one full stop", ToolThird, "Messages_name_what_was_given_and_nothing_else"),
        new("8 messages", "`EventTable.Events(999999)` of 200 000 subjects; `DoseOutcome.ToString()` of tiny doses", "every ID listed; `-0 µg`", "`its 200000 IDs begin 1, 2, 3, …`; `0 µg`", Third, "Messages_name_the_problem_in_a_short_line_without_a_minus_zero"),
    ];

    /// <summary>The classes of issue 12 as Markdown.</summary>
    public static string ToMarkdown() => ToMarkdown(All);

    /// <summary>A list of classes as Markdown.</summary>
    public static string ToMarkdown(IReadOnlyList<HardeningClass> classes)
    {
        var lines = new List<string> { "| Class | Input | Before | Now | Test |", "|---|---|---|---|---|" };
        lines.AddRange(classes.Select(c => $"| {c.Class} | {c.Input} | {c.Before} | {c.Now} | `{Path.GetFileName(c.TestFile)}`: `{c.TestMethod}` |"));
        return string.Join("\n", lines) + "\n";
    }
}

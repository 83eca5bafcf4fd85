using System.CommandLine;
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Absorption.Calibration;
using System.Collections.Immutable;
using B12Dosing.Charts;
using B12Dosing.Dosing;
using B12Dosing.EventTables;
using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Cli.Commands;

/// <summary>
/// <c>b12 simulate (--regimen &lt;name or notation&gt; | --events table.csv [--id N]) --days N [--condition c] [--model 2|3] [--initial-stores amount] [--step-hours h]
/// [--times d,d,…] [--after-dose 0h,2h,…] [--json | --csv] [--svg file] [--guideline id] [--uncertainty N [--uncertainty-seed S]]</c>: the time
/// course of stores and serum B12 under a regimen, with the calibration's uncertainty as a band of its own.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var regimen = CliOptions.Regimen();
        regimen.Required = false;
        var events = new Option<string?>("--events") { HelpName = "file", Description = "Dose from a NONMEM-style event table (CSV: ID, TIME h, AMT µg, EVID, ROUTE or CMT, II, ADDL; docs/event-tables.md) instead of --regimen; its sample records (EVID 0, 2) give the sample times." };
        var id = new Option<int?>("--id") { HelpName = "N", Description = "With --events: the one subject (ID) to simulate; without it every subject is simulated and the output keyed by ID (CSV: an id column; JSON: subjects by ID; text: subject by subject)." };
        var days = new Option<double?>("--days") { HelpName = "N", Description = $"How many days to simulate: more than 0, at most {SimulationSettings.MaximumHorizon.TotalDays} (100 years). With --events, by default up to the table's last sample.", CustomParser = r => CliNumbers.ParseDouble(r) };
        var condition = CliOptions.Condition();
        var set = CliOptions.Set();
        var model = CliOptions.Model();
        var initial = new Option<string>("--initial-stores") { HelpName = "amount", Description = "Body stores at the start, quoted: default \"2500 µg\" (Carmel 2008).", DefaultValueFactory = _ => "2500 µg" };
        var stepHours = new Option<double>("--step-hours") { HelpName = "h", Description = "Hours between output rows (default 24).", DefaultValueFactory = _ => 24, CustomParser = CliNumbers.ParseDouble };
        var times = new Option<string?>("--times") { HelpName = "d,d,...", Description = "Sample at these days from the start instead of every --step-hours, for example 0,0.5,1,2,7,30." };
        var afterDose = new Option<string?>("--after-dose") { HelpName = "t,t,...", Description = "Also sample this long after each dose (and just before it), for example 2h or 0h,2h,1d (units s, min, h, d, w; 0h is just after the dose)." };
        var json = new Option<bool>("--json") { Description = "Print JSON: summary and series." };
        var csv = new Option<bool>("--csv") { Description = "Print the series as CSV with units in the header." };
        var svg = new Option<string?>("--svg") { HelpName = "file", Description = "Write an SVG chart of stores and serum with the guideline's bands to this file." };
        var guideline = new Option<string>("--guideline") { HelpName = "id", Description = $"The guideline for the chart's bands and the summary: {AllGuidelines} (default nice); nice-active classifies active B12 (holotranscobalamin), the others total serum B12.", DefaultValueFactory = _ => "nice" };
        var uncertainty = CliOptions.Uncertainty(UncertaintyFields);
        var uncertaintySeed = CliOptions.UncertaintySeed();
        svg.Validators.Add(CliOptions.FileName);
        var command = new Command("simulate", "Simulate body stores and serum B12 over time under a regimen. Example: b12 simulate --regimen kuzminski-oral --days 120 --condition pernicious-anemia")
        {
            regimen, events, id, days, condition, set, model, initial, stepHours, times, afterDose, json, csv, svg, guideline, uncertainty, uncertaintySeed,
        };
        command.Validators.Add(r =>
        {
            if ((r.GetResult(regimen) is null) == (r.GetResult(events) is null))
            {
                r.AddError("Give either --regimen or --events.");
            }

            if (r.GetResult(events) is null && r.GetResult(days) is null)
            {
                r.AddError("--days is required (with --regimen).");
            }

            if (r.GetValue(json) && r.GetValue(csv))
            {
                r.AddError("--json and --csv cannot be used together.");
            }

            if (r.GetResult(id) is not null && r.GetResult(events) is null)
            {
                r.AddError("--id chooses a subject of an --events table; without --events it would be ignored.");
            }

            if (r.GetResult(uncertainty) is not null && r.GetValue(csv))
            {
                r.AddError("--uncertainty adds a band to the text, --json and --svg outputs, not to --csv.");
            }

            if (r.GetResult(uncertaintySeed) is not null && r.GetResult(uncertainty) is null)
            {
                r.AddError("--uncertainty-seed seeds the draws of --uncertainty; without it there are none.");
            }
        });
        command.SetAction(result =>
        {
            var table = result.GetValue(events) is { } eventsFile ? CliFiles.Read("--events", eventsFile, EventTable.Read) : null;
            var hours = result.GetValue(stepHours);
            if (!(hours >= 1.0 / 3600 && hours <= SimulationSettings.MaximumHorizon.TotalHours))
            {
                throw new ArgumentOutOfRangeException(nameof(stepHours), hours, $"--step-hours must be one second (0.0003 h) or more and at most {SimulationSettings.MaximumHorizon.TotalHours} (100 years).");
            }

            var chosen = CliInput.Check("--guideline", () => SerumGuidelines.Get(result.GetRequiredValue(guideline)));
            var parameters = CliOptions.Parameters(result, condition, set, model);
            var output = result.InvocationConfiguration.Output;

            // The run of one subject (or of the regimen): its doses, its settings and which option a refused setting names.
            (ImmutableArray<DoseEvent> Events, SimulationSettings Settings, CliInput.Options Options) Prepare(int? subject)
            {
                var dosing = Dosing(result.GetValue(regimen), table, result.GetValue(events), subject, result.GetValue(days));
                var horizonDays = dosing.Days;
                if (!(horizonDays > 0 && horizonDays <= SimulationSettings.MaximumHorizon.TotalDays))
                {
                    throw new ArgumentOutOfRangeException(nameof(days), horizonDays, $"--days must be more than 0 and at most {SimulationSettings.MaximumHorizon.TotalDays} (100 years).");
                }

                if (TimeSpan.FromDays(horizonDays) < TimeSpan.FromSeconds(1))
                {
                    throw CliInput.Invalid("--days", horizonDays.ToString("R", CultureInfo.InvariantCulture), "a run must last at least one second (0.0000116 days); times are whole seconds.");
                }

                if (result.GetValue(times) is not null && dosing.SampleTimes.Length > 0)
                {
                    throw new CliUsageException("--times: the --events table has sample records (EVID 0 or 2), which give the sample times; give one of them (remove --times, or the table's sample records).");
                }

                var sampleOptions = result.GetValue(times) is null && dosing.SampleTimes.Length > 0 ? TableSampleOptions : SettingOptions;
                var settings = CliInput.Check(sampleOptions, () => new SimulationSettings(TimeSpan.FromDays(horizonDays))
                {
                    ParameterSet = parameters,
                    InitialStores = QuantityText.ParseMass(result.GetRequiredValue(initial), CultureInfo.InvariantCulture),
                    Step = TimeSpan.FromHours(hours),
                    SampleTimes = result.GetValue(times) is { } t ? CliTimes.ParseDays(t, "--times") : dosing.SampleTimes,
                    SamplesAfterDose = result.GetValue(afterDose) is { } a ? CliTimes.ParseDurations(a, "--after-dose") : [],
                });
                if (settings.InitialStores > settings.ParameterSet.MaximumStores)
                {
                    // The library accepts stores up to 1 g (they decay towards the model's largest store); at the command line a
                    // start above what the model's body can hold is almost always a typo, and would run without a word.
                    throw CliInput.Invalid("--initial-stores", result.GetRequiredValue(initial), $"the model's body holds at most {settings.ParameterSet.MaximumStores.Micrograms.ToString(CultureInfo.InvariantCulture)} µg (the largest store reported, IOM 1998); give at most that.");
                }

                return (dosing.Events, settings, sampleOptions);
            }

            InputsJson Inputs(SimulationSettings settings, int? subject, IReadOnlyList<int>? subjects) => new(
                result.GetValue(regimen) is { } named ? CliOptions.ResolveRegimen(named).ToString() : null,
                result.GetValue(regimen),
                result.GetValue(events),
                subject,
                CliOptions.ParseCondition(result, condition).Name,
                settings.InitialStores.Micrograms,
                settings.Horizon.TotalDays,
                settings.SampleTimes.Count == 0 ? hours : null,
                settings.SampleTimes.Count == 0 ? null : [.. settings.SampleTimes.Select(t => t.TotalDays)],
                [.. settings.SamplesAfterDose.Select(t => t.TotalHours)],
                chosen.Id,
                CliOptions.ModelVersion,
                ParameterJson.Of(parameters))
            {
                Subjects = subjects,
            };

            // The text of one run: the rows asked for (--times, --after-dose, --step-hours, or a table's sample records), or the
            // default summary, and the guideline's verdict.
            void WriteText(SimulationResult simulation, bool tableSamples, CalibrationBand? band)
            {
                if (result.GetResult(times) is not null || result.GetResult(afterDose) is not null || result.GetResult(stepHours) is not null || tableSamples)
                {
                    foreach (var row in simulation)
                    {
                        output.WriteLine(row.ToString());
                    }

                    output.WriteLine(simulation.Summary.ToString());
                }
                else
                {
                    output.WriteLine(simulation.ToString());
                }

                if (band is not null)
                {
                    var last = band.Rows[^1];
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Calibration uncertainty ({band.Draws} parameter sets drawn from the calibration's covariance, seed {band.Seed}; the model's uncertainty, not between-person variation or assay noise), at the end, 5-95 %: serum {last.SerumLower.PicogramsPerMilliliter:0} to {last.SerumUpper.PicogramsPerMilliliter:0} pg/mL (median {last.SerumMedian.PicogramsPerMilliliter:0}), holoTC {last.HoloTranscobalaminLower.PicomolesPerLiter:0.#} to {last.HoloTranscobalaminUpper.PicomolesPerLiter:0.#} pmol/L, stores {last.StoresLower.Micrograms:0} to {last.StoresUpper.Micrograms:0} µg."));
                }

                output.WriteLine($"{chosen.Name}: {VerdictJson.Of(chosen, simulation.Summary).Band} at the end. Research and teaching only; not medical advice.");
            }

            if (table is not null && result.GetValue(id) is null && table.Ids.Count > 1)
            {
                // Every subject of the table, keyed by its ID: one after the other, each streamed as the single run is.
                if (result.GetValue(uncertainty) is not null)
                {
                    throw new CliUsageException($"--uncertainty runs one subject: the --events table holds {table.Ids.Count} subjects; choose one with --id.");
                }

                if (result.GetValue(svg) is not null)
                {
                    throw new CliUsageException($"--svg draws one subject: the --events table holds {table.Ids.Count} subjects ({string.Join(", ", table.Ids.Take(10))}{(table.Ids.Count > 10 ? ", …" : string.Empty)}); choose one with --id.");
                }

                var runs = table.Ids.Select(subject => (Id: subject, Run: Prepare(subject))).ToArray();
                if (result.GetValue(json))
                {
                    // The inputs show the longest run, on the --step-hours grid unless --times gave the rows (a subject's own
                    // sample records are in its entry).
                    var longest = runs.MaxBy(r => r.Run.Settings.Horizon).Run.Settings;
                    var shown = result.GetValue(times) is null ? longest with { SampleTimes = [] } : longest;
                    var subjects = new CliJson.ProducedMembers(nameof(SubjectJson.Series), each =>
                    {
                        foreach (var (subject, (doses, settings, options)) in runs)
                        {
                            var summary = CliInput.Check(options, () => Simulator.Run(doses.AsSpan(), settings, static _ => { }));
                            var rows = new CliJson.Produced<IReadOnlyDictionary<string, double?>>(row => Simulator.Run(doses.AsSpan(), settings, r => row(SimulationResult.Record(r))));
                            each(subject.ToString(CultureInfo.InvariantCulture), new SubjectJson(settings.Horizon.TotalDays, settings.SampleTimes.Count == 0 ? null : [.. settings.SampleTimes.Select(t => t.TotalDays)], SummaryJson.Of(summary), VerdictJson.Of(chosen, summary), rows));
                        }
                    });
                    CliJson.Write(output, new SubjectsJson(Inputs(shown, null, table.Ids), subjects), nameof(SubjectsJson.Subjects));
                }
                else if (result.GetValue(csv))
                {
                    var first = true;
                    foreach (var (subject, (doses, settings, options)) in runs)
                    {
                        var key = subject.ToString(CultureInfo.InvariantCulture) + ",";
                        CliInput.Check(options, () => Simulator.Run(doses.AsSpan(), settings, row =>
                        {
                            if (first)
                            {
                                output.Write("id,");
                                SimulationResult.WriteCsvHeader(output);
                                first = false;
                            }

                            output.Write(key);
                            SimulationResult.WriteCsvRow(output, row);
                        }));
                    }
                }
                else
                {
                    output.WriteLine($"{table.Ids.Count} subjects in {Path.GetFileName(result.GetValue(events))}, each simulated on its own (choose one with --id):");
                    foreach (var (subject, (doses, settings, options)) in runs)
                    {
                        output.WriteLine();
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"subject ID {subject}:"));
                        WriteText(CliInput.Check(options, () => Simulator.Run(doses, settings)), table.SampleTimes(subject).Length > 0, null);
                    }
                }

                return B12Cli.Success;
            }

            var (events1, settings1, sampleOptions1) = Prepare(result.GetValue(id));
            var band = result.GetValue(uncertainty) is { } draws
                ? CliInput.Check("--uncertainty", () => CliOptions.CalibrationOf(parameters).Simulate(events1, settings1, draws, result.GetValue(uncertaintySeed)))
                : null;

            // CSV and JSON without a chart are written as the simulation makes the rows, keeping none (issue 21: memory
            // flat in the length of the output); the chart and the text need the whole result.
            SimulationResult? simulation = null;
            if (result.GetValue(svg) is { } file)
            {
                simulation = CliInput.Check(sampleOptions1, () => Simulator.Run(events1, settings1));
                var about = string.Create(CultureInfo.InvariantCulture, $"{result.GetValue(regimen) ?? Path.GetFileName(result.GetValue(events))}, {CliOptions.ParseCondition(result, condition).Name}, stores from {QuantityText.Format(settings1.InitialStores)}");
                var svgText = Chart(simulation, chosen, about, band);
                CliFiles.Write("--svg", file, w => w.Write(svgText));
            }
            else if (!result.GetValue(json) && !result.GetValue(csv))
            {
                simulation = CliInput.Check(sampleOptions1, () => Simulator.Run(events1, settings1));
            }

            if (result.GetValue(json))
            {
                var inputs = Inputs(settings1, result.GetValue(id), null);
                if (band is not null)
                {
                    simulation ??= CliInput.Check(sampleOptions1, () => Simulator.Run(events1, settings1));
                    CliJson.Write(output, new SimulationWithUncertaintyJson(inputs, SummaryJson.Of(simulation.Summary), VerdictJson.Of(chosen, simulation.Summary), UncertaintyJson.Of(band), simulation.Records()), nameof(SimulationWithUncertaintyJson.Series));
                }
                else if (simulation is not null)
                {
                    CliJson.Write(output, new SimulationJson(inputs, SummaryJson.Of(simulation.Summary), VerdictJson.Of(chosen, simulation.Summary), simulation.Records()), nameof(SimulationJson.Series));
                }
                else
                {
                    // The summary comes first in the document: a first run (which also checks the settings) gives it,
                    // a second hands out the rows as they are written.
                    var summary = CliInput.Check(sampleOptions1, () => Simulator.Run(events1.AsSpan(), settings1, static _ => { }));
                    var rows = new CliJson.Produced<IReadOnlyDictionary<string, double?>>(each => Simulator.Run(events1.AsSpan(), settings1, row => each(SimulationResult.Record(row))));
                    CliJson.Write(output, new SimulationJson(inputs, SummaryJson.Of(summary), VerdictJson.Of(chosen, summary), rows), nameof(SimulationJson.Series));
                }
            }
            else if (result.GetValue(csv))
            {
                if (simulation is not null)
                {
                    simulation.WriteCsv(output);
                }
                else
                {
                    // The header with the first row: a refused setting (checked before any row) leaves the output empty.
                    var first = true;
                    CliInput.Check(sampleOptions1, () => Simulator.Run(events1.AsSpan(), settings1, row =>
                    {
                        if (first)
                        {
                            SimulationResult.WriteCsvHeader(output);
                            first = false;
                        }

                        SimulationResult.WriteCsvRow(output, row);
                    }));
                }
            }
            else
            {
                simulation ??= CliInput.Check(sampleOptions1, () => Simulator.Run(events1, settings1));
                WriteText(simulation, ReferenceEquals(sampleOptions1, TableSampleOptions), band);
            }

            return B12Cli.Success;
        });
        return command;
    }

    /// <summary>The option behind each value of the settings, to name it when the library refuses the value.</summary>
    private static readonly CliInput.Options SettingOptions = new("--days", new()
    {
        [nameof(SimulationSettings.Horizon)] = "--days",
        [nameof(SimulationSettings.InitialStores)] = "--initial-stores",
        [nameof(SimulationSettings.Step)] = "--step-hours",
        [nameof(SimulationSettings.SampleTimes)] = "--times",
        [nameof(SimulationSettings.SamplesAfterDose)] = "--after-dose",
    });

    /// <summary>The same, when the sample times come from the <c>--events</c> table (not from <c>--times</c>, which was not given).</summary>
    private static readonly CliInput.Options TableSampleOptions = SettingOptions with
    {
        ByParameter = new(SettingOptions.ByParameter) { [nameof(SimulationSettings.SampleTimes)] = "--events (its sample records) with --days" },
    };

    /// <summary>The doses, sample times and horizon from <c>--regimen</c> or the <c>--events</c> table (read once), of one subject.</summary>
    private static (ImmutableArray<DoseEvent> Events, ImmutableArray<TimeSpan> SampleTimes, double Days) Dosing(string? regimen, EventTable? table, string? events, int? id, double? days)
    {
        if (regimen is not null)
        {
            var horizon = days!.Value;
            var r = CliOptions.ResolveRegimen(regimen);
            return (horizon > 0 && horizon <= SimulationSettings.MaximumHorizon.TotalDays ? CliInput.Check("--regimen", () => r.Events(TimeSpan.FromDays(horizon))) : [], [], horizon);
        }

        var subject = id ?? (table!.Ids.Count == 1 ? table.Ids[0]
            : throw new CliUsageException($"--events {events}: the event table has no records."));
        var doses = CliInput.Check("--id", () => table!.Events(subject));
        var samples = table!.SampleTimes(subject);
        if (days is { } d)
        {
            return (doses, samples, d);
        }

        var who = table.Ids.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (subject ID {subject})") : string.Empty;
        if (samples.Length == 0)
        {
            throw new ArgumentException($"The event table{who} has no sample records (EVID 0 or 2) to end the run: give --days.", nameof(days));
        }

        var end = samples[^1];
        var late = doses.FirstOrDefault(e => e.Time >= end);
        return late.Dose.Amount.Micrograms > 0
            ? throw new ArgumentException($"The event table{who} has a dose at TIME {EventTableHours(late.Time)} h, at or after its last sample ({EventTableHours(end)} h), where the run ends by default; it would not be simulated: give --days beyond it.", nameof(days))
            : (doses, samples, end.TotalDays);
    }

    private static string EventTableHours(TimeSpan time) => time.TotalHours.ToString("R", CultureInfo.InvariantCulture);


    /// <summary>Every guideline's id.</summary>
    private static readonly string AllGuidelines = string.Join(", ", SerumGuidelines.All.Select(g => g.Id));

    /// <summary>
    /// Two charts stacked in one SVG, titled with what was run (<paramref name="about"/>: regimen, condition, starting
    /// stores): serum (or, for an active-B12 guideline, holotranscobalamin in pmol/L) with the guideline's bands, on a log
    /// axis where the values span a decade or more (so that an injection's peak does not squeeze the bands to a sliver),
    /// and stores with the smallest healthy store (300 µg, IOM 1998).
    /// </summary>
    internal static string Chart(SimulationResult simulation, SerumGuideline guideline, string about, CalibrationBand? band = null)
    {
        var time = new ChartAxis("Time (days)");
        var lowest = SimulationSettings.LowStores.Micrograms;
        var active = guideline.Analyte != SerumAnalyte.TotalB12;
        var values = simulation.Series.Select(r => active ? r.HoloTranscobalamin.PicomolesPerLiter : r.Serum.PicogramsPerMilliliter).ToArray();
        var label = active ? "HoloTC (pmol/L)" : "Serum B12 (pg/mL)";
        var serum = new SvgChart(
            (active ? $"Active B12, holotranscobalamin ({guideline.Name})" : $"Serum B12 ({guideline.Name})") + ": " + about,
            time,
            SpansDecades(values) ? new ChartAxis(label, AxisScale.Log10) : new ChartAxis(label, includeZero: true),
            [new ChartSeries(active ? "holoTC" : "serum", simulation.Series.Select((r, i) => new ChartPoint(r.Time.TotalDays, values[i])))])
            .WithBands(guideline.ChartBands(active ? SerumUnit.PicomolesPerLiter : SerumUnit.PicogramsPerMilliliter));
        if (band is not null && band.Rows.Count >= 2)
        {
            serum = serum.WithRibbon(new ChartRibbon(
                UncertaintyRibbonName(band),
                band.Rows.Select(r => active
                    ? new RibbonPoint(r.Time.TotalDays, r.HoloTranscobalaminLower.PicomolesPerLiter, r.HoloTranscobalaminUpper.PicomolesPerLiter)
                    : new RibbonPoint(r.Time.TotalDays, r.SerumLower.PicogramsPerMilliliter, r.SerumUpper.PicogramsPerMilliliter)),
                0));
        }

        var stores = new SvgChart(
            "Body stores: " + about,
            time,
            new ChartAxis("Stores (µg)", includeZero: true),
            [new ChartSeries("stores", simulation.Series.Select(r => new ChartPoint(r.Time.TotalDays, r.Stores.Micrograms)))])
            .WithBand(new ThresholdBand(string.Create(CultureInfo.InvariantCulture, $"below the smallest healthy store, {lowest} µg (IOM 1998)"), 0, lowest, BandTone.Caution));
        if (band is not null && band.Rows.Count >= 2)
        {
            stores = stores.WithRibbon(new ChartRibbon(UncertaintyRibbonName(band), band.Rows.Select(r => new RibbonPoint(r.Time.TotalDays, r.StoresLower.Micrograms, r.StoresUpper.Micrograms)), 0));
        }

        return new SvgFigure([serum, stores]).ToSvg();
    }

    /// <summary>The legend of the calibration band: what it is and what it is not.</summary>
    internal static string UncertaintyRibbonName(CalibrationBand band) =>
        string.Create(CultureInfo.InvariantCulture, $"calibration uncertainty, 5-95 % of {band.Draws} parameter sets (not between-person variation)");

    /// <summary>The JSON fields <c>--uncertainty</c> adds, as <c>--help</c> states them.</summary>
    internal const string UncertaintyFields = "calibration_uncertainty (what: \"calibration\", the model's uncertainty for this one person, not between-person variation or assay noise; description, draws, seed, level 0.9; series of time_h, time_d, serum_pg_per_ml_p5, serum_pg_per_ml_p50, serum_pg_per_ml_p95, holotc_pmol_per_l_p5, holotc_pmol_per_l_p50, holotc_pmol_per_l_p95, stores_ug_p5, stores_ug_p50, stores_ug_p95), before series.";

    /// <summary>Whether positive values span a factor of ten or more (a log axis shows them better than a linear one).</summary>
    internal static bool SpansDecades(IReadOnlyCollection<double> values) =>
        values.All(v => v > 0) && values.Max() >= 10 * values.Min();

    /// <summary>The JSON contract of issue 4, with the inputs (issue 13); the series rows have the CSV's field names (<see cref="SimulationResult.CsvColumns"/>).</summary>
    /// <param name="Inputs">What the run was given.</param>
    /// <param name="Summary">The totals.</param>
    /// <param name="Guideline">The guideline's verdict on the final value: what the text output prints.</param>
    /// <param name="Series">The rows: a sequence, or rows <see cref="CliJson.Produced{T}"/> as the simulation makes them.</param>
    private sealed record SimulationJson(InputsJson Inputs, SummaryJson Summary, VerdictJson Guideline, object Series);

    /// <summary>
    /// The guideline's band for the final value (total serum B12, or holoTC for an active-B12 guideline): JSON
    /// <c>guideline</c> with <c>id</c>, <c>name</c>, <c>analyte</c>, <c>final_value</c>, <c>unit</c>, <c>band</c> and <c>status</c>.
    /// </summary>
    private sealed record VerdictJson(string Id, string Name, string Analyte, double FinalValue, string Unit, string Band, string Status)
    {
        public static VerdictJson Of(SerumGuideline guideline, SimulationSummary summary)
        {
            var total = guideline.Analyte == SerumAnalyte.TotalB12;
            var band = total ? guideline.Classify(summary.FinalSerum) : guideline.Classify(summary.FinalHoloTranscobalamin);
            return new(
                guideline.Id,
                guideline.Name,
                total ? "serum_b12" : "holotc",
                total ? summary.FinalSerum.PicogramsPerMilliliter : summary.FinalHoloTranscobalamin.PicomolesPerLiter,
                total ? "pg/mL" : "pmol/L",
                band.Label,
                band.Status.ToString().ToLowerInvariant());
        }
    }

    /// <summary>
    /// Every subject of an <c>--events</c> table run without <c>--id</c>: the inputs (<c>id</c> null, <c>subjects</c> the
    /// IDs, <c>days</c> the longest run) and, keyed by ID, each subject's run.
    /// </summary>
    private sealed record SubjectsJson(InputsJson Inputs, object Subjects);

    /// <summary>One subject's run: its length (its last sample unless <c>--days</c>), its sample times (its sample records or <c>--times</c>; null on the <c>--step-hours</c> grid), totals, verdict and rows.</summary>
    private sealed record SubjectJson(double Days, IReadOnlyList<double>? SampleTimesDays, SummaryJson Summary, VerdictJson Guideline, object Series);

    /// <summary>What the run was given: enough to run it again (<c>subjects</c>: the IDs of a table run subject by subject).</summary>
    private sealed record InputsJson(
        string? Regimen,
        string? RegimenName,
        string? EventsFile,
        int? Id,
        string Condition,
        double InitialStoresUg,
        double Days,
        double? StepHours,
        IReadOnlyList<double>? SampleTimesDays,
        IReadOnlyList<double> SamplesAfterDoseH,
        string Guideline,
        string ModelVersion,
        IReadOnlyList<ParameterJson> Parameters)
    {
        /// <summary>The IDs of every subject, when an <c>--events</c> table was run without <c>--id</c>; null otherwise.</summary>
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<int>? Subjects { get; init; }
    }

    /// <summary>The totals, every final pool (so that the balance can be checked from the output alone) and the mass balance on its scale.</summary>
    private sealed record SummaryJson(double TotalDoseUg, double TotalAbsorbedUg, double TotalRetainedUg, double TotalExcretedUg, double TotalUrineUg, double TotalFaecesUg, double NotAbsorbedUg, double FinalStoresUg, double FinalSerumPgPerMl, double FinalSerumPmolPerL, double MassBalanceErrorUg, double InitialBodyUg, double FinalLabileUg, double FinalPlasmaUg, double FinalBodyUg, double FinalHolotcPmolPerL, double MassBalanceScaleUg, double MassBalanceRelativeError)
    {
        public static SummaryJson Of(SimulationSummary s) =>
            new(s.TotalDose.Micrograms, s.TotalAbsorbed.Micrograms, s.TotalRetained.Micrograms, s.TotalExcreted.Micrograms, s.TotalUrinaryLoss.Micrograms, s.TotalFaeces.Micrograms, s.TotalUnabsorbed.Micrograms, s.FinalStores.Micrograms, s.FinalSerum.PicogramsPerMilliliter, s.FinalSerumMolarity.PicomolesPerLiter, s.MassBalanceError.Micrograms,
                s.InitialBody.Micrograms, s.FinalLabile.Micrograms, s.FinalPlasma.Micrograms, s.FinalBody.Micrograms, s.FinalHoloTranscobalamin.PicomolesPerLiter, s.MassBalanceScale.Micrograms, s.MassBalanceRelativeError);
    }

    /// <summary>The JSON of a run with <c>--uncertainty</c>: <see cref="SimulationJson"/> with <c>calibration_uncertainty</c> before the series.</summary>
    private sealed record SimulationWithUncertaintyJson(InputsJson Inputs, SummaryJson Summary, VerdictJson Guideline, UncertaintyJson CalibrationUncertainty, object Series);

    /// <summary>The calibration band: <c>what</c> names it, <c>level</c> is the share of draws between the 5th and 95th percentiles.</summary>
    private sealed record UncertaintyJson(string What, string Description, int Draws, ulong Seed, double Level, IReadOnlyList<UncertaintyRowJson> Series)
    {
        public static UncertaintyJson Of(CalibrationBand band) => new(
            "calibration",
            "The calibration's covariance (docs/calibration.md) propagated to this run: percentiles over parameter sets drawn from it, for this one person; not between-person variation (b12 population) and not assay noise.",
            band.Draws,
            band.Seed,
            0.9,
            [.. band.Rows.Select(r => new UncertaintyRowJson(
                r.Time.TotalHours, r.Time.TotalDays,
                r.SerumLower.PicogramsPerMilliliter, r.SerumMedian.PicogramsPerMilliliter, r.SerumUpper.PicogramsPerMilliliter,
                r.HoloTranscobalaminLower.PicomolesPerLiter, r.HoloTranscobalaminMedian.PicomolesPerLiter, r.HoloTranscobalaminUpper.PicomolesPerLiter,
                r.StoresLower.Micrograms, r.StoresMedian.Micrograms, r.StoresUpper.Micrograms))]);
    }

    /// <summary>One time of the calibration band.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "JSON field names")]
    private sealed record UncertaintyRowJson(
        double TimeH,
        double TimeD,
        [property: System.Text.Json.Serialization.JsonPropertyName("serum_pg_per_ml_p5")] double SerumP5,
        [property: System.Text.Json.Serialization.JsonPropertyName("serum_pg_per_ml_p50")] double SerumP50,
        [property: System.Text.Json.Serialization.JsonPropertyName("serum_pg_per_ml_p95")] double SerumP95,
        [property: System.Text.Json.Serialization.JsonPropertyName("holotc_pmol_per_l_p5")] double HolotcP5,
        [property: System.Text.Json.Serialization.JsonPropertyName("holotc_pmol_per_l_p50")] double HolotcP50,
        [property: System.Text.Json.Serialization.JsonPropertyName("holotc_pmol_per_l_p95")] double HolotcP95,
        [property: System.Text.Json.Serialization.JsonPropertyName("stores_ug_p5")] double StoresP5,
        [property: System.Text.Json.Serialization.JsonPropertyName("stores_ug_p50")] double StoresP50,
        [property: System.Text.Json.Serialization.JsonPropertyName("stores_ug_p95")] double StoresP95);
}

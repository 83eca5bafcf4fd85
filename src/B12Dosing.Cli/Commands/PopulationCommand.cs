using System.CommandLine;
using System.Globalization;
using B12Dosing.Charts;
using B12Dosing.Guidelines;
using B12Dosing.Absorption;
using B12Dosing.Absorption.Calibration;
using B12Dosing.Parameters;
using B12Dosing.Population;
using B12Dosing.Quantities;
using B12Dosing.Regimens;

namespace B12Dosing.Cli.Commands;

/// <summary>
/// <c>b12 population --regimen r --days N --patients N --seed S [--condition c] [--set NAME=VALUE] [--model 2|3] [--initial-stores amount]
/// [--initial-stores-spread σ] [--guideline id] [--threshold amount …] [--json | --csv] [--svg file] [--uncertainty N
/// [--uncertainty-seed S]]</c>: percentiles of stores and serum over time in a virtual population, the share of patients
/// below each serum line, and (with <c>--uncertainty</c>) the calibration's uncertainty of the median and the share.
/// </summary>
internal static class PopulationCommand
{
    private const int TextRows = 13;

    public static Command Create()
    {
        var regimen = new Option<string>("--regimen") { Required = true, HelpName = "name|notation", Description = $"A catalogue name ({string.Join(", ", RegimenCatalogue.Names)}) or a regimen in the notation (docs/regimens.md)." };
        var days = new Option<int>("--days") { Required = true, HelpName = "N", Description = $"Days to simulate: 1 or more, at most {Kinetics.SimulationSettings.MaximumHorizon.TotalDays} (100 years); one output row a day (every 2 days past {PopulationSettings.MaximumRows - 1} days)." };
        var patients = new Option<int>("--patients") { Required = true, HelpName = "N", Description = "Number of virtual patients: 1 or more." };
        var seed = new Option<ulong>("--seed") { Required = true, HelpName = "S", Description = "Seed (0 or more): the same seed gives the same result, whatever the number of cores." };
        var condition = new Option<string>("--condition") { HelpName = "c", Description = "healthy (default), another condition, or a mix such as \"pernicious-anemia=0.7,atrophic-gastritis=0.3\".", DefaultValueFactory = _ => "healthy" };
        var initial = new Option<string>("--initial-stores") { HelpName = "amount", Description = $"The median of the patients' body stores at the start, quoted: default \"{QuantityText.Format(PopulationModel.Default.MedianInitialStores)}\" (Carmel 2008); \"150 µg\" for a population that starts depleted." };
        var spread = new Option<double?>("--initial-stores-spread") { HelpName = "σ", Description = $"The spread of the starting stores: σ of their logarithm, 0 (all the same) to 3; default {PopulationModel.Default.InitialStores.LogStandardDeviation.ToString(CultureInfo.InvariantCulture)}, truncated to {PopulationModel.Default.InitialStores.MinimumFactor.ToString(CultureInfo.InvariantCulture)}-{PopulationModel.Default.InitialStores.MaximumFactor.ToString(CultureInfo.InvariantCulture)} times the median.", CustomParser = r => CliNumbers.ParseDouble(r) };
        var guideline = new Option<string[]>("--guideline") { HelpName = "id", Description = "Count the share below each line of this guideline's bands; repeat it for several: nice (serum 180 and 350 pg/mL), who, us-lab, or nice-active (holoTC 25 and 70 pmol/L).", Arity = ArgumentArity.ZeroOrMore };
        var threshold = new Option<string[]>("--threshold") { HelpName = "amount", Description = "Count the share below this line, quoted: serum B12 (\"350 pg/mL\", \"258 pmol/L\") or, with the word holoTC, active B12 (\"holoTC 35 pmol/L\"); repeat it for several lines. Serum's default, without a serum line: 180 pg/mL (NICE NG239).", AllowMultipleArgumentsPerToken = true };
        var set = CliOptions.Set();
        var model = CliOptions.Model();
        var json = new Option<bool>("--json") { Description = "Print one JSON object with the inputs (and model version) and the full percentile series." };
        var csv = new Option<bool>("--csv") { Description = "Print every row as CSV: day, the percentiles of stores and serum, and the share below each line (units in the header)." };
        var svg = new Option<string?>("--svg") { HelpName = "file", Description = "Write an SVG figure to this file: serum percentiles (log axis) against the lines, the share below each line, and stores." };
        var uncertainty = CliOptions.Uncertainty(UncertaintyFields);
        var uncertaintySeed = CliOptions.UncertaintySeed();
        svg.Validators.Add(CliOptions.FileName);
        var command = new Command("population", "Simulate a virtual population on a regimen: percentiles (5, 25, 50, 75, 95) of stores and serum B12 over time and the share below each serum or holoTC line (180 pg/mL, NICE NG239, by default). Example: b12 population --regimen bnf-no-neuro --days 365 --patients 10000 --seed 1 --condition pernicious-anemia")
        {
            regimen, days, patients, seed, condition, set, model, initial, spread, guideline, threshold, json, csv, svg, uncertainty, uncertaintySeed,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(json) && r.GetValue(csv))
            {
                r.AddError("--json and --csv cannot be used together.");
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
            // Ctrl+C (SIGINT) cancels a long run between chunks of patients: one line on stderr, exit code 130.
            using var cancel = new CancellationTokenSource();
            using var onInterrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(
                System.Runtime.InteropServices.PosixSignal.SIGINT,
                context =>
                {
                    context.Cancel = true;
                    cancel.Cancel();
                });
            var cancellationToken = cancel.Token;
            var horizonDays = result.GetValue(days);
            if (horizonDays < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(days), horizonDays, "--days must be 1 or more.");
            }

            var count = result.GetValue(patients);
            if (count < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(patients), count, "--patients must be 1 or more.");
            }

            // One row a day, or every few days past PopulationSettings.MaximumRows rows (about 55 years).
            var stepDays = Math.Max(1, (int)Math.Ceiling(horizonDays / (double)(PopulationSettings.MaximumRows - 1)));
            var settings = CliInput.Check("--days", () => new PopulationSettings(count, TimeSpan.FromDays(horizonDays), result.GetValue(seed)) { Step = TimeSpan.FromDays(stepDays) });
            var mix = ConditionMix.Parse(result.GetRequiredValue(condition));
            var changes = CliOptions.Changes(result, set);
            var basis = CliOptions.UnderModel(result, model, PopulationModel.Default.Parameters);
            settings = CliInput.Check("--condition", () => settings with { Model = PopulationModel.Default with { Parameters = basis, Conditions = mix, Changes = changes } });
            if (result.GetValue(initial) is { } median)
            {
                var stores = QuantityText.ParseMass(median, CultureInfo.InvariantCulture);
                settings = CliInput.Check("--initial-stores", () => settings with { Model = settings.Model with { MedianInitialStores = stores } });
            }

            if (result.GetValue(spread) is { } sigma)
            {
                var variation = settings.Model.InitialStores;
                settings = CliInput.Check("--initial-stores-spread", () => settings with { Model = settings.Model with { InitialStores = new Variation(sigma, variation.MinimumFactor, variation.MaximumFactor) } });
            }

            var (lines, holoLines) = Lines(result.GetValue(guideline) ?? [], result.GetValue(threshold) ?? []);
            var chosen = CliOptions.ResolveRegimen(result.GetRequiredValue(regimen));
            var error = result.InvocationConfiguration.Error;
            var bar = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? new ProgressBar(error) : null;

            // One run per line: the same seed gives the same patients, so the percentiles agree and each run counts its line exactly.
            // The holoTC lines are counted in the first run (exact counts, whatever their number).
            var runs = lines.Select((line, k) => CliInput.Check("--threshold", () => settings with
                {
                    SerumThreshold = MassConcentration.FromPicogramsPerMilliliter(line),
                    HoloTranscobalaminThresholds = k == 0 ? [.. holoLines.Select(h => Molarity.FromPicomolesPerLiter(h))] : [],
                }))
                .Select(s => bar is null ? CliInput.Check("--regimen", () => PopulationSimulator.Run(chosen, s, cancellationToken)) : RunWithProgressBar(chosen, s, bar, cancellationToken))
                .ToArray();
            var output = result.InvocationConfiguration.Output;
            var band = result.GetValue(uncertainty) is { } draws ? Uncertainty(chosen, runs[0].Settings, draws, result.GetValue(uncertaintySeed), cancellationToken) : null;
            var inputs = new PopulationInputsJson(
                chosen.ToString(),
                result.GetRequiredValue(regimen),
                settings.Model.Conditions.ToString(),
                count,
                settings.Seed,
                horizonDays,
                settings.Model.MedianInitialStores.Micrograms,
                settings.Model.InitialStores.LogStandardDeviation,
                result.GetValue(guideline) is { Length: > 0 } ids ? string.Join(",", ids) : null,
                lines,
                holoLines,
                CliOptions.ModelVersion);
            if (result.GetValue(svg) is { } file)
            {
                var figure = Figure(inputs, runs, band);
                CliFiles.Write("--svg", file, w => w.Write(figure));
            }

            var report = PopulationJson.Of(inputs, runs) with { CalibrationUncertainty = band };
            if (result.GetValue(json))
            {
                CliJson.Write(output, report);
            }
            else if (result.GetValue(csv))
            {
                ResultTables.PopulationLayout(runs, "R").Write(output, Enumerable.Range(0, runs[0].Times.Count));
            }
            else
            {
                WriteText(output, report);
            }

            return B12Cli.Success;
        });
        return command;
    }

    /// <summary>
    /// The lines to count the share below, in order: serum lines in pg/mL (each line of every total-B12 <c>--guideline</c>'s
    /// bands and each serum <c>--threshold</c>; 180 pg/mL, NICE NG239, when there is none) and holoTC lines in pmol/L (each
    /// line of every active-B12 guideline's bands, such as nice-active, and each <c>--threshold "holoTC …"</c>).
    /// </summary>
    private static (double[] Serum, double[] HoloTranscobalamin) Lines(string[] guidelines, string[] thresholds)
    {
        var (serum, holo) = (new List<double>(), new List<double>());
        foreach (var id in guidelines)
        {
            var chosen = CliInput.Check("--guideline", () => SerumGuidelines.Get(id));
            var active = chosen.Analyte != SerumAnalyte.TotalB12;
            (active ? holo : serum).AddRange(chosen.Bands.Select(b => b.Upper).Where(double.IsFinite)
                .Select(u => chosen.ThresholdIn(u, active ? SerumUnit.PicomolesPerLiter : SerumUnit.PicogramsPerMilliliter)));
        }

        foreach (var text in thresholds)
        {
            var trimmed = text.Trim();
            var word = HoloWords.FirstOrDefault(w => trimmed.StartsWith(w + " ", StringComparison.OrdinalIgnoreCase));
            var amount = word is null ? trimmed : trimmed[word.Length..].Trim();
            try
            {
                // Each line in its own unit as given, converted (through the molar mass of cyanocobalamin) only when needed.
                var molar = QuantityText.TryParse(amount, CultureInfo.InvariantCulture, out Molarity m);
                var mass = molar ? default : QuantityText.ParseMassConcentration(amount, CultureInfo.InvariantCulture);
                if (word is null)
                {
                    serum.Add(molar ? m.ToMassConcentration(CobalaminForm.Cyanocobalamin).PicogramsPerMilliliter : mass.PicogramsPerMilliliter);
                }
                else
                {
                    holo.Add(molar ? m.PicomolesPerLiter : mass.ToMolarity(CobalaminForm.Cyanocobalamin).PicomolesPerLiter);
                }
            }
            catch (FormatException e)
            {
                throw new CliUsageException($"--threshold: {e.Message} (a serum B12 line such as \"350 pg/mL\" or \"258 pmol/L\", or a holoTC line such as \"holoTC 35 pmol/L\")", e);
            }
        }

        if (holo.Any(h => !(h > 0)))
        {
            throw CliInput.Invalid("--threshold", "holoTC 0", "a holoTC line must be more than zero");
        }

        return (serum.Count == 0 ? [PopulationSettings.NiceDeficiencyLikely.PicogramsPerMilliliter] : [.. serum.Distinct().Order()], [.. holo.Distinct().Order()]);
    }

    /// <summary>The words that make a <c>--threshold</c> a holoTC line.</summary>
    private static readonly string[] HoloWords = ["holotc", "holo-tc", "active"];

    /// <summary>The JSON fields <c>--uncertainty</c> adds, as <c>--help</c> states them.</summary>
    internal const string UncertaintyFields = "calibration_uncertainty (what: \"calibration\", description, draws, seed, level 0.9, day, and the 5th, 50th and 95th percentiles over the parameter sets drawn (p5, p50, p95) of the population's median serum, serum_median_pg_per_ml, and of its share below the first line, share_below_threshold); it is the model's uncertainty, apart from the between-person percentiles of serum_pg_per_ml.";

    /// <summary>
    /// The calibration's uncertainty of the population: the same patients run under <paramref name="draws"/> parameter sets
    /// drawn from the calibration around the condition's set (with every <c>--set</c>), and at each row the 5th, 50th and
    /// 95th percentiles over the draws of the population's median serum and of its share below the first line.
    /// </summary>
    private static PopulationUncertaintyJson Uncertainty(Regimen regimen, PopulationSettings settings, int draws, ulong seed, CancellationToken cancellationToken)
    {
        if (settings.Model.Conditions.Shares.Count != 1)
        {
            throw new CliUsageException("--uncertainty: draws the calibration around one condition's parameter set; give one --condition, not a mix.");
        }

        var basis = settings.Model.ParametersFor(settings.Model.Conditions.Shares[0].Condition);
        var changes = CliInput.Check("--uncertainty", () => CliOptions.CalibrationOf(basis).DrawChanges(basis, draws, seed));
        var runs = changes
            .Select(drawn => ParameterChanges.Of([.. settings.Model.Changes.Select(v => (v.Parameter.Name, v.Value)), .. drawn.Select(v => (v.Parameter.Name, v.Value))]))
            .Select(combined => CliInput.Check("--uncertainty", () => PopulationSimulator.Run(regimen, settings with { Model = settings.Model with { Changes = combined } }, cancellationToken)))
            .ToArray();
        return PopulationUncertaintyJson.Of(runs, draws, seed);
    }

    /// <summary>Serum percentiles on a log axis against the lines, the share below each line, and stores; titled with the inputs; with the calibration band where there is one.</summary>
    private static string Figure(PopulationInputsJson inputs, PopulationResult[] runs, PopulationUncertaintyJson? band)
    {
        var population = runs[0];
        var time = new ChartAxis("Time (days)");
        var c = CultureInfo.InvariantCulture;
        var who = string.Create(c, $"{inputs.Patients} patients ({inputs.Condition}), stores from {inputs.InitialStoresMedianUg:0.#} µg (median, σ {inputs.InitialStoresSpread:0.##})");
        SvgChart Percentiles(string title, string axis, AxisScale scale, PercentileSeries p) =>
            new SvgChart(title, time, new ChartAxis(axis, scale), [new ChartSeries("median", population.Times.Select((t, i) => new ChartPoint(t.TotalDays, p.P50[i])))])
                .WithRibbon(new ChartRibbon("25th-75th percentile (darker)", population.Times.Select((t, i) => new RibbonPoint(t.TotalDays, p.P25[i], p.P75[i])), 0))
                .WithRibbon(new ChartRibbon("5th-95th percentile", population.Times.Select((t, i) => new RibbonPoint(t.TotalDays, p.P5[i], p.P95[i])), 0));
        var serum = Percentiles($"Serum B12: {inputs.RegimenName}; {who}", "Serum B12 (pg/mL)", AxisScale.Log10, population.Serum)
            .WithBands(runs.Select(r => new ThresholdBand(string.Create(c, $"below {r.SerumThreshold.PicogramsPerMilliliter:0.#} pg/mL"), double.NegativeInfinity, r.SerumThreshold.PicogramsPerMilliliter, BandTone.Caution)));
        var share = new SvgChart(
            "Share of the population below each line",
            time,
            new ChartAxis("Share (%)", includeZero: true),
            [
                .. runs.Select((r, k) => new ChartSeries(string.Create(c, $"below {r.SerumThreshold.PicogramsPerMilliliter:0.#} pg/mL"), r.Times.Select((t, i) => new ChartPoint(t.TotalDays, 100 * r.ShareBelowThreshold[i]))) { PaletteIndex = k }),
                .. population.ShareBelowHoloTranscobalamin.Select((share, k) => new ChartSeries(string.Create(c, $"holoTC below {inputs.HolotcThresholdsPmolPerL[k]:0.#} pmol/L"), population.Times.Select((t, i) => new ChartPoint(t.TotalDays, 100 * share[i]))) { PaletteIndex = runs.Length + k }),
            ]);
        if (band is not null)
        {
            var name = string.Create(c, $"calibration uncertainty, 5-95 % of {band.Draws} parameter sets (not between-person variation)");
            serum = serum.WithRibbon(new ChartRibbon(name + ": median", band.Day.Select((d, i) => new RibbonPoint(d, band.SerumMedianPgPerMl.P5[i], band.SerumMedianPgPerMl.P95[i])), 2));
            share = share.WithRibbon(new ChartRibbon(name + string.Create(c, $": below {population.SerumThreshold.PicogramsPerMilliliter:0.#} pg/mL"), band.Day.Select((d, i) => new RibbonPoint(d, 100 * band.ShareBelowThreshold.P5[i], 100 * band.ShareBelowThreshold.P95[i])), 2));
        }

        var stores = Percentiles("Body stores", "Stores (µg)", AxisScale.Linear, population.Stores);
        return new SvgFigure([serum, share, stores]).ToSvg();
    }

    /// <summary>The run with a progress bar, which is cleared however the run ends: done, refused or cancelled (Ctrl+C).</summary>
    internal static PopulationResult RunWithProgressBar(Regimen regimen, PopulationSettings settings, ProgressBar bar, CancellationToken cancellationToken)
    {
        try
        {
            return CliInput.Check("--regimen", () => PopulationSimulator.Run(regimen, settings, bar, cancellationToken));
        }
        finally
        {
            bar.Clear();
        }
    }

    private static void WriteText(TextWriter output, PopulationJson r)
    {
        var c = CultureInfo.InvariantCulture;
        var i0 = r.Inputs;
        output.WriteLine(string.Create(c, $"{r.Patients} virtual patients ({r.Condition}), seed {r.Seed}, regimen: {r.Regimen}; stores at the start: median {i0.InitialStoresMedianUg:0.#} µg, σ {i0.InitialStoresSpread:0.##}"));
        output.WriteLine(string.Create(c, $"percentiles 5/25/50/75/95 (within {r.PercentileRelativeError:0.##%}); <N: share with serum below N pg/mL{(r.HolotcSharesBelow.Length > 0 ? "; holoTC<N: share with holoTC below N pmol/L" : string.Empty)}"));
        output.WriteLine($"{"day",6}  {"stores µg",-34}  {"serum pg/mL",-29}" + string.Concat(r.SharesBelow.Select(s => string.Create(c, $"  {"<" + s.ThresholdPgPerMl.ToString("0.#", c),6}")))
            + string.Concat(r.HolotcSharesBelow.Select(s => string.Create(c, $"  {"holoTC<" + s.ThresholdPmolPerL.ToString("0.#", c),10}"))));
        var last = r.Day.Length - 1;
        foreach (var i in Enumerable.Range(0, TextRows).Select(k => (int)Math.Round((double)k * last / (TextRows - 1))).Distinct())
        {
            output.WriteLine(string.Create(c, $"{r.Day[i],6:0.##}  {Five(r.StoresUg, i, "0"),-34}  {Five(r.SerumPgPerMl, i, "0"),-29}") + string.Concat(r.SharesBelow.Select(s => string.Create(c, $"  {s.Share[i],6:0.0%}")))
                + string.Concat(r.HolotcSharesBelow.Select(s => string.Create(c, $"  {s.Share[i],10:0.0%}"))));
        }

        if (r.CalibrationUncertainty is { } band)
        {
            output.WriteLine(string.Create(c, $"calibration uncertainty ({band.Draws} parameter sets drawn from the calibration's covariance, seed {band.Seed}; the model's uncertainty, not between-person variation), at the end, 5-95 %: median serum {band.SerumMedianPgPerMl.P5[^1]:0} to {band.SerumMedianPgPerMl.P95[^1]:0} pg/mL, share below {r.SerumThresholdPgPerMl:0.#} pg/mL {band.ShareBelowThreshold.P5[^1]:0.0%} to {band.ShareBelowThreshold.P95[^1]:0.0%}"));
        }

        output.WriteLine("Every row: --csv or --json. Research and teaching only; not medical advice.");
    }

    private static string Five(PercentilesJson p, int i, string format) =>
        string.Join(' ', new[] { p.P5[i], p.P25[i], p.P50[i], p.P75[i], p.P95[i] }.Select(v => v.ToString(format, CultureInfo.InvariantCulture)));

    /// <summary>A one-line progress bar on a terminal's standard error, redrawn when the percentage changes.</summary>
    internal sealed class ProgressBar(TextWriter error) : IProgress<PopulationProgress>
    {
        private readonly Lock _lock = new();
        private int _shown = -1;

        public void Report(PopulationProgress value)
        {
            var percent = (int)(value.Fraction * 100);
            lock (_lock)
            {
                if (percent <= _shown)
                {
                    return;
                }

                _shown = percent;
                error.Write($"\rpopulation [{new string('#', percent / 5),-20}] {percent,3}% ");
            }
        }

        public void Clear() => error.Write($"\r{new string(' ', 40)}\r");
    }
}

/// <summary>Three percentiles over the calibration draws of one population series (JSON <c>p5</c>, <c>p50</c>, <c>p95</c>).</summary>
internal sealed record DrawPercentilesJson(double[] P5, double[] P50, double[] P95)
{
    public static DrawPercentilesJson Of(double[][] byDraw)
    {
        var rows = byDraw[0].Length;
        double[] At(double p) => [.. Enumerable.Range(0, rows).Select(i => Quantile([.. byDraw.Select(d => d[i]).Order()], p))];
        return new(At(0.05), At(0.5), At(0.95));
    }

    private static double Quantile(double[] sorted, double p)
    {
        var x = p * (sorted.Length - 1);
        var i = (int)Math.Floor(x);
        return i + 1 < sorted.Length ? sorted[i] + ((x - i) * (sorted[i + 1] - sorted[i])) : sorted[i];
    }
}

/// <summary>The calibration's uncertainty of a population (JSON <c>calibration_uncertainty</c>): <c>what</c> names the band.</summary>
internal sealed record PopulationUncertaintyJson(string What, string Description, int Draws, ulong Seed, double Level, double[] Day, DrawPercentilesJson SerumMedianPgPerMl, DrawPercentilesJson ShareBelowThreshold)
{
    public static PopulationUncertaintyJson Of(PopulationResult[] runs, int draws, ulong seed) => new(
        "calibration",
        "The calibration's covariance (docs/calibration.md) propagated to the population: percentiles over parameter sets drawn from it of the population's median serum and of its share below the first line; the between-person percentiles are serum_pg_per_ml.",
        draws,
        seed,
        0.9,
        [.. runs[0].Times.Select(t => t.TotalDays)],
        DrawPercentilesJson.Of([.. runs.Select(r => r.Serum.P50.ToArray())]),
        DrawPercentilesJson.Of([.. runs.Select(r => r.ShareBelowThreshold.ToArray())]));
}

/// <summary>The five percentile series of one quantity (JSON <c>p5</c> … <c>p95</c>).</summary>
internal sealed record PercentilesJson(double[] P5, double[] P25, double[] P50, double[] P75, double[] P95)
{
    public static PercentilesJson Of(PercentileSeries s) => new([.. s.P5], [.. s.P25], [.. s.P50], [.. s.P75], [.. s.P95]);
}

/// <summary>What the run was given: enough to run it again, with the model version the numbers come from.</summary>
internal sealed record PopulationInputsJson(
    string Regimen,
    string RegimenName,
    string Condition,
    int Patients,
    ulong Seed,
    int Days,
    double InitialStoresMedianUg,
    double InitialStoresSpread,
    string? Guideline,
    double[] ThresholdsPgPerMl,
    double[] HolotcThresholdsPmolPerL,
    string ModelVersion);

/// <summary>The share of patients below one serum line at each row.</summary>
internal sealed record ShareBelowJson(double ThresholdPgPerMl, double[] Share);

/// <summary>The share of patients below one holoTC line at each row.</summary>
internal sealed record HolotcShareBelowJson(double ThresholdPmolPerL, double[] Share);

/// <summary>
/// The population report as the tool prints it (the JSON contract of issue 5, with <c>inputs</c> and one share series
/// per serum line in <c>shares_below</c> and per holoTC line in <c>holotc_shares_below</c>; <c>serum_threshold_pg_per_ml</c> and
/// <c>share_below_threshold</c> are the first serum line's).
/// </summary>
internal sealed record PopulationJson(
    PopulationInputsJson Inputs,
    string Regimen,
    string Condition,
    int Patients,
    ulong Seed,
    double SerumThresholdPgPerMl,
    double PercentileRelativeError,
    double[] Day,
    PercentilesJson StoresUg,
    PercentilesJson SerumPgPerMl,
    double[] ShareBelowThreshold,
    ShareBelowJson[] SharesBelow,
    HolotcShareBelowJson[] HolotcSharesBelow,
    ParameterSetJson[] Parameters)
{
    /// <summary>With <c>--uncertainty</c>: the calibration's band (absent otherwise).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public PopulationUncertaintyJson? CalibrationUncertainty { get; init; }

    public static PopulationJson Of(PopulationInputsJson inputs, PopulationResult[] runs)
    {
        var r = runs[0];
        return new(
            inputs,
            inputs.Regimen,
            r.Settings.Model.Conditions.ToString(),
            r.Patients,
            r.Settings.Seed,
            r.SerumThreshold.PicogramsPerMilliliter,
            PopulationResult.PercentileRelativeError,
            [.. r.Times.Select(t => t.TotalDays)],
            PercentilesJson.Of(r.Stores),
            PercentilesJson.Of(r.Serum),
            [.. r.ShareBelowThreshold],
            [.. runs.Select(run => new ShareBelowJson(run.SerumThreshold.PicogramsPerMilliliter, [.. run.ShareBelowThreshold]))],
            [.. r.ShareBelowHoloTranscobalamin.Select((share, k) => new HolotcShareBelowJson(inputs.HolotcThresholdsPmolPerL[k], [.. share]))],
            [.. r.Settings.Model.Conditions.Shares.Select(share => new ParameterSetJson(share.Condition.Name, ParameterJson.Of(r.Settings.Model.ParametersFor(share.Condition))))]);
    }
}

/// <summary>The parameter set the patients of one condition vary around (its preset with every <c>--set</c>).</summary>
internal sealed record ParameterSetJson(string Condition, ParameterJson[] Values);

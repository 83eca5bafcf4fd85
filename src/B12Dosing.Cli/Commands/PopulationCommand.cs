using System.CommandLine;
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Population;
using B12Dosing.Regimens;

namespace B12Dosing.Cli.Commands;

/// <summary>
/// <c>b12 population --regimen r --days N --patients N --seed S [--condition c] [--set NAME=VALUE] [--json]</c>: percentiles of stores and
/// serum over time in a virtual population, and the share of patients below the NICE serum line.
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
        var set = CliOptions.Set();
        var json = new Option<bool>("--json") { Description = "Print one JSON object with the full percentile series." };
        var command = new Command("population", "Simulate a virtual population on a regimen: percentiles (5, 25, 50, 75, 95) of stores and serum B12 over time and the share below 180 pg/mL (NICE NG239). Example: b12 population --regimen bnf-no-neuro --days 365 --patients 10000 --seed 1 --condition pernicious-anemia")
        {
            regimen, days, patients, seed, condition, set, json,
        };
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
            settings = CliInput.Check("--condition", () => settings with { Model = PopulationModel.Default with { Conditions = mix, Changes = changes } });
            var chosen = CliOptions.ResolveRegimen(result.GetRequiredValue(regimen));
            var error = result.InvocationConfiguration.Error;
            PopulationResult population;
            if (ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected)
            {
                var bar = new ProgressBar(error);
                population = RunWithProgressBar(chosen, settings, bar, cancellationToken);
            }
            else
            {
                population = CliInput.Check("--regimen", () => PopulationSimulator.Run(chosen, settings, cancellationToken));
            }

            var output = result.InvocationConfiguration.Output;
            var report = PopulationJson.Of(chosen, population);
            if (result.GetValue(json))
            {
                CliJson.Write(output, report);
            }
            else
            {
                WriteText(output, report);
            }

            return B12Cli.Success;
        });
        return command;
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
        output.WriteLine(string.Create(c, $"{r.Patients} virtual patients ({r.Condition}), seed {r.Seed}, regimen: {r.Regimen}"));
        output.WriteLine(string.Create(c, $"percentiles 5/25/50/75/95 (within {r.PercentileRelativeError:0.##%}); below: share with serum < {r.SerumThresholdPgPerMl:0} pg/mL (NICE NG239)"));
        output.WriteLine($"{"day",6}  {"stores µg",-34}  {"serum pg/mL",-29}  {"below",6}");
        var last = r.Day.Length - 1;
        foreach (var i in Enumerable.Range(0, TextRows).Select(k => (int)Math.Round((double)k * last / (TextRows - 1))).Distinct())
        {
            output.WriteLine(string.Create(c, $"{r.Day[i],6:0.##}  {Five(r.StoresUg, i, "0"),-34}  {Five(r.SerumPgPerMl, i, "0"),-29}  {r.ShareBelowThreshold[i],6:0.0%}"));
        }

        output.WriteLine("Every row: --json. Research and teaching only; not medical advice.");
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

/// <summary>The five percentile series of one quantity (JSON <c>p5</c> … <c>p95</c>).</summary>
internal sealed record PercentilesJson(double[] P5, double[] P25, double[] P50, double[] P75, double[] P95)
{
    public static PercentilesJson Of(PercentileSeries s) => new([.. s.P5], [.. s.P25], [.. s.P50], [.. s.P75], [.. s.P95]);
}

/// <summary>The population report as the tool prints it (the JSON contract of issue 5).</summary>
internal sealed record PopulationJson(
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
    ParameterSetJson[] Parameters)
{
    public static PopulationJson Of(Regimen regimen, PopulationResult r) => new(
        regimen.ToString(),
        r.Settings.Model.Conditions.ToString(),
        r.Patients,
        r.Settings.Seed,
        r.SerumThreshold.PicogramsPerMilliliter,
        PopulationResult.PercentileRelativeError,
        [.. r.Times.Select(t => t.Days)],
        PercentilesJson.Of(r.Stores),
        PercentilesJson.Of(r.Serum),
        [.. r.ShareBelowThreshold],
        [.. r.Settings.Model.Conditions.Shares.Select(share => new ParameterSetJson(share.Condition.Name(), ParameterJson.Of(r.Settings.Model.ParametersFor(share.Condition))))]);
}

/// <summary>The parameter set the patients of one condition vary around (its preset with every <c>--set</c>).</summary>
internal sealed record ParameterSetJson(string Condition, ParameterJson[] Values);

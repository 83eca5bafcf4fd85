using System.CommandLine;
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Estimation;
using B12Dosing.EventTables;
using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;

namespace B12Dosing.Cli.Commands;

/// <summary>
/// <c>b12 estimate (--regimen &lt;name or notation&gt; --observations "day 0: 160 pg/mL, …" | --events table.csv [--id N]
/// [--observations …]) [--condition c] [--cv 0.15] [--project-days N] [--json]</c>: one person's stores and absorption from
/// their blood tests (issue 19), the doses and blood tests from the options or from an event table (its DV with ANALYTE).
/// </summary>
internal static class EstimateCommand
{
    public static Command Create()
    {
        var regimen = CliOptions.Regimen();
        regimen.Required = false;
        var events = new Option<string?>("--events") { HelpName = "file", Description = "The doses and blood tests from a NONMEM-style event table (CSV; docs/event-tables.md) instead of --regimen: its dose records, and the DV of its sample records (EVID 0) with an ANALYTE column (serum or holotc), UNIT (pg/mL, ng/L or pmol/L; holotc pmol/L) and CENS 1 for a value below the limit of quantification (DV the limit)." };
        var id = new Option<int?>("--id") { HelpName = "N", Description = "With --events: the subject (ID) to estimate, if the table holds several." };
        var observations = new Option<string?>("--observations")
        {
            HelpName = "list",
            Description = "The blood tests (required with --regimen; with --events, added to the table's), quoted: 'day D: [holoTC] [<] value unit' separated by commas, for example \"day 0: 160 pg/mL, day 30: 420 pg/mL, day 30: holoTC 45 pmol/L\"; '<' marks a value below the limit of quantification (censored). pmol/L is total serum unless marked holoTC or active.",
        };
        var condition = CliOptions.Condition();
        var cv = new Option<double>("--cv") { HelpName = "fraction", Description = "The assay error, a coefficient of variation for both analytes (default 0.15: within-person variation about 15 %, Ricós 1999, with assay imprecision).", DefaultValueFactory = _ => AssayError.Default.TotalB12Cv, CustomParser = CliNumbers.ParseDouble };
        var projectDays = new Option<double?>("--project-days") { HelpName = "N", Description = "Project the person on the same regimen to this day (default the last observation + 180 days).", CustomParser = r => CliNumbers.ParseDouble(r) };
        var json = new Option<bool>("--json")
        {
            Description = "Print JSON: condition; parameters (name, unit, mode, lower, upper, factor, factor_lower, factor_upper, method: prior, laplace or importance_resampling, at_bound); fits (day, analyte, observed_pmol_per_l, below_limit, predicted_pmol_per_l, lower_pmol_per_l, upper_pmol_per_l); projection (day, serum_pg_per_ml, serum_lower_pg_per_ml, serum_upper_pg_per_ml, holotc_pmol_per_l, holotc_lower_pmol_per_l, holotc_upper_pmol_per_l, stores_ug, stores_lower_ug, stores_upper_ug); converged, iterations, log_evidence, effective_sample_share, warnings.",
        };
        var command = new Command("estimate", "Estimate one person's initial stores and absorption from their doses and blood tests (Bayesian, the population as prior; 90 % intervals) and project them. Example: b12 estimate --regimen \"100 µg oral daily for 4w\" --observations \"day 0: 150 pg/mL, day 14: 480 pg/mL, day 28: 620 pg/mL\" --condition atrophic-gastritis")
        {
            regimen, events, id, observations, condition, cv, projectDays, json,
        };
        command.Validators.Add(r =>
        {
            if ((r.GetResult(regimen) is null) == (r.GetResult(events) is null))
            {
                r.AddError("Give either --regimen (with --observations) or --events.");
            }

            if (r.GetResult(regimen) is not null && r.GetResult(observations) is null)
            {
                r.AddError("--observations is required with --regimen.");
            }

            if (r.GetResult(id) is not null && r.GetResult(events) is null)
            {
                r.AddError("--id chooses a subject of an --events table; without --events it would be ignored.");
            }
        });
        command.SetAction(result =>
        {
            var (doses, about, tableObservations) = History(result.GetValue(regimen), result.GetValue(events), result.GetValue(id));
            var observed = result.GetValue(observations) is { } list ? [.. tableObservations, .. Observation.ParseList(list)] : tableObservations;
            if (observed.Length == 0)
            {
                throw new CliUsageException($"--events {result.GetValue(events)}: subject {result.GetValue(id)?.ToString(CultureInfo.InvariantCulture) ?? "1"} has no blood tests (sample records with DV and ANALYTE); add them to the table or give --observations.");
            }

            var error = CliInput.Check("--cv", () => new AssayError(result.GetValue(cv), result.GetValue(cv)));
            var settings = EstimationSettings.Default with { Condition = Conditions.Parse(result.GetRequiredValue(condition)), Assay = error };
            var last = observed.Max(o => o.Time);
            var horizonDays = result.GetValue(projectDays) ?? Math.Ceiling(last.TotalDays) + 180;
            if (!(horizonDays > 0 && horizonDays <= SimulationSettings.MaximumHorizon.TotalDays))
            {
                throw new ArgumentOutOfRangeException(nameof(projectDays), horizonDays, $"--project-days must be more than 0 and at most {SimulationSettings.MaximumHorizon.TotalDays}.");
            }

            var horizon = TimeSpan.FromDays(horizonDays);
            var history = doses(horizon);
            var estimate = CliInput.Check(result.GetValue(events) is null ? "--observations" : "--events", () => Estimator.Estimate(history, observed, settings));
            var step = TimeSpan.FromDays(Math.Max(1, Math.Ceiling(horizonDays / 60)));
            var projection = estimate.Project(history, horizon, step);
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(json))
            {
                CliJson.Write(output, EstimateJson.Of(estimate, projection));
                return B12Cli.Success;
            }

            output.WriteLine($"Estimate for {estimate.Condition.Name()} on {about} (90 % intervals; research and teaching only, not medical advice):");
            foreach (var p in estimate.Parameters)
            {
                output.WriteLine($"  {p}");
            }

            output.WriteLine("Observed against the model (pmol/L; the band is the model over the posterior, without the assay error):");
            foreach (var f in estimate.Fits)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {f.Observation}: model {f.Predicted.PicomolesPerLiter:0.#} (90 % {f.Lower.PicomolesPerLiter:0.#}-{f.Upper.PicomolesPerLiter:0.#})"));
            }

            var end = projection.Rows[^1];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Projected on the same {(result.GetValue(events) is null ? "regimen" : "doses")}, day {end.Time.TotalDays:0}: serum {end.Serum.PicogramsPerMilliliter:0} pg/mL (90 % {end.SerumLower.PicogramsPerMilliliter:0}-{end.SerumUpper.PicogramsPerMilliliter:0}), holoTC {end.HoloTranscobalamin.PicomolesPerLiter:0.#} pmol/L (90 % {end.HoloTranscobalaminLower.PicomolesPerLiter:0.#}-{end.HoloTranscobalaminUpper.PicomolesPerLiter:0.#}), stores {end.Stores.Micrograms:0} µg (90 % {end.StoresLower.Micrograms:0}-{end.StoresUpper.Micrograms:0})."));
            foreach (var w in estimate.Warnings)
            {
                output.WriteLine($"warning: {w}");
            }

            return B12Cli.Success;
        });
        return command;
    }

    /// <summary>
    /// The doses (up to a horizon), their description and the blood tests of the history: from <c>--regimen</c> (no tests:
    /// they come from <c>--observations</c>), or from subject <paramref name="id"/> of the <c>--events</c> table (its doses
    /// and the DV of its sample records).
    /// </summary>
    private static (Func<TimeSpan, IReadOnlyList<DoseEvent>> Doses, string About, System.Collections.Immutable.ImmutableArray<Observation> Observations) History(string? regimen, string? events, int? id)
    {
        if (regimen is not null)
        {
            var r = CliOptions.ResolveRegimen(regimen);
            return (horizon => CliInput.Check("--regimen", () => r.Events(horizon)), r.ToString(), []);
        }

        var table = CliFiles.Read("--events", events!, EventTable.Read);
        var subject = id ?? (table.Ids.Count == 1 ? table.Ids[0]
            : throw new CliUsageException(table.Ids.Count == 0 ? $"--events {events}: the event table has no records." : $"--events {events}: the event table holds {table.Ids.Count} subjects ({string.Join(", ", table.Ids.Take(10))}{(table.Ids.Count > 10 ? ", …" : string.Empty)}); choose one with --id."));
        var doses = CliInput.Check("--id", () => table.Events(subject));
        System.Collections.Immutable.ImmutableArray<Observation> observed;
        try
        {
            observed = table.Observations(subject);
        }
        catch (FormatException e)
        {
            throw new CliUsageException($"--events {events}: {e.Message}", e);
        }

        return (horizon => [.. doses.Where(d => d.Time < horizon)], string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(events)}, subject {subject} ({table.ToRegimen(subject)})"), observed);
    }

    private sealed record EstimateJson(
        string Condition,
        IReadOnlyList<ParameterJson> Parameters,
        IReadOnlyList<FitJson> Fits,
        IReadOnlyList<ProjectionJson> Projection,
        bool Converged,
        int Iterations,
        double LogEvidence,
        double EffectiveSampleShare,
        IReadOnlyList<string> Warnings)
    {
        public static EstimateJson Of(PersonEstimate e, EstimateProjection projection) => new(
            e.Condition.Name(),
            [.. e.Parameters.Select(p => new ParameterJson(p.Name, p.Unit, p.Values.Mode, p.Values.Lower, p.Values.Upper, p.Factor, p.LowerFactor, p.UpperFactor, p.Method, p.AtBound))],
            [.. e.Fits.Select(f => new FitJson(f.Observation.Time.TotalDays, f.Observation.Analyte == SerumAnalyte.TotalB12 ? "total" : "holotc", f.Observation.Concentration.PicomolesPerLiter, f.Observation.IsBelowLimit, f.Predicted.PicomolesPerLiter, f.Lower.PicomolesPerLiter, f.Upper.PicomolesPerLiter))],
            [.. projection.Rows.Select(r => new ProjectionJson(r.Time.TotalDays, r.Serum.PicogramsPerMilliliter, r.SerumLower.PicogramsPerMilliliter, r.SerumUpper.PicogramsPerMilliliter, r.HoloTranscobalamin.PicomolesPerLiter, r.HoloTranscobalaminLower.PicomolesPerLiter, r.HoloTranscobalaminUpper.PicomolesPerLiter, r.Stores.Micrograms, r.StoresLower.Micrograms, r.StoresUpper.Micrograms))],
            e.Converged,
            e.Iterations,
            e.LogEvidence,
            e.EffectiveSampleShare,
            e.Warnings);
    }

    private sealed record ParameterJson(string Name, string Unit, double Mode, double Lower, double Upper, double Factor, double FactorLower, double FactorUpper, IntervalMethod Method, bool AtBound);

    private sealed record FitJson(double Day, string Analyte, double ObservedPmolPerL, bool BelowLimit, double PredictedPmolPerL, double LowerPmolPerL, double UpperPmolPerL);

    private sealed record ProjectionJson(double Day, double SerumPgPerMl, double SerumLowerPgPerMl, double SerumUpperPgPerMl, double HolotcPmolPerL, double HolotcLowerPmolPerL, double HolotcUpperPmolPerL, double StoresUg, double StoresLowerUg, double StoresUpperUg);
}

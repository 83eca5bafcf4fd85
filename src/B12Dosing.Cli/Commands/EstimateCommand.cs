using System.CommandLine;
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Estimation;
using B12Dosing.Guidelines;
using B12Dosing.Kinetics;
using B12Dosing.Quantities;

namespace B12Dosing.Cli.Commands;

/// <summary>
/// <c>b12 estimate --regimen &lt;name or notation&gt; --observations "day 0: 160 pg/mL, …" [--condition c] [--cv 0.15]
/// [--project-days N] [--json]</c>: one person's stores and absorption from their blood tests (issue 19).
/// </summary>
internal static class EstimateCommand
{
    public static Command Create()
    {
        var regimen = CliOptions.Regimen();
        var observations = new Option<string>("--observations")
        {
            Required = true,
            HelpName = "list",
            Description = "The blood tests, quoted: 'day D: [holoTC] [<] value unit' separated by commas, for example \"day 0: 160 pg/mL, day 30: 420 pg/mL, day 30: holoTC 45 pmol/L\"; '<' marks a value below the limit of quantification (censored). pmol/L is total serum unless marked holoTC or active.",
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
            regimen, observations, condition, cv, projectDays, json,
        };
        command.SetAction(result =>
        {
            var r = CliOptions.ResolveRegimen(result.GetRequiredValue(regimen));
            var observed = Observation.ParseList(result.GetRequiredValue(observations));
            var error = CliInput.Check("--cv", () => new AssayError(result.GetValue(cv), result.GetValue(cv)));
            var settings = EstimationSettings.Default with { Condition = CliOptions.ParseCondition(result, condition), Assay = error };
            var last = observed.Max(o => o.Time);
            var horizonDays = result.GetValue(projectDays) ?? Math.Ceiling(last.TotalDays) + 180;
            if (!(horizonDays > 0 && horizonDays <= SimulationSettings.MaximumHorizon.TotalDays))
            {
                throw new ArgumentOutOfRangeException(nameof(projectDays), horizonDays, $"--project-days must be more than 0 and at most {SimulationSettings.MaximumHorizon.TotalDays}.");
            }

            var estimate = CliInput.Check("--observations", () => Estimator.Estimate(r, observed, settings));
            var horizon = TimeSpan.FromDays(horizonDays);
            var step = TimeSpan.FromDays(Math.Max(1, Math.Ceiling(horizonDays / 60)));
            var projection = estimate.Project(r, horizon, step);
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(json))
            {
                CliJson.Write(output, EstimateJson.Of(estimate, projection));
                return B12Cli.Success;
            }

            output.WriteLine($"Estimate for {estimate.Condition.Name} on {r} (90 % intervals; research and teaching only, not medical advice):");
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
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Projected on the same regimen, day {end.Time.TotalDays:0}: serum {end.Serum.PicogramsPerMilliliter:0} pg/mL (90 % {end.SerumLower.PicogramsPerMilliliter:0}-{end.SerumUpper.PicogramsPerMilliliter:0}), holoTC {end.HoloTranscobalamin.PicomolesPerLiter:0.#} pmol/L (90 % {end.HoloTranscobalaminLower.PicomolesPerLiter:0.#}-{end.HoloTranscobalaminUpper.PicomolesPerLiter:0.#}), stores {end.Stores.Micrograms:0} µg (90 % {end.StoresLower.Micrograms:0}-{end.StoresUpper.Micrograms:0})."));
            foreach (var w in estimate.Warnings)
            {
                output.WriteLine($"warning: {w}");
            }

            return B12Cli.Success;
        });
        return command;
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
            e.Condition.Name,
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

using System.CommandLine;
using System.Globalization;
using B12Dosing.Absorption;
using B12Dosing.Dosing;
using B12Dosing.Guidelines;
using B12Dosing.Quantities;
using B12Dosing.Targets;

namespace B12Dosing.Cli.Commands;

/// <summary>
/// <c>b12 target --route r --dose amount [--interval 30d] --condition c (--guideline id | --line value) [--share p]
/// [--initial-stores amount] [--from-days N] [--span-days N] [--json]</c>: the longest interval (or, with
/// <c>--interval</c>, the smallest dose) that keeps trough serum or holoTC above a line (issue 19).
/// </summary>
internal static class TargetCommand
{
    public static Command Create()
    {
        var route = new Option<string>("--route") { HelpName = "route", Description = "The route of the maintenance dose: oral, sublingual, intranasal, im, sc or iv (default im).", DefaultValueFactory = _ => "im" };
        var dose = new Option<string?>("--dose") { HelpName = "amount", Description = "The maintenance dose, quoted, for example \"1 mg\": solve for the longest interval. Not with --interval." };
        var interval = new Option<string?>("--interval") { HelpName = "duration", Description = "The maintenance interval, for example 30d or 1w: solve for the smallest dose (steps of 100 a decade). Not with --dose." };
        var form = new Option<string>("--form") { HelpName = "form", Description = "The form: cyanocobalamin (default), hydroxocobalamin, methylcobalamin, adenosylcobalamin.", DefaultValueFactory = _ => "cyanocobalamin" };
        var condition = CliOptions.Condition();
        var guideline = new Option<string>("--guideline") { HelpName = "id", Description = $"The line: the top of the guideline's lowest band ({string.Join(", ", SerumGuidelines.All.Select(g => g.Id))}; default nice, 180 pg/mL total; nice-active 25 pmol/L holoTC). Not with --line.", DefaultValueFactory = _ => "nice" };
        var line = new Option<string?>("--line") { HelpName = "value", Description = "A line of your own instead of a guideline: total serum in pg/mL or pmol/L (\"200 pg/mL\"), or holoTC with the word holoTC (\"holoTC 35 pmol/L\")." };
        var share = new Option<double?>("--share") { HelpName = "p", Description = "Solve for a population: the share (0 to 1, for example 0.9) that must stay above the line, with its 95 % interval (probability of target attainment).", CustomParser = r => CliNumbers.ParseDouble(r) };
        var patients = new Option<int>("--patients") { HelpName = "N", Description = "With --share: people simulated (default 500).", DefaultValueFactory = _ => 500 };
        var initial = new Option<string>("--initial-stores") { HelpName = "amount", Description = "Body stores at the start, quoted (default \"2500 µg\"; a deficient person has far less, for example \"300 µg\").", DefaultValueFactory = _ => "2500 µg" };
        var from = new Option<double>("--from-days") { HelpName = "N", Description = "From which day the line must hold (default 365).", DefaultValueFactory = _ => 365, CustomParser = CliNumbers.ParseDouble };
        var span = new Option<double>("--span-days") { HelpName = "N", Description = "For how many days after --from-days it must hold (default 365; also the longest interval searched).", DefaultValueFactory = _ => 365, CustomParser = CliNumbers.ParseDouble };
        var json = new Option<bool>("--json")
        {
            Description = "Print JSON: solved_for (interval or dose), attained, line (name, analyte, level_pmol_per_l), answer and beyond (regimen, dose_ug, interval_days, lowest_pmol_per_l, share, passes), share_lower, share_upper, monotone, probes (as answer), note.",
        };
        var command = new Command("target", "The longest maintenance interval for a dose (or, with --interval, the smallest dose) that keeps trough serum or holoTC above a guideline's line, for a person or a share of a population; confirmed by simulation, the next longer interval or smaller dose shown to fail. Example: b12 target --route im --dose \"1 mg\" --condition pernicious-anemia --guideline nice --initial-stores \"300 µg\"")
        {
            route, dose, interval, form, condition, guideline, line, share, patients, initial, from, span, json,
        };
        command.Validators.Add(r =>
        {
            if ((r.GetResult(dose) is null) == (r.GetResult(interval) is null))
            {
                r.AddError("Give either --dose (to solve for the interval) or --interval (to solve for the dose).");
            }

            if (r.GetResult(line) is not null && r.GetResult(guideline) is { Implicit: false })
            {
                r.AddError("--line and --guideline cannot be used together.");
            }
        });
        command.SetAction(result =>
        {
            var chosenRoute = CliInput.Check("--route", () => Routes.Parse(result.GetRequiredValue(route)));
            var chosenForm = CliInput.Check("--form", () => CobalaminForms.Parse(result.GetRequiredValue(form)));
            var target = result.GetValue(line) is { } text ? ParseLine(text) : TargetLine.FromGuideline(CliInput.Check("--guideline", () => SerumGuidelines.Get(result.GetRequiredValue(guideline))));
            var settings = CliInput.Check("--condition", () => TargetSettings.ForCondition(CliOptions.ParseCondition(result, condition)));
            settings = CliInput.Check(Options, () => settings with
            {
                InitialStores = QuantityText.ParseMass(result.GetRequiredValue(initial), CultureInfo.InvariantCulture),
                From = Days(result.GetValue(from), "--from-days"),
                Span = Days(result.GetValue(span), "--span-days"),
                Share = result.GetValue(share) ?? 0,
                Patients = result.GetValue(patients),
            });
            if (result.GetValue(share) is { } s && !(s > 0 && s < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(share), s, "--share must be more than 0 and less than 1.");
            }

            TargetAnswer answer;
            if (result.GetValue(dose) is { } amount)
            {
                var maintenance = CliInput.Check("--dose", () => Dose.Create(QuantityText.ParseMass(amount, CultureInfo.InvariantCulture), chosenRoute, chosenForm));
                answer = TargetSolver.LongestInterval(maintenance, target, settings);
            }
            else
            {
                var every = CliTimes.ParseDurations(result.GetValue(interval) ?? string.Empty, "--interval");
                if (every.Length != 1)
                {
                    throw new ArgumentException("--interval takes one duration, for example 30d.", nameof(interval));
                }

                answer = CliInput.Check("--interval", () => TargetSolver.SmallestDose(chosenRoute, chosenForm, every[0], target, settings));
            }

            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(json))
            {
                CliJson.Write(output, TargetJson.Of(answer, result.GetValue(dose) is null ? "dose" : "interval"));
            }
            else
            {
                output.WriteLine(answer.Note);
                if (settings.Share > 0)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Share above the line at the answer: {answer.Answer.Share:P1} (95 % {answer.ShareLower:P1}-{answer.ShareUpper:P1}) of {settings.Patients} simulated people."));
                }

                output.WriteLine("Research and teaching only; not medical advice.");
            }

            return B12Cli.Success;
        });
        return command;
    }

    private static readonly CliInput.Options Options = new("--condition", new()
    {
        [nameof(TargetSettings.InitialStores)] = "--initial-stores",
        [nameof(TargetSettings.From)] = "--from-days",
        [nameof(TargetSettings.Span)] = "--span-days",
        [nameof(TargetSettings.Share)] = "--share",
        [nameof(TargetSettings.Patients)] = "--patients",
    });

    private static TimeSpan Days(double days, string option) => days >= 0 && days <= 36525
        ? TimeSpan.FromDays(days)
        : throw new ArgumentOutOfRangeException(option, days, $"{option} must be from 0 to 36 525 days.");

    /// <summary>A line of the user's own: <c>200 pg/mL</c>, <c>150 pmol/L</c> (total) or <c>holoTC 35 pmol/L</c>.</summary>
    private static TargetLine ParseLine(string text)
    {
        var trimmed = text.Trim();
        foreach (var marker in new[] { "holotc", "active" })
        {
            if (trimmed.StartsWith(marker, StringComparison.OrdinalIgnoreCase))
            {
                return CliInput.Check("--line", () => TargetLine.HoloTranscobalamin(QuantityText.ParseMolarity(trimmed[marker.Length..].Trim(), CultureInfo.InvariantCulture)));
            }
        }

        return QuantityText.TryParse(trimmed, CultureInfo.InvariantCulture, out UnitsNet.Molarity molar)
            ? CliInput.Check("--line", () => TargetLine.TotalSerum(UnitsNet.MassConcentration.FromPicogramsPerMilliliter(molar.PicomolesPerLiter * CobalaminForms.CyanocobalaminMolarMass.GramsPerMole / 1000)))
            : CliInput.Check("--line", () => TargetLine.TotalSerum(QuantityText.ParseMassConcentration(trimmed, CultureInfo.InvariantCulture)));
    }

    private sealed record LineJson(string Name, string Analyte, double LevelPmolPerL);

    private sealed record ProbeJson(string Regimen, double DoseUg, double IntervalDays, double LowestPmolPerL, double Share, bool Passes)
    {
        public static ProbeJson Of(TargetProbe p) => new(p.Regimen.ToString(), p.Dose.Amount.Micrograms, p.Interval.TotalDays, p.Lowest.PicomolesPerLiter, p.Share, p.Passes);
    }

    private sealed record TargetJson(string SolvedFor, bool Attained, LineJson Line, ProbeJson Answer, ProbeJson? Beyond, double ShareLower, double ShareUpper, bool Monotone, IReadOnlyList<ProbeJson> Probes, string Note)
    {
        public static TargetJson Of(TargetAnswer a, string solvedFor) => new(
            solvedFor,
            a.Attained,
            new(a.Line.Name, a.Line.Analyte == SerumAnalyte.TotalB12 ? "total" : "holotc", a.Line.Level.PicomolesPerLiter),
            ProbeJson.Of(a.Answer),
            a.Beyond.Count == 0 ? null : ProbeJson.Of(a.Beyond[0]),
            a.ShareLower,
            a.ShareUpper,
            a.Monotone,
            [.. a.Probes.Select(ProbeJson.Of)],
            a.Note);
    }
}
